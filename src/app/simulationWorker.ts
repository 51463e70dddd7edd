/**
 * The simulation worker's entry point (a module worker, bundled by Vite from `simulationRunner.ts`'s
 * `new Worker(new URL(...))`): it answers each {@link RunRequest} with `answerRunRequest`. The page terminates it
 * when it no longer needs the answer.
 */
import { answerRunRequest, type RunRequest } from "./simulationProtocol";

/** The part of a dedicated worker's global scope used here (the app's tsconfig types `self` as a window). */
interface WorkerScope {
  addEventListener(type: "message", listener: (event: MessageEvent<RunRequest>) => void): void;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.addEventListener("message", (event) => {
  answerRunRequest(event.data, (reply, transfer) => scope.postMessage(reply, transfer));
});
