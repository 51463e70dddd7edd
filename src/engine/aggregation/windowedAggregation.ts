/**
 * A windowed aggregation operator for one task, independent of the run loop: records and watermarks go in, plain
 * output facts come out. The run loop owns everything around it (which record is next, forwarding, the trace).
 *
 * ## Use
 * ```ts
 * const op = createWindowedAggregation({
 *   semantics: "kafka-streams",
 *   window: { type: "tumbling", size: 10_000 },
 *   aggregate: { kind: "count" },
 *   graceMs: 2_000,
 *   emit: "onWindowClose",
 * });
 * const outputs = op.process({ key: "alice", value: { clicks: 1 }, timestamp: 12_000 });
 * op.advanceWatermark(w); // flink only: the operator's input watermark (after the run loop's StatusWatermarkValve)
 * op.openWindows();       // for the inspector: key, window, current aggregate, stream time / watermark
 * const saved = op.snapshot();                          // plain JSON: commit it with the task's changelog position
 * const again = createWindowedAggregation(config, saved); // a new owner restores it (same config: callbacks aren't data)
 * ```
 *
 * ## Time
 * - `kafka-streams`: the operator's own observed stream time (max record timestamp it processed, `-1` before any,
 *   never decreasing), updated before the record is checked. Windows close at `end + grace` with Kafka's exact
 *   boundaries per window kind (`src/engine/time/kafkaLateness.ts`); the window store's retention is modelled (a
 *   window the store no longer returns is never emitted on close). `advanceWatermark` throws.
 * - `flink`: the watermark delivered by `advanceWatermark` (`-Infinity` before the first; lower values are ignored).
 *   A window fires when `watermark >= end - 1`, is cleaned at `end - 1 + allowedLateness <= watermark`; a record for
 *   a fired but not yet cleaned window fires it again at once (`src/engine/time/flinkLateness.ts`).
 *
 * ## Outputs ({@link WindowOutput})
 * Each output has `kind`, `key`, `window` (`{start, end, endInclusive}`, or `null` when no window is involved),
 * `reason` (one line with the exact comparison) and `time` (stream time or watermark at that moment), plus:
 * - `updated`: `value`, `oldValue`, `created`, `timestamp`, `record`, and `forwarded` (true when the update itself goes
 *   downstream: Kafka's emit-on-update);
 * - `emitted`: a result going downstream: `value`, `timestamp`, `trigger` (`windowClose` | `watermark` |
 *   `lateRecord`), `pane`, `accumulation`;
 * - `late` / `lateSideOutput`: `record` (dropped from that window / sent to the late side output);
 * - `sessionMerged`: an old session merged into `mergedInto`; `forwarded` when its tombstone goes downstream;
 * - `windowClosed`: the window's final value (Kafka: past end + grace; Flink: state cleaned);
 * - `expired` (Kafka): the store dropped the window; `emitted` tells whether emit-on-close had output it;
 * - `failed`: user code threw (`stage`: `input` | `aggregate` | `merge`), the record is not added; never thrown out;
 * - `skipped`: a null key (or a null value for Kafka's sliding windows).
 * Forwarded downstream are exactly: `updated` with `forwarded`, `sessionMerged` with `forwarded` (a tombstone),
 * `emitted`, and `lateSideOutput` (to the side output).
 *
 * ## Order
 * Fully defined. `process`: the real processor's order (Kafka: the record's windows by start, then closes, then
 * emit-on-close results by window start (sessions: end), then key first seen, then store expiry; Flink: windows newest
 * first as `SlidingEventTimeWindows` assigns them). `advanceWatermark`: timers by timestamp, then start, then key.
 * `openWindows`: by window start, then key first seen, then end.
 */
import { WindowError } from "../windows/window";
import { resolveConfig, type WindowedAggregationConfig } from "./aggregationConfig";
import { FlinkWindowAggregate } from "./flinkWindowAggregate";
import { KafkaSessionWindowAggregate } from "./kafkaSessionWindowAggregate";
import { KafkaSlidingWindowAggregate } from "./kafkaSlidingWindowAggregate";
import { KafkaTimeWindowAggregate } from "./kafkaTimeWindowAggregate";
import type { WindowAggregationSnapshot, WindowOperator } from "./windowOperator";

export type WindowedAggregation = WindowOperator;

/**
 * A windowed aggregation for `config`, empty or restored from `snapshot` (taken from an operator with the same
 * semantics and window kind). Throws {@link WindowError} for invalid parameters or a mismatched snapshot.
 */
export function createWindowedAggregation(
  config: WindowedAggregationConfig,
  snapshot?: WindowAggregationSnapshot,
): WindowedAggregation {
  const resolved = resolveConfig(config);
  if (snapshot !== undefined) {
    if (snapshot.version !== 1)
      throw new WindowError(`unknown window state snapshot version ${snapshot.version}`);
    if (snapshot.semantics !== resolved.semantics || snapshot.windowType !== resolved.assigner.type) {
      throw new WindowError(
        `a ${snapshot.semantics} ${snapshot.windowType} snapshot cannot restore a ${resolved.semantics} ${resolved.assigner.type} aggregation`,
      );
    }
  }
  if (resolved.semantics === "flink") return new FlinkWindowAggregate(resolved, snapshot);
  switch (resolved.window.type) {
    case "tumbling":
    case "hopping":
      return new KafkaTimeWindowAggregate(resolved, snapshot);
    case "sliding":
      return new KafkaSlidingWindowAggregate(resolved, snapshot);
    case "session":
      return new KafkaSessionWindowAggregate(resolved, snapshot);
  }
}
