import { partitionForKey } from "../../engine";
import { ExitCode, UsageError } from "../cliError";
import type { Command } from "../command";
import { compactJson } from "../format/compactJson";
import { parseIntegerOption, parseOptions } from "../parseOptions";

export const MAX_PARTITIONS = 10_000;

/** A key as printed: as is, or as a JSON string when it is empty or has spaces or control characters. */
function printedKey(key: string): string {
  return key === "" || /[\s"\\\p{Cc}]/u.test(key) ? JSON.stringify(key) : key;
}

/** `partition`: which partition each key lands in, by Kafka's default partitioner for non-null keys. */
export const partitionCommand: Command = {
  name: "partition",
  synopsis: "partition --partitions N [--json] <key>...",
  summary: "Print the partition of each key, as Kafka's producer picks it: toPositive(murmur2(key)) % N.",
  details: [
    `--partitions N  the topic's partition count, 1 ≤ N ≤ ${MAX_PARTITIONS} (required)`,
    '--json          print [{"key", "partition"}] instead',
    'Keys are strings exactly as given (the key 42 is the string "42"). Put keys that start with - after --.',
    "A key that is empty or has spaces, quotes or control characters prints as a JSON string.",
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      partitions: { type: "string", short: "p" },
      json: { type: "boolean" },
    });
    if (values.partitions === undefined) throw new UsageError("partition needs --partitions N");
    const partitions = parseIntegerOption("--partitions", values.partitions, 1, MAX_PARTITIONS);
    if (positionals.length === 0) throw new UsageError("partition needs at least one <key>");
    const placed = positionals.map((key) => ({ key, partition: partitionForKey(key, partitions) }));
    await io.stdout(
      values.json
        ? `${compactJson(placed)}\n`
        : placed.map((p) => `${printedKey(p.key)} ${p.partition}\n`).join(""),
    );
    return ExitCode.ok;
  },
};
