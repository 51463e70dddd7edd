import { simulate } from "../../engine";
import { ExitCode } from "../cliError";
import type { Command } from "../command";
import { requireScenario } from "../loadInput";
import { expectPositionals, parseIntegerOption, parseOptions } from "../parseOptions";

/** Lines are handed to stdout in batches: one write per line is slow, one write for a long trace is huge. */
const LINES_PER_WRITE = 1000;

/**
 * The narration as the text line shows it: without the `@400ms ` it starts with (the line already shows the time),
 * and on one line whatever a user function's error message held.
 */
function narrationText(narration: string, timeMs: number): string {
  const prefix = `@${timeMs}ms `;
  const text = narration.startsWith(prefix) ? narration.slice(prefix.length) : narration;
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

/** `trace`: the steps of the run, each with its "why", from cursor `--from` up to (not including) `--to`. */
export const traceCommand: Command = {
  name: "trace",
  synopsis: "trace <file|lesson-id> [--from N] [--to M] [--json]",
  summary: "Print the steps of a run, one line each, with the narration of why each happened.",
  details: [
    "--from N  first step to print (default 0); 0 ≤ N ≤ steps",
    "--to M    print steps before M (default: all); N ≤ M ≤ steps",
    '--json    one JSON object per line: the decoded step plus its narration as "why"',
    "Text lines read `<step> <timeMs>ms <kind> <narration>`.",
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      from: { type: "string" },
      to: { type: "string" },
      json: { type: "boolean" },
    });
    const [ref] = expectPositionals("trace", positionals, ["<file|lesson-id>"]);
    const sim = simulate(requireScenario(ref!, io).model);
    const steps = sim.stepCount;
    const from = values.from === undefined ? 0 : parseIntegerOption("--from", values.from, 0, steps);
    const to = values.to === undefined ? steps : parseIntegerOption("--to", values.to, from, steps);

    let batch: string[] = [];
    for (let i = from; i < to; i++) {
      const step = sim.step(i);
      const why = sim.narrate(i);
      batch.push(
        values.json
          ? JSON.stringify({ ...step, why })
          : `${step.step} ${step.timeMs}ms ${step.kind} ${narrationText(why, step.timeMs)}`,
      );
      if (batch.length === LINES_PER_WRITE) {
        await io.stdout(`${batch.join("\n")}\n`);
        batch = [];
      }
    }
    if (batch.length > 0) await io.stdout(`${batch.join("\n")}\n`);
    return ExitCode.ok;
  },
};
