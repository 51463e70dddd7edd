/**
 * Exit codes and the error a command throws to stop with a message for the user.
 *
 * The codes follow the usual conventions: 1 for "the input is wrong or the run failed", 2 for "the command line
 * itself is wrong" (as getopt-style tools do), 70 for a bug of ours (`EX_SOFTWARE` in BSD's sysexits.h).
 */
export const ExitCode = {
  ok: 0,
  /** Invalid scenario, missing file, a run that hit a limit. */
  failed: 1,
  /** Unknown command or option, a bad option value, a missing argument. */
  usage: 2,
  /** An unexpected error: a bug in Topolab. */
  internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can act on: printed as one line on stderr, without a stack trace. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.failed,
  ) {
    super(message);
  }
}

/** The command line is wrong: the message is followed by a hint to the command's usage. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}
