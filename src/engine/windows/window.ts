/**
 * Windows and window assigners: which windows a record with event timestamp `ts` belongs to, as Kafka Streams and
 * Flink compute it. Pure functions of the timestamp and the window's parameters (all in milliseconds).
 */

/** The two engines whose window semantics we reproduce. */
export type WindowSemantics = "kafka-streams" | "flink";

export const WINDOW_SEMANTICS: readonly WindowSemantics[] = ["kafka-streams", "flink"];

/**
 * A window: `[start, end)`, or `[start, end]` when `endInclusive` (Kafka's `SessionWindow` and the windows of Kafka's
 * `SlidingWindows` include their end).
 */
export interface Window {
  readonly start: number;
  readonly end: number;
  readonly endInclusive: boolean;
}

/**
 * What kind of windows, with their parameters.
 * - `tumbling`: fixed-size, non-overlapping (`advance = size`).
 * - `hopping`: fixed-size, overlapping by `size - advance` (Flink calls them sliding windows: `slide = advance`).
 * - `session`: the window a lone record opens; sessions merge at aggregation time, which is out of scope here.
 * - `sliding`: Kafka's `SlidingWindows` (KIP-450), not Flink's: see {@link kafkaSlidingWindows}.
 *
 * `offset` shifts Flink's time windows off the epoch; Kafka's are always epoch-aligned.
 */
export type WindowSpec =
  | { readonly type: "tumbling"; readonly size: number; readonly offset?: number }
  | { readonly type: "hopping"; readonly size: number; readonly advance: number; readonly offset?: number }
  | { readonly type: "session"; readonly gap: number }
  | { readonly type: "sliding"; readonly timeDifference: number };

export type WindowType = WindowSpec["type"];

/**
 * The strategy: one engine's window assigner with its parameters fixed (and checked when it was made). Its
 * `windowsFor` returns the windows of one record, sorted by start.
 */
export interface WindowAssigner {
  readonly semantics: WindowSemantics;
  readonly type: WindowType;
  /** The class whose behaviour this reproduces, e.g. `org.apache.kafka.streams.kstream.TimeWindows`. */
  readonly reproduces: string;
  windowsFor(timestamp: number): Window[];
}

/** Invalid window parameters, or a timestamp the engine would not window. The message is one readable line. */
export class WindowError extends Error {
  override readonly name = "WindowError";
}

/** A cap on the windows of one record (`size / advance`), so a typo cannot make us allocate millions of them. */
export const MAX_WINDOWS_PER_RECORD = 10_000;

/** Throws unless `value` is a safe integer `>= min`. */
export function requireInteger(what: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new WindowError(`${what} must be an integer ≥ ${min}, got ${value}`);
  }
}

/** Throws unless `timestamp` is a safe integer. */
export function requireTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp))
    throw new WindowError(`a timestamp must be an integer, got ${timestamp}`);
}

/** Throws when `size / advance` windows per record would be more than {@link MAX_WINDOWS_PER_RECORD}. */
export function requireFewWindows(size: number, advance: number): void {
  if (Math.ceil(size / advance) > MAX_WINDOWS_PER_RECORD) {
    throw new WindowError(
      `size / advance gives more than ${MAX_WINDOWS_PER_RECORD} windows per record (size ${size}, advance ${advance})`,
    );
  }
}

/** Half-open `[start, end)`. */
export function timeWindow(start: number, end: number): Window {
  return { start, end, endInclusive: false };
}

/** True when the window contains `timestamp`. */
export function windowContains(window: Window, timestamp: number): boolean {
  return (
    window.start <= timestamp && (window.endInclusive ? timestamp <= window.end : timestamp < window.end)
  );
}
