/**
 * The command line's only contact with the outside world: text out, text in. Commands receive a {@link CliIo}, so
 * tests run them in-process with a fake one and the real one lives in `nodeIo.ts`.
 */

/** What reading a file gave: its text, or why there is none. */
export type FileRead =
  | { kind: "text"; text: string }
  | { kind: "missing" }
  | { kind: "notAFile" }
  /** `atLeast`: reading stopped past the limit (standard input), so the size is only a lower bound. */
  | { kind: "tooLarge"; bytes: number; atLeast?: boolean }
  | { kind: "unreadable"; reason: string };

export interface CliIo {
  /**
   * Writes to standard output as is (callers add newlines). Returns a promise when the reader is slower than the
   * writer: a command that prints a lot awaits it before writing more, so its output never piles up in memory.
   * Throws (or rejects with) {@link OutputClosedError} once the reader has gone away.
   */
  stdout(text: string): void | Promise<void>;
  /** Writes to standard error as is. */
  stderr(text: string): void;
  /** Reads a UTF-8 file, refusing anything over `maxBytes` before reading it. */
  readFile(path: string, maxBytes: number): FileRead;
}

/**
 * Thrown by `stdout` when standard output can take no more: the reader has gone away (`topolab trace x | head`,
 * `quiet`: the command just stops, exit code 0) or writing failed for another reason (reported, exit code 70).
 */
export class OutputClosedError extends Error {
  override readonly name = "OutputClosedError";
  readonly quiet: boolean;
  constructor(message: string, options: { quiet: boolean }) {
    super(message);
    this.quiet = options.quiet;
  }
}
