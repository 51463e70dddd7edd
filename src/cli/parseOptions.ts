/**
 * Command-line options with `node:util` `parseArgs`, its errors turned into one-line usage errors.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./cliError";

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

/** `parseArgs`' messages are long and advise about `--`; ours name the option and stop. */
function readableParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  switch (errorCode(error)) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? message}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/argument missing/.test(message)) return `option ${option} needs a value`;
      if (/ambiguous/.test(message)) {
        return `option ${option} needs a value; for a value that starts with "-", write ${option}=<value>`;
      }
      return `option ${option} takes no value`;
    default:
      return message;
  }
}

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** The options' values by name: a string, `true` for a boolean flag, absent when not given. */
export type OptionValues<T extends OptionsConfig> = {
  [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : string;
};

/** Parses `args` strictly: unknown options are errors; positionals are allowed (each command counts them). */
export function parseOptions<T extends OptionsConfig>(
  args: readonly string[],
  options: T,
): { values: OptionValues<T>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
    return { values: parsed.values as OptionValues<T>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(readableParseError(error));
  }
}

/** Exactly `names.length` positionals, named for the error message: `run needs <file|lesson-id>`. */
export function expectPositionals(
  command: string,
  positionals: readonly string[],
  names: readonly string[],
): string[] {
  if (positionals.length < names.length) {
    throw new UsageError(`${command} needs ${names.slice(positionals.length).join(" ")}`);
  }
  if (positionals.length > names.length) {
    const extra = positionals.slice(names.length).map((p) => JSON.stringify(p));
    throw new UsageError(`${command} takes ${names.join(" ")} only; unexpected ${extra.join(" ")}`);
  }
  return [...positionals];
}

/**
 * An integer option value within [min, max]. `what` names it in the error: `--from must be an integer from 0
 * to 42, got "x"`.
 */
export function parseIntegerOption(what: string, text: string, min: number, max: number): number {
  const trimmed = text.trim();
  const value = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${what} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}
