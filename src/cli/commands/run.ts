import { simulate } from "../../engine";
import { ExitCode } from "../cliError";
import type { Command } from "../command";
import { compactJson } from "../format/compactJson";
import { runReport } from "../format/runReport";
import { runText } from "../format/runText";
import { requireScenario } from "../loadInput";
import { expectPositionals, parseOptions } from "../parseOptions";

/** `run`: the recording path to the end, then the final logs, sink output, task positions and node counters. */
export const runCommand: Command = {
  name: "run",
  synopsis: "run <file|lesson-id> [--json]",
  summary: "Run a scenario to the end; print its partitions, sink output, tasks and node counters.",
  details: ["--json  print one JSON object instead (fields in docs/cli.md)"],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { json: { type: "boolean" } });
    const [ref] = expectPositionals("run", positionals, ["<file|lesson-id>"]);
    const { model } = requireScenario(ref!, io);
    const report = runReport(simulate(model));
    await io.stdout(values.json ? `${compactJson(report)}\n` : runText(report));
    return ExitCode.ok;
  },
};
