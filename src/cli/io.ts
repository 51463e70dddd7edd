/**
 * The command line's only contact with the outside world: text out, text in. Commands receive a {@link CliIo}, so
 * tests run them in-process with a fake one and the real one lives in `nodeIo.ts`.
 */

/** What reading a file gave: its text, or why there is none. */
export type FileRead =
  | { kind: "text"; text: string }
  | { kind: "missing" }
  | { kind: "notAFile" }
  | { kind: "tooLarge"; bytes: number }
  | { kind: "unreadable"; reason: string };

export interface CliIo {
  /** Writes to standard output as is (callers add newlines). */
  stdout(text: string): void;
  /** Writes to standard error as is. */
  stderr(text: string): void;
  /** Reads a UTF-8 file, refusing anything over `maxBytes` before reading it. */
  readFile(path: string, maxBytes: number): FileRead;
}
