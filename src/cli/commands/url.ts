import { simulate } from "../../engine";
import { encodeShareFragment } from "../../scenario/shareUrl";
import { ExitCode, UsageError } from "../cliError";
import type { Command } from "../command";
import { requireScenario } from "../loadInput";
import { expectPositionals, parseIntegerOption, parseOptions } from "../parseOptions";

/** `url`: the share-link fragment that opens the scenario in the lab at a step. */
export const urlCommand: Command = {
  name: "url",
  synopsis: "url <file|lesson-id> [--step N] [--base URL]",
  summary: "Print the share-link fragment (#v1/...) that opens a scenario in the lab at a step.",
  details: [
    "--step N    the step (cursor) to open at, 0 ≤ N ≤ steps of the run (default 0)",
    "--base URL  print a whole link: URL followed by the fragment (URL must not contain #)",
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      step: { type: "string" },
      base: { type: "string" },
    });
    const [ref] = expectPositionals("url", positionals, ["<file|lesson-id>"]);
    if (values.base?.includes("#")) throw new UsageError("--base must be a URL without a # fragment");
    const { scenario, model } = requireScenario(ref!, io);
    let step = 0;
    if (values.step !== undefined) {
      // Only a run knows how many steps there are; a link past the end would open on nothing.
      step = parseIntegerOption("--step", values.step, 0, simulate(model).stepCount);
    }
    await io.stdout(`${values.base ?? ""}${encodeShareFragment(scenario, step)}\n`);
    return ExitCode.ok;
  },
};
