/**
 * The real {@link CliIo}: the process's standard streams and the file system.
 *
 * Standard output honours backpressure: when the reader is slower (a pipe into `less`), `stdout` returns a promise
 * that resolves once the stream has drained. When the reader goes away (`topolab trace x | head`), writing fails
 * with EPIPE; that is not an error of ours, so the command stops quietly instead of printing a stack trace.
 */
import { readFileSync, readSync, statSync } from "node:fs";
import { type CliIo, type FileRead, OutputClosedError } from "./io";

/** The path that means "standard input". */
export const STDIN_PATH = "-";

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decode(bytes: Uint8Array): FileRead {
  try {
    // The decoder drops a leading byte-order mark, which JSON.parse would refuse.
    return { kind: "text", text: utf8.decode(bytes) };
  } catch {
    return { kind: "unreadable", reason: "not UTF-8 text" };
  }
}

/** Waits `ms` milliseconds without spinning (standard input had nothing yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Reads standard input up to `maxBytes`, stopping as soon as there is more: `topolab validate - < /dev/zero` must
 * not read without end. A non-blocking input that has nothing yet (EAGAIN) is waited for.
 */
function readStdin(maxBytes: number): FileRead {
  const chunks: Buffer[] = [];
  const chunk = Buffer.allocUnsafe(64 * 1024);
  let total = 0;
  for (;;) {
    let read: number;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = errorCode(error);
      if (code === "EAGAIN") {
        pause(5);
        continue;
      }
      if (code === "EOF") break;
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > maxBytes) return { kind: "tooLarge", bytes: maxBytes, atLeast: true };
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return decode(Buffer.concat(chunks, total));
}

function readPath(path: string, maxBytes: number): FileRead {
  try {
    if (path === STDIN_PATH) return readStdin(maxBytes);
    const stats = statSync(path);
    if (!stats.isFile()) return { kind: "notAFile" };
    if (stats.size > maxBytes) return { kind: "tooLarge", bytes: stats.size };
    return decode(readFileSync(path));
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    if (code === "EACCES" || code === "EPERM") return { kind: "unreadable", reason: "permission denied" };
    return { kind: "unreadable", reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Set once standard output has failed: EPIPE (the reader went away) or another write error. */
let stdoutFailure: Error | null = null;
let listening = false;

/** Once per process: a write error is recorded, never left to surface as an unhandled "error" event. */
function watchStdoutErrors(): void {
  if (listening) return;
  listening = true;
  process.stdout.on("error", (error) => {
    stdoutFailure ??= error;
  });
}

function closedError(): OutputClosedError {
  const failure = stdoutFailure ?? process.stdout.errored;
  if (failure === null || failure === undefined || errorCode(failure) === "EPIPE") {
    return new OutputClosedError("standard output was closed", { quiet: true });
  }
  return new OutputClosedError(`cannot write the output: ${failure.message}`, { quiet: false });
}

/** Resolves once standard output has drained; rejects with {@link OutputClosedError} if it fails or closes first. */
function drained(): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (closed: boolean) => () => {
      process.stdout.off("drain", onDrain).off("error", onClosed).off("close", onClosed);
      if (closed) reject(closedError());
      else resolve();
    };
    const onDrain = settle(false);
    const onClosed = settle(true);
    process.stdout.once("drain", onDrain).once("error", onClosed).once("close", onClosed);
  });
}

export function nodeIo(): CliIo {
  watchStdoutErrors();
  return {
    stdout(text) {
      if (text === "") return;
      // A failed write marks the stream errored at once; the "error" event only comes later.
      if (stdoutFailure !== null || process.stdout.errored || process.stdout.destroyed) throw closedError();
      if (process.stdout.write(text)) return;
      const waiting = drained();
      // A caller that does not wait must not turn a closed pipe into an unhandled rejection.
      waiting.catch(() => {});
      return waiting;
    },
    stderr(text) {
      if (text !== "") process.stderr.write(text);
    },
    readFile: readPath,
  };
}
