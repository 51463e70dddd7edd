import { ExitCode } from "../cliError";
import type { Command } from "../command";
import { compactJson } from "../format/compactJson";
import { formatScenarioErrors, loadInput } from "../loadInput";
import { expectPositionals, parseOptions } from "../parseOptions";

/** `validate`: checks a scenario without running it. Errors go to stderr, one per line, `path: reason`. */
export const validateCommand: Command = {
  name: "validate",
  synopsis: "validate <file|lesson-id> [--json]",
  summary: "Check a scenario: print `valid: <title>`, or one `path: reason` line per error (exit 1).",
  details: [
    '--json  print {"valid": true, "title"} or {"valid": false, "errors": [{"path", "message"}]} on stdout',
    "The file `-` is standard input.",
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { json: { type: "boolean" } });
    const [ref] = expectPositionals("validate", positionals, ["<file|lesson-id>"]);
    const loaded = loadInput(ref!, io);
    if (values.json) {
      const result = loaded.ok
        ? { valid: true, title: loaded.scenario.title }
        : { valid: false, errors: loaded.errors };
      await io.stdout(`${compactJson(result)}\n`);
    } else if (loaded.ok) {
      await io.stdout(`valid: ${loaded.scenario.title}\n`);
    } else {
      io.stderr(formatScenarioErrors(loaded.errors));
    }
    return loaded.ok ? ExitCode.ok : ExitCode.failed;
  },
};
