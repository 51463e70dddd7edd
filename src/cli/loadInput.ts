/**
 * Resolves a `<file|lesson-id>` argument into a runnable scenario.
 *
 * An existing file wins (so a file named like a lesson is still read); otherwise the argument is looked up among
 * the built-in lessons. A file that cannot be read, or an argument that is neither, stops the command with a
 * one-line error; a scenario that does not validate comes back with its errors for the command to print.
 */
import type { SimulationModel } from "../engine";
import { compileScenario } from "../scenario/compileScenario";
import { MAX_SCENARIO_TEXT_BYTES } from "../scenario/defaults";
import { lessons } from "../scenario/lessons";
import { loadScenario } from "../scenario/loadScenario";
import { parseScenarioText } from "../scenario/parseScenarioText";
import type { ScenarioError } from "../scenario/scenarioError";
import type { Scenario } from "../scenario/schema";
import { CliError } from "./cliError";
import type { CliIo, FileRead } from "./io";

export type InputSource = { kind: "file"; path: string } | { kind: "lesson"; id: string };

export type LoadedInput =
  | { ok: true; source: InputSource; scenario: Scenario; model: SimulationModel }
  | { ok: false; source: InputSource; errors: ScenarioError[] };

/** Looks like a path rather than an id: has a directory part or a file extension. */
function looksLikePath(ref: string): boolean {
  return /[/\\]/.test(ref) || /\.\w+$/.test(ref);
}

function readFailure(path: string, read: Exclude<FileRead, { kind: "text" | "missing" }>): CliError {
  const name = JSON.stringify(path);
  switch (read.kind) {
    case "notAFile":
      return new CliError(`cannot read ${name}: not a file`);
    case "tooLarge":
      return new CliError(
        `cannot read ${name}: it is ${read.atLeast === true ? "more than " : ""}${read.bytes} bytes; a scenario may have at most ${MAX_SCENARIO_TEXT_BYTES} (${MAX_SCENARIO_TEXT_BYTES / 2 ** 20} MB)`,
      );
    case "unreadable":
      return new CliError(`cannot read ${name}: ${read.reason}`);
    default: {
      const unknown: never = read;
      return unknown;
    }
  }
}

/** The ids of the built-in lessons, for error messages: `transformations, branch-merge, ...`. */
export function lessonIds(): string {
  return lessons.map((lesson) => lesson.id).join(", ");
}

/** Reads and validates `ref`; throws {@link CliError} when it names nothing readable. */
export function loadInput(ref: string, io: CliIo): LoadedInput {
  if (ref === "") throw new CliError(`"" is neither a file nor a lesson id (lessons: ${lessonIds()})`);
  const read = io.readFile(ref, MAX_SCENARIO_TEXT_BYTES);
  if (read.kind === "text") {
    const source: InputSource = { kind: "file", path: ref };
    const parsed = parseScenarioText(read.text);
    if (!parsed.ok) return { ok: false, source, errors: parsed.errors };
    return { ok: true, source, scenario: parsed.scenario, model: compileScenario(parsed.scenario) };
  }
  if (read.kind !== "missing") throw readFailure(ref, read);
  const lesson = lessons.find((l) => l.id === ref);
  if (lesson !== undefined) {
    const source: InputSource = { kind: "lesson", id: lesson.id };
    const loaded = loadScenario(lesson.scenario);
    return loaded.ok ? { ...loaded, source } : { ok: false, source, errors: loaded.errors };
  }
  if (looksLikePath(ref)) throw new CliError(`cannot read ${JSON.stringify(ref)}: no such file`);
  throw new CliError(`${JSON.stringify(ref)} is neither a file nor a lesson id (lessons: ${lessonIds()})`);
}

/** One line per error, `path: reason`; an error about the scenario as a whole prints as its reason alone. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
  return errors
    .map((error) => {
      const message = error.message.replace(/\s*\n\s*/g, " ");
      return error.path === "" ? `${message}\n` : `${error.path}: ${message}\n`;
    })
    .join("");
}

/** Like {@link loadInput}, but an invalid scenario stops the command with its errors, one per line. */
export function requireScenario(ref: string, io: CliIo): Extract<LoadedInput, { ok: true }> {
  const loaded = loadInput(ref, io);
  if (!loaded.ok) throw new CliError(formatScenarioErrors(loaded.errors).trimEnd());
  return loaded;
}
