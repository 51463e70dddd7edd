/**
 * A command of the `topolab` command line: its usage text and a function from arguments to an exit code. Commands
 * write only through the injected {@link CliIo}, so tests run them in-process.
 */
import type { CliIo } from "./io";

export interface Command {
  name: string;
  /** How to call it, after `topolab `: `run <file|lesson-id> [--json]`. */
  synopsis: string;
  /** One line for the command list. */
  summary: string;
  /** Options and notes for `topolab help <command>`, one per line; empty when there are none. */
  details: readonly string[];
  /** Runs the command; throws `CliError` for a user error. Returns the exit code. */
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}
