/**
 * Simulation workers for tests: each fake keeps what was posted to it, and the test decides when and what it
 * answers — by hand, or as the real worker would (`answerRunRequest`, replies structured-cloned with their
 * buffers transferred, the way `postMessage` delivers them).
 */
import { answerRunRequest, type RunReply, type RunRequest } from "../simulationProtocol";
import type { WorkerFactory, WorkerPort } from "../simulationRunner";

export class FakeWorker implements WorkerPort {
  readonly requests: RunRequest[] = [];
  terminated = false;
  private onReply: (reply: RunReply) => void = () => {};
  private onCrash: (message: string) => void = () => {};

  post(request: RunRequest): void {
    // What postMessage would do to it: a request that cannot be cloned fails here, as it would in a browser.
    this.requests.push(structuredClone(request));
  }
  listen(onReply: (reply: RunReply) => void, onCrash: (message: string) => void): void {
    this.onReply = onReply;
    this.onCrash = onCrash;
  }
  terminate(): void {
    this.terminated = true;
  }

  /** Delivers a reply, even after `terminate` (a message already in flight). */
  reply(reply: RunReply): void {
    this.onReply(reply);
  }
  crash(message: string): void {
    this.onCrash(message);
  }
  /** Runs the last request as the real worker does and delivers every reply. */
  answer(): void {
    const request = this.requests.at(-1);
    if (!request) throw new Error("nothing was posted to this worker");
    answerRunRequest(request, (reply, transfer) => this.onReply(structuredClone(reply, { transfer })));
  }
}

/** A factory of fake workers, and every worker it made, oldest first. */
export function fakeWorkers(): { factory: WorkerFactory; started: FakeWorker[] } {
  const started: FakeWorker[] = [];
  return {
    started,
    factory: () => {
      const worker = new FakeWorker();
      started.push(worker);
      return worker;
    },
  };
}

/** A valid scenario whose generator sends `count` records (plus nothing else), through a source and a sink. */
export function generatedScenario(count: number, title = `${count} generated records`) {
  return {
    version: 1,
    title,
    topics: [
      { name: "in", partitions: 2 },
      { name: "out", partitions: 2 },
    ],
    producers: [{ id: "gen", topic: "in", generate: { count, everyMs: 1, keys: ["a", "b", "c"] } }],
    app: {
      id: "app",
      topology: [
        { id: "read", op: "source", topics: ["in"] },
        { id: "write", op: "sink", from: "read", topic: "out" },
      ],
    },
  };
}
