/**
 * What a windowed aggregation reports: plain data, one object per fact, each with the numbers and the one-line
 * reason a narration needs. Outputs come in a fully defined order (see `windowedAggregation.ts`).
 */
import type { Json } from "../model";

/** A window's bounds: `[start, end)`, or `[start, end]` when `endInclusive` (Kafka sessions and sliding windows). */
export interface WindowBounds {
  readonly start: number;
  readonly end: number;
  readonly endInclusive: boolean;
}

/**
 * The operator's clock when the output was produced: Kafka Streams' observed stream time (`-1` before any record) or
 * Flink's current watermark (`-Infinity` before the first watermark, for Java's `Long.MIN_VALUE`).
 */
export type OperatorTime =
  | { readonly semantics: "kafka-streams"; readonly streamTime: number }
  | { readonly semantics: "flink"; readonly watermark: number };

/** The input record an output is about. */
export interface AggregatedRecord {
  readonly key: Json;
  readonly value: Json;
  readonly timestamp: number;
}

interface OutputBase {
  readonly key: Json;
  readonly reason: string;
  readonly time: OperatorTime;
}

/**
 * The record was added to a window (created, or updated). `forwarded` is true when the new aggregate goes downstream
 * now (Kafka's emit-on-update, a KTable changelog with caching off); `timestamp` is the result's record timestamp
 * (Kafka: the largest record timestamp in the window, or the session end).
 */
export interface WindowUpdated extends OutputBase {
  readonly kind: "updated";
  readonly window: WindowBounds;
  readonly value: Json;
  readonly oldValue: Json | null;
  readonly created: boolean;
  readonly forwarded: boolean;
  readonly timestamp: number;
  readonly record: AggregatedRecord | null;
}

/**
 * A window result went downstream as a final or pane result: Kafka's emit-on-close (`trigger: "windowClose"`), Flink's
 * `EventTimeTrigger` firing at the watermark (`"watermark"`) or at once for a record within allowed lateness
 * (`"lateRecord"`). `pane` counts the firings of this window (Flink), 1 first.
 */
export interface WindowEmitted extends OutputBase {
  readonly kind: "emitted";
  readonly window: WindowBounds;
  readonly value: Json;
  readonly timestamp: number;
  readonly trigger: "windowClose" | "watermark" | "lateRecord";
  readonly pane: number;
  readonly accumulation: "accumulating" | "discarding" | null;
}

/** A window refused the record: it was too late for it. */
export interface RecordLate extends OutputBase {
  readonly kind: "late";
  readonly window: WindowBounds;
  readonly record: AggregatedRecord;
}

/** No window accepted the record and it went to the late side output (a stream that can be sunk to a topic). */
export interface RecordToLateSideOutput extends OutputBase {
  readonly kind: "lateSideOutput";
  readonly window: WindowBounds;
  readonly record: AggregatedRecord;
}

/**
 * A session was merged into `mergedInto` and removed. Under Kafka with emit-on-update its removal goes downstream
 * as a tombstone (`forwarded`, `value: null`); Flink forwards nothing.
 */
export interface SessionMerged extends OutputBase {
  readonly kind: "sessionMerged";
  readonly window: WindowBounds;
  readonly value: null;
  readonly oldValue: Json;
  readonly mergedInto: WindowBounds;
  readonly forwarded: boolean;
}

/**
 * The window stopped accepting records. Kafka: stream time passed its end plus grace (final result). Flink: the
 * watermark passed its cleanup time (`maxTimestamp + allowedLateness`) and its state was cleaned.
 */
export interface WindowClosed extends OutputBase {
  readonly kind: "windowClosed";
  readonly window: WindowBounds;
  readonly value: Json;
}

/**
 * Kafka only: the window store dropped the window (retention). `emitted` tells whether an emit-on-close result had
 * gone out before: a window dropped unemitted is never output.
 */
export interface WindowExpired extends OutputBase {
  readonly kind: "expired";
  readonly window: WindowBounds;
  readonly value: Json;
  readonly emitted: boolean;
}

/** User code threw (or returned something unusable): the record was not added to `window` (to none when `null`). */
export interface AggregationFailed extends OutputBase {
  readonly kind: "failed";
  readonly window: WindowBounds | null;
  readonly record: AggregatedRecord;
  readonly stage: "input" | "aggregate" | "merge";
}

/** The record was not aggregated at all (a null key; a null value for Kafka's sliding windows). */
export interface RecordSkipped extends OutputBase {
  readonly kind: "skipped";
  readonly window: null;
  readonly record: AggregatedRecord;
}

export type WindowOutput =
  | WindowUpdated
  | WindowEmitted
  | RecordLate
  | RecordToLateSideOutput
  | SessionMerged
  | WindowClosed
  | WindowExpired
  | AggregationFailed
  | RecordSkipped;

export type WindowOutputKind = WindowOutput["kind"];
