/**
 * The real {@link CliIo}: the process's standard streams and the file system.
 *
 * When the reader of standard output goes away (`topolab trace x | head`), writing fails with EPIPE; that is not
 * an error of ours, so the process stops quietly instead of printing a stack trace.
 */
import { readFileSync, statSync } from "node:fs";
import type { CliIo, FileRead } from "./io";

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

function readPath(path: string, maxBytes: number): FileRead {
  try {
    if (path === STDIN_PATH) {
      const bytes = readFileSync(0);
      return bytes.length > maxBytes ? { kind: "tooLarge", bytes: bytes.length } : decode(bytes);
    }
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

let stdoutClosed = false;
let listening = false;

/**
 * Once per process: a reader that went away ends the process quietly, with the exit code already set; any other
 * write error ends it with exit code 70.
 */
function stopQuietlyOnEpipe(): void {
  if (listening) return;
  listening = true;
  process.stdout.on("error", (error) => {
    stdoutClosed = true;
    if (errorCode(error) !== "EPIPE") {
      process.stderr.write(`internal error: cannot write the output: ${error.message}\n`);
      process.exitCode = 70;
    }
    process.exit();
  });
}

export function nodeIo(): CliIo {
  stopQuietlyOnEpipe();
  return {
    stdout(text) {
      if (!stdoutClosed && text !== "") process.stdout.write(text);
    },
    stderr(text) {
      if (text !== "") process.stderr.write(text);
    },
    readFile: readPath,
  };
}
