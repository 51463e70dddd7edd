/**
 * The contract every windowed-aggregation core implements (one per engine and window kind), and its snapshot.
 */
import type { Json } from "../model";
import type { WindowSemantics, WindowType } from "../windows/window";
import type { AggregatedRecord, OperatorTime, WindowBounds, WindowOutput } from "./windowOutput";
import type { WindowStateSnapshot } from "./windowState";

export interface WindowOperator {
  process(record: AggregatedRecord): WindowOutput[];
  advanceWatermark(watermark: number): WindowOutput[];
  time(): OperatorTime;
  openWindows(): OpenWindow[];
  snapshot(): WindowAggregationSnapshot;
}

/** A window the operator holds state for, as the inspector shows it. */
export interface OpenWindow {
  readonly key: Json;
  readonly window: WindowBounds;
  /** The current aggregate (Flink, discarding: what arrived since the last firing; `null` when nothing did). */
  readonly value: Json;
  /** Kafka: the result timestamp. Flink: the window's max timestamp (`end - 1`). */
  readonly timestamp: number;
  /** Kafka: past end + grace, final (kept until retention drops it). Flink: always false. */
  readonly closed: boolean;
  /** Kafka emit-on-close: 1 once emitted. Flink: the firings so far. */
  readonly emissions: number;
  readonly time: OperatorTime;
}

/**
 * Everything a task's windowed aggregation needs to resume where it was: plain JSON (`-Infinity` is `null`).
 * `storeStreamTime` is the Kafka window store's own clock (the largest window start, or session end, written).
 * `lastEmitWindowCloseTime` is Kafka's emit-on-close progress, which Kafka commits with the offsets
 * (`addProcessorMetadataKeyValue`).
 */
export interface WindowAggregationSnapshot {
  readonly version: 1;
  readonly semantics: WindowSemantics;
  readonly windowType: WindowType;
  readonly streamTime: number;
  readonly watermark: number | null;
  readonly storeStreamTime: number;
  readonly lastEmitWindowCloseTime: number;
  readonly state: WindowStateSnapshot;
}
