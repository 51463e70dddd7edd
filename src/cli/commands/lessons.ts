import { lessons } from "../../scenario/lessons";
import { ExitCode } from "../cliError";
import type { Command } from "../command";
import { compactJson } from "../format/compactJson";
import { expectPositionals, parseOptions } from "../parseOptions";

/** `lessons`: the built-in lessons in gallery order, ids aligned so the titles line up. */
export const lessonsCommand: Command = {
  name: "lessons",
  synopsis: "lessons [--json]",
  summary: "List the built-in lessons: `<id>  <title>`.",
  details: ['--json  print [{"id", "title"}] instead'],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { json: { type: "boolean" } });
    expectPositionals("lessons", positionals, []);
    if (values.json) {
      await io.stdout(`${compactJson(lessons.map(({ id, title }) => ({ id, title })))}\n`);
      return ExitCode.ok;
    }
    const width = Math.max(0, ...lessons.map((l) => l.id.length));
    await io.stdout(lessons.map((l) => `${l.id.padEnd(width)}  ${l.title}\n`).join(""));
    return ExitCode.ok;
  },
};
