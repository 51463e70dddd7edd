import { simulate } from "../../engine";
import { compileScenario } from "../../scenario/compileScenario";
import { decodeShareFragment } from "../../scenario/shareUrl";
import { CliError, ExitCode } from "../cliError";
import type { Command } from "../command";
import { compactJson } from "../format/compactJson";
import { formatScenarioErrors } from "../loadInput";
import { expectPositionals, parseOptions } from "../parseOptions";

/**
 * `decode`: a share link back to its scenario. The scenario JSON goes to stdout alone, so `decode ... > s.json`
 * gives a file that `run` accepts; the step (and any app settings) go to stderr, or into the object with `--json`.
 */
export const decodeCommand: Command = {
  name: "decode",
  synopsis: "decode <url-or-fragment> [--json]",
  summary: "Check a share link and print its scenario as JSON (the step goes to stderr).",
  details: [
    "Accepts a whole URL, a #v1/... fragment or the fragment without #. Quote it: # and $ mean things to the shell.",
    "stdout: the scenario, pretty-printed JSON; stderr: `step: N`, then `<setting>: <value>` for each app setting.",
    '--json  print {"step", "settings", "scenario"} on stdout instead, nothing on stderr',
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { json: { type: "boolean" } });
    const [link] = expectPositionals("decode", positionals, ["<url-or-fragment>"]);
    const decoded = decodeShareFragment(link!);
    if (!decoded.ok) throw new CliError(formatScenarioErrors(decoded.errors).trimEnd());
    const steps = simulate(compileScenario(decoded.scenario)).stepCount;
    if (decoded.cursor > steps) {
      throw new CliError(`s: the step ${decoded.cursor} is past the end of the run (${steps} steps)`);
    }
    if (values.json) {
      const result = { step: decoded.cursor, settings: decoded.extra, scenario: decoded.scenario };
      await io.stdout(`${compactJson(result)}\n`);
      return ExitCode.ok;
    }
    await io.stdout(`${compactJson(decoded.scenario)}\n`);
    // A setting's value is any text; one that could break the line prints as a JSON string.
    const printed = (value: string) => (/[\p{Cc}"]/u.test(value) ? JSON.stringify(value) : value);
    const settings = Object.entries(decoded.extra).map(([name, value]) => `${name}: ${printed(value)}\n`);
    io.stderr(`step: ${decoded.cursor}\n${settings.join("")}`);
    return ExitCode.ok;
  },
};
