/**
 * Usage text: the list of every command for `topolab help`, and one command's options for `topolab help <command>`.
 */
import type { Command } from "./command";

export function usageText(commands: readonly Command[]): string {
  const lines = commands.flatMap((c) => [`  ${c.synopsis}`, `      ${c.summary}`]);
  return [
    "Topolab: a deterministic simulator of Kafka topics, producers and Kafka Streams topologies.",
    "",
    "Usage: topolab <command> [options]",
    "  (in the repository: npm run -s topolab -- <command> [options])",
    "",
    "Commands:",
    ...lines,
    "",
    "<file|lesson-id> is a scenario file (JSON, at most 2 MB; - reads standard input), else a built-in lesson id.",
    "`topolab help <command>` shows a command's options.",
    "Exit codes: 0 ok, 1 invalid input or failed run, 2 bad command line, 70 internal error.",
    "",
  ].join("\n");
}

export function commandUsageText(command: Command): string {
  const details = command.details.map((line) => `  ${line}\n`).join("");
  return `Usage: topolab ${command.synopsis}\n\n${command.summary}\n${details === "" ? "" : `\n${details}`}`;
}
