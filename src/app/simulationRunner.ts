/**
 * The worker bridge: runs a loaded scenario where it keeps the page responsive. A small scenario runs right here,
 * synchronously — the lessons open instantly, in the same task as the click. A large one is recorded on a Web
 * Worker, with progress, and only opened here (`openSimulation` over the recorded data: decoding and frames are
 * lazy, so that part is quick). One run at a time: starting a run cancels the one still going.
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

/** Scenarios sending at most this many records run on the main thread. */
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

export interface SimulationRunner {
  /**
   * Runs `loaded`, cancelling any worker run still going. On this thread a failure throws, as `simulate` does; on a
   * worker the promise rejects with a {@link SimulationError}, a {@link RunFailedError} or a
   * {@link RunCancelledError}. `onProgress` gets the fraction of records sent, 0..1, while a worker runs.
   */
  run(loaded: LoadedScenario, onProgress: (fraction: number) => void): RunStart;
  /** Cancels (terminates) the worker run still going, if any. */
  cancel(): void;
}

/** The worker run was cancelled: a newer run started, or the lab moved on. */
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

export function createSimulationRunner(
  services: RunnerServices,
  mainThreadMaxRecords = MAIN_THREAD_MAX_RECORDS,
): SimulationRunner {
  let current: { port: WorkerPort; reject: (error: Error) => void } | null = null;

  const cancel = () => {
    const running = current;
    if (!running) return;
    current = null;
    running.port.terminate();
    running.reject(new RunCancelledError("a newer run replaced this one"));
  };

  const startWorker = (loaded: LoadedScenario): WorkerPort | null => {
    if (!services.createWorker || totalRecords(loaded.model) <= mainThreadMaxRecords) return null;
    try {
      return services.createWorker();
    } catch {
      return null; // Workers refused (a content policy, say): run here, frozen but correct.
    }
  };

  return {
    run(loaded, onProgress) {
      cancel();
      const port = startWorker(loaded);
      if (!port) return { kind: "done", simulation: services.simulate(loaded.model) };
      const simulation = new Promise<Simulation>((resolve, reject) => {
        const run = { port, reject };
        current = run;
        const finish = () => {
          current = null;
          port.terminate();
        };
        port.listen(
          (reply) => {
            if (current !== run) return;
            switch (reply.type) {
              case "progress":
                onProgress(reply.total > 0 ? Math.min(1, reply.done / reply.total) : 0);
                break;
              case "recorded":
                finish();
                try {
                  resolve(services.openRecorded(loaded.model, reply.recorded));
                } catch (error) {
                  reject(error);
                }
                break;
              case "failed":
                finish();
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
            finish();
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
