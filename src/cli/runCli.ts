/**
 * Dispatches a command line to its command and turns every failure into a message and an exit code: a user error
 * is one readable line (or one line per scenario error) on stderr, never a stack trace; anything unexpected is
 * reported as `internal error: <message>` with exit code 70.
 */
import { SimulationError } from "../engine";
import { CliError, ExitCode, UsageError } from "./cliError";
import type { Command } from "./command";
import { assignCommand } from "./commands/assign";
import { decodeCommand } from "./commands/decode";
import { lessonsCommand } from "./commands/lessons";
import { partitionCommand } from "./commands/partition";
import { runCommand } from "./commands/run";
import { traceCommand } from "./commands/trace";
import { urlCommand } from "./commands/url";
import { validateCommand } from "./commands/validate";
import { windowsCommand } from "./commands/windows";
import { type CliIo, OutputClosedError } from "./io";
import { commandUsageText, usageText } from "./usage";

/** In the order `help` lists them. */
export const COMMANDS: readonly Command[] = [
  runCommand,
  traceCommand,
  validateCommand,
  partitionCommand,
  assignCommand,
  windowsCommand,
  lessonsCommand,
  urlCommand,
  decodeCommand,
];

const HELP_FLAGS = new Set(["help", "--help", "-h"]);

/** True when `--help` or `-h` comes before any `--` (after which everything is an argument). */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

async function help(topic: string | undefined, io: CliIo): Promise<number> {
  if (topic === undefined) {
    await io.stdout(usageText(COMMANDS));
    return ExitCode.ok;
  }
  const command = COMMANDS.find((c) => c.name === topic);
  if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(topic)}`);
  await io.stdout(commandUsageText(command));
  return ExitCode.ok;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || HELP_FLAGS.has(name)) return help(args[0], io);
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(`topolab: unknown command ${JSON.stringify(name)}\n\n${usageText(COMMANDS)}`);
    return ExitCode.usage;
  }
  if (asksForHelp(args)) return help(command.name, io);
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UsageError(`${error.message}\nusage: topolab ${command.synopsis}`);
    }
    throw error;
  }
}

/** Runs one command line and returns the process's exit code. Never rejects. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    // Nobody is reading any more; whatever the command would still have printed does not matter.
    if (error instanceof OutputClosedError && error.quiet) return ExitCode.ok;
    if (error instanceof CliError || error instanceof SimulationError) {
      io.stderr(`${error.message}\n`);
      return error instanceof CliError ? error.exitCode : ExitCode.failed;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`internal error: ${message}\n`);
    return ExitCode.internal;
  }
}
