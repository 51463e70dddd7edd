import {
  MAX_WINDOWS_PER_RECORD,
  type Window,
  WindowError,
  type WindowSemantics,
  type WindowSpec,
  windowAssigner,
} from "../../engine";
import { ExitCode, UsageError } from "../cliError";
import type { Command } from "../command";
import { compactJson } from "../format/compactJson";
import { parseIntegerOption, parseOptions } from "../parseOptions";

/** Timestamps, sizes and offsets stay within ±10^15 ms (about 31,700 years), so their sums stay exact. */
export const MAX_MS = 1_000_000_000_000_000;

const TYPES = ["tumbling", "hopping", "session"] as const;
type CliWindowType = (typeof TYPES)[number];
const SEMANTICS: readonly WindowSemantics[] = ["kafka-streams", "flink"];

function oneOf<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${what} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
}

interface WindowOptions {
  type?: string | undefined;
  size?: string | undefined;
  advance?: string | undefined;
  gap?: string | undefined;
  offset?: string | undefined;
  semantics?: string | undefined;
}

/** The window spec the options describe, with every rule about which option goes with which checked here. */
function windowSpec(values: WindowOptions, semantics: WindowSemantics): WindowSpec {
  if (values.type === undefined) throw new UsageError("windows needs --type tumbling|hopping|session");
  const type: CliWindowType = oneOf("--type", values.type, TYPES);
  if (values.offset !== undefined && semantics !== "flink") {
    throw new UsageError("--offset is only for --semantics flink (Kafka Streams' windows are epoch-aligned)");
  }
  if (type === "session") {
    if (values.size !== undefined) throw new UsageError("session windows take --gap, not --size");
    if (values.advance !== undefined) throw new UsageError("--advance is only for hopping windows");
    if (values.offset !== undefined)
      throw new UsageError("--offset is only for tumbling and hopping windows");
    if (values.gap === undefined) throw new UsageError("session windows need --gap <ms>");
    return { type, gap: parseIntegerOption("--gap", values.gap, 1, MAX_MS) };
  }
  if (values.gap !== undefined) throw new UsageError("--gap is only for session windows");
  if (values.size === undefined) throw new UsageError(`${type} windows need --size <ms>`);
  const size = parseIntegerOption("--size", values.size, 1, MAX_MS);
  if (type === "tumbling") {
    if (values.advance !== undefined) throw new UsageError("--advance is only for hopping windows");
    const offset =
      values.offset === undefined ? 0 : parseIntegerOption("--offset", values.offset, 1 - size, size - 1);
    return { type, size, offset };
  }
  if (values.advance === undefined) throw new UsageError("hopping windows need --advance <ms>");
  const advance = parseIntegerOption("--advance", values.advance, 1, MAX_MS);
  if (advance > size) throw new UsageError(`--advance (${advance}) must not be larger than --size (${size})`);
  if (Math.ceil(size / advance) > MAX_WINDOWS_PER_RECORD) {
    throw new UsageError(`--size / --advance must be at most ${MAX_WINDOWS_PER_RECORD} windows per record`);
  }
  const offset =
    values.offset === undefined ? 0 : parseIntegerOption("--offset", values.offset, 1 - advance, advance - 1);
  return { type, size, advance, offset };
}

function parseWindowOptions(args: readonly string[]) {
  try {
    return parseOptions(args, {
      type: { type: "string" },
      size: { type: "string" },
      advance: { type: "string" },
      gap: { type: "string" },
      offset: { type: "string" },
      semantics: { type: "string" },
      json: { type: "boolean" },
    });
  } catch (error) {
    const negative =
      error instanceof UsageError ? /^unknown option (-\d+)$/.exec(error.message)?.[1] : undefined;
    if (negative === undefined) throw error;
    throw new UsageError(
      `unknown option ${negative}; put negative timestamps after --: windows ... -- ${negative}`,
    );
  }
}

function formatWindow(w: Window): string {
  return `[${w.start}, ${w.end}${w.endInclusive ? "]" : ")"}`;
}

/** `windows`: the windows each timestamp falls into, as Kafka Streams' or Flink's window assigners compute them. */
export const windowsCommand: Command = {
  name: "windows",
  synopsis:
    "windows --type <tumbling|hopping|session> [--size <ms>] [--advance <ms>] [--gap <ms>] [--offset <ms>] [--semantics kafka-streams|flink] [--json] <timestamp>...",
  summary: "Print the event-time windows each timestamp falls into, as Kafka Streams or Flink assigns them.",
  details: [
    "--type T        tumbling, hopping or session (required)",
    "--size MS       the window size, for tumbling and hopping windows",
    "--advance MS    how far hopping windows move, 1 ≤ advance ≤ size (required for hopping)",
    "--gap MS        the inactivity gap of session windows (required for session)",
    "--offset MS     shift the windows off the epoch, |offset| < size (tumbling) or < advance (hopping); flink only",
    "--semantics S   kafka-streams (default) or flink",
    '--json          print [{"timestamp", "windows": [{"start", "end"}]}] instead',
    "Time windows print as [start, end). A session is the window a lone record opens: [t, t] in Kafka Streams",
    "(inclusive), [t, t + gap) in Flink. Put negative timestamps after -- (flink only).",
  ],
  async run(args, io) {
    const { values, positionals } = parseWindowOptions(args);
    const semantics = oneOf("--semantics", values.semantics ?? "kafka-streams", SEMANTICS);
    const spec = windowSpec(values, semantics);
    if (positionals.length === 0) throw new UsageError("windows needs at least one <timestamp>");
    const timestamps = positionals.map((text) => parseIntegerOption("<timestamp>", text, -MAX_MS, MAX_MS));
    if (semantics === "kafka-streams" && timestamps.some((t) => t < 0)) {
      throw new UsageError("Kafka Streams drops records with negative timestamps");
    }
    let placed: { timestamp: number; windows: Window[] }[];
    try {
      const assigner = windowAssigner(semantics, spec);
      placed = timestamps.map((timestamp) => ({ timestamp, windows: assigner.windowsFor(timestamp) }));
    } catch (error) {
      // The checks above should leave nothing for the engine to refuse; if it does, it is still the command line.
      if (error instanceof WindowError) throw new UsageError(error.message);
      throw error;
    }
    await io.stdout(
      values.json
        ? `${compactJson(
            placed.map((p) => ({
              timestamp: p.timestamp,
              windows: p.windows.map((w) => ({ start: w.start, end: w.end })),
            })),
          )}\n`
        : placed.map((p) => `${p.timestamp}  ${p.windows.map(formatWindow).join(" ")}\n`).join(""),
    );
    return ExitCode.ok;
  },
};
