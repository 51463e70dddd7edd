/**
 * What the page and the simulation worker say to each other. The page posts a {@link RunRequest} holding the
 * scenario as JSON (a model cannot cross threads: its user expressions are compiled functions); the worker loads
 * it, records the run and answers with progress, then with the {@link RecordedRun} — its typed-array buffers
 * transferred, not copied — or with why it failed. A failure is always an answer, never an uncaught error.
 */
import { type RecordedRun, recordedBuffers, recordRun, SimulationError } from "../engine";
import { loadScenario, type ScenarioError } from "../scenario";

export interface RunRequest {
  type: "run";
  /** A scenario (plain JSON), validated again on the worker. */
  scenario: unknown;
}

/** Why a worker run failed: what the page's own run would have thrown or reported. */
export type RunFailure =
  | { kind: "scenario"; errors: ScenarioError[] }
  /** A {@link SimulationError}: the scenario's fault (a limit reached). */
  | { kind: "simulation"; message: string }
  /** Anything else: a bug below the app. */
  | { kind: "internal"; message: string };

export type RunReply =
  /** Records sent so far and in all, and trace steps recorded so far. */
  | { type: "progress"; done: number; total: number; steps: number }
  | { type: "recorded"; recorded: RecordedRun }
  | { type: "failed"; failure: RunFailure };

/** Sends a reply to the page; `transfer` lists the buffers that move with it. */
export type ReplyPort = (reply: RunReply, transfer: ArrayBuffer[]) => void;

/** The worker's side: runs one request to its end, answering through `reply`. */
export function answerRunRequest(request: RunRequest, reply: ReplyPort): void {
  try {
    const loaded = loadScenario(request.scenario);
    if (!loaded.ok) {
      reply({ type: "failed", failure: { kind: "scenario", errors: loaded.errors } }, []);
      return;
    }
    const recorded = recordRun(loaded.model, {
      onProgress: (done, total, steps) => reply({ type: "progress", done, total, steps }, []),
    });
    reply({ type: "recorded", recorded }, recordedBuffers(recorded));
  } catch (error) {
    const failure: RunFailure =
      error instanceof SimulationError
        ? { kind: "simulation", message: error.message }
        : { kind: "internal", message: error instanceof Error ? error.message : String(error) };
    reply({ type: "failed", failure }, []);
  }
}
