/**
 * The worker bridge: runs a loaded scenario where it keeps the page responsive.
 *
 * Where a run happens: a built-in lesson runs right here, synchronously, so it opens in the same task as the click.
 * Lessons are trusted and known to be small: their golden tests run every one of them in milliseconds. Anything
 * else — a share link, a file, the editor — is untrusted, and its cost cannot be bounded cheaply before it runs: a
 * handful of records fanned out by a few flatMaps makes millions of steps, a window that collects its values costs
 * the square of its record count, and the step limit is only checked between the run's happenings. So every
 * untrusted scenario runs on a Web Worker, which the page can terminate (Cancel), with progress in records and in
 * steps (the step limit bounds a run however few records it has). The worker stays for the next run once it has
 * answered; a cancelled run takes its worker with it.
 *
 * One run at a time: starting a run cancels the one still going.
 */
import {
  type RecordedRun,
  type Simulation,
  SimulationError,
  type SimulationModel,
  totalRecords,
} from "../engine/core";
import type { Scenario } from "../scenario";
import type { RunFailure, RunReply, RunRequest } from "./simulationProtocol";

/** A trusted (built-in) scenario sending more than this many records still runs on a worker. */
export const MAIN_THREAD_MAX_RECORDS = 20_000;

/** A scenario that validated: its JSON (for the worker) and its compiled model (for this thread). */
export interface LoadedScenario {
  scenario: Scenario;
  model: SimulationModel;
}

/** A worker as the runner uses it, so tests can pass a fake. */
export interface WorkerPort {
  post(request: RunRequest): void;
  /** Listens for the worker's replies, and for its death (it could not load, or crashed). */
  listen(onReply: (reply: RunReply) => void, onCrash: (message: string) => void): void;
  terminate(): void;
}

export type WorkerFactory = () => WorkerPort;

export interface RunnerServices {
  /** Runs a model on this thread. */
  simulate(model: SimulationModel): Simulation;
  /** Opens a run recorded elsewhere, with this thread's model. */
  openRecorded(model: SimulationModel, recorded: RecordedRun): Simulation;
  /** Null where there are no workers (tests, old browsers): everything runs on this thread. */
  createWorker: WorkerFactory | null;
}

/** How a run started: done already (on this thread), or running on a worker. */
export type RunStart =
  | { kind: "done"; simulation: Simulation }
  | { kind: "running"; simulation: Promise<Simulation> };

/** How far a worker run has come. */
export interface RunProgress {
  /**
   * 0..1: the larger of the share of records sent and the share of `limits.maxSteps` recorded, since a run ends
   * when its records are all processed or when it reaches the step limit, whichever comes first.
   */
  fraction: number;
  /** Trace steps recorded so far. */
  steps: number;
}

export interface RunOptions {
  /** A built-in lesson: runs on this thread (see the module comment). */
  trusted: boolean;
  /** Told while a worker runs. */
  onProgress: (progress: RunProgress) => void;
}

export interface SimulationRunner {
  /**
   * Runs `loaded`, cancelling any worker run still going. On this thread a failure throws, as `simulate` does; on a
   * worker the promise rejects with a {@link SimulationError}, a {@link RunFailedError} or a
   * {@link RunCancelledError}.
   */
  run(loaded: LoadedScenario, options: RunOptions): RunStart;
  /** Cancels (terminates) the worker run still going, if any. */
  cancel(): void;
}

/** The worker run was cancelled: by the user, by a newer run, or because the lab moved on. */
export class RunCancelledError extends Error {
  override readonly name = "RunCancelledError";
}

/** The worker run failed for a reason other than a {@link SimulationError}. */
export class RunFailedError extends Error {
  override readonly name = "RunFailedError";
  constructor(readonly failure: Exclude<RunFailure, { kind: "simulation" }>) {
    super(
      failure.kind === "scenario"
        ? `the worker rejected the scenario: ${failure.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`
        : failure.message,
    );
  }
}

function errorOf(failure: RunFailure): Error {
  return failure.kind === "simulation" ? new SimulationError(failure.message) : new RunFailedError(failure);
}

/** How far a run has come, from the worker's counts. */
export function progressOf(
  model: SimulationModel,
  reply: Extract<RunReply, { type: "progress" }>,
): RunProgress {
  const records = reply.total > 0 ? reply.done / reply.total : 0;
  const steps = reply.steps / Math.max(1, model.limits.maxSteps);
  return { fraction: Math.min(1, Math.max(records, steps)), steps: reply.steps };
}

export function createSimulationRunner(
  services: RunnerServices,
  mainThreadMaxRecords = MAIN_THREAD_MAX_RECORDS,
): SimulationRunner {
  let current: { port: WorkerPort; reject: (error: Error) => void } | null = null;
  /** A worker that answered its last run, kept for the next one (it has loaded its code already). */
  let idle: WorkerPort | null = null;

  const cancel = () => {
    const running = current;
    if (!running) return;
    current = null;
    running.port.terminate();
    running.reject(new RunCancelledError("the run was cancelled"));
  };

  const startWorker = (loaded: LoadedScenario, trusted: boolean): WorkerPort | null => {
    if (!services.createWorker) return null;
    if (trusted && totalRecords(loaded.model) <= mainThreadMaxRecords) return null;
    if (idle) {
      const port = idle;
      idle = null;
      return port;
    }
    try {
      return services.createWorker();
    } catch {
      return null; // Workers refused (a content policy, say): run here, frozen but correct.
    }
  };

  return {
    run(loaded, { trusted, onProgress }) {
      cancel();
      const port = startWorker(loaded, trusted);
      if (!port) return { kind: "done", simulation: services.simulate(loaded.model) };
      const simulation = new Promise<Simulation>((resolve, reject) => {
        const run = { port, reject };
        current = run;
        /** The run answered: its worker waits for the next one. */
        const answered = () => {
          current = null;
          if (idle) idle.terminate();
          idle = port;
        };
        port.listen(
          (reply) => {
            if (current !== run) return;
            switch (reply.type) {
              case "progress":
                onProgress(progressOf(loaded.model, reply));
                break;
              case "recorded":
                answered();
                try {
                  resolve(services.openRecorded(loaded.model, reply.recorded));
                } catch (error) {
                  reject(error);
                }
                break;
              case "failed":
                answered();
                reject(errorOf(reply.failure));
                break;
              default: {
                const unknown: never = reply;
                throw new Error(`unknown reply ${JSON.stringify(unknown)}`);
              }
            }
          },
          (message) => {
            if (current !== run) return;
            current = null;
            port.terminate();
            reject(
              new RunFailedError({ kind: "internal", message: `the simulation worker failed: ${message}` }),
            );
          },
        );
        port.post({ type: "run", scenario: loaded.scenario });
      });
      return { kind: "running", simulation };
    },
    cancel,
  };
}

/** Real workers, or null where `Worker` does not exist (Node, happy-dom). */
export function browserWorkerFactory(): WorkerFactory | null {
  if (typeof Worker === "undefined") return null;
  return () => {
    const worker = new Worker(new URL("./simulationWorker.ts", import.meta.url), { type: "module" });
    return {
      post: (request) => worker.postMessage(request),
      listen(onReply, onCrash) {
        worker.onmessage = (event: MessageEvent<RunReply>) => onReply(event.data);
        worker.onmessageerror = () => onCrash("a reply could not be read");
        worker.onerror = (event) => {
          event.preventDefault(); // reported to the user as a problem, not to the console
          onCrash(event.message || "it could not start");
        };
      },
      terminate: () => worker.terminate(),
    };
  };
}
