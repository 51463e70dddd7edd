/**
 * Kafka Streams' tumbling and hopping window aggregation: `KStreamWindowAggregate` (`TimeWindows`).
 *
 * Per record: drop a null key; `observedStreamTime = max(observedStreamTime, ts)`;
 * `windowCloseTime = observedStreamTime - grace`; for each window of `TimeWindows.windowsFor(ts)` (by start) add the
 * record iff `windowEnd > windowCloseTime` (else "Skipping record for expired window"); then, with emit-on-close,
 * `maybeForwardFinalResult`: emit the windows with start in `[lower, windowCloseTime - size]` that the time-ordered
 * store still returns (`lower` is 0 the first time, then `lastEmitWindowCloseTime - size + 1`).
 */
import type { Json } from "../model";
import { kafkaWindowAccepts, kafkaWindowFinal } from "../time/kafkaLateness";
import type { ResolvedConfig } from "./aggregationConfig";
import { type FinalRule, KafkaWindowAggregate } from "./kafkaWindowAggregate";
import type { WindowAggregationSnapshot } from "./windowOperator";
import type { AggregatedRecord, WindowBounds, WindowOutput } from "./windowOutput";
import { newEntry, type WindowEntry } from "./windowState";

export class KafkaTimeWindowAggregate extends KafkaWindowAggregate {
  readonly #size: number;

  constructor(config: ResolvedConfig, snapshot?: WindowAggregationSnapshot) {
    super(config, snapshot);
    const spec = config.window;
    if (spec.type !== "tumbling" && spec.type !== "hopping") throw new Error("time windows only");
    this.#size = spec.size;
  }

  process(record: AggregatedRecord): WindowOutput[] {
    const out: WindowOutput[] = [];
    if (record.key === null) {
      this.skipped(out, record, "null key: windowed aggregations drop records without a key");
      return out;
    }
    this.streamTime.observe(record.timestamp);
    const closeTime = this.streamTime.current - this.config.graceMs;
    const input = this.inputOf(out, record);
    if (input.ok) this.#aggregate(out, record, input.value);
    this.closeWindows(out);
    this.#maybeForwardFinalResult(out, closeTime);
    this.expire(out, true);
    return out;
  }

  #aggregate(out: WindowOutput[], record: AggregatedRecord, input: Json): void {
    const decisions = this.config.assigner.windowsFor(record.timestamp).map((window) => ({
      window,
      decision: kafkaWindowAccepts({
        windowStart: window.start,
        windowEnd: window.end,
        streamTime: this.streamTime.current,
        graceMs: this.config.graceMs,
      }),
    }));
    const anyAccepted = decisions.some(({ decision }) => decision.accepted);
    const toSideOutput = !anyAccepted && this.config.lateSideOutput;
    for (const { window, decision } of decisions) {
      if (!decision.accepted) {
        if (!toSideOutput) this.refused(out, record, [{ window, reason: decision.reason }], true);
        continue;
      }
      const existing = this.#read(record.key, window);
      const previous = existing?.aggregate ?? this.aggregator.initial();
      const added = this.aggregateInto(out, record, window, previous, input);
      if (!added.ok) continue;
      const entry = existing ?? newEntry(record.key, window, previous, record.timestamp);
      entry.aggregate = added.value;
      entry.hasContents = true;
      // newTimestamp = max(record timestamp, the stored aggregate's timestamp)
      entry.timestamp =
        existing === undefined ? record.timestamp : Math.max(record.timestamp, existing.timestamp);
      this.write(entry);
      this.updated(
        out,
        record,
        entry,
        existing === undefined ? null : previous,
        existing === undefined,
        decision.reason,
      );
    }
    if (toSideOutput) {
      const refusals = decisions.map(({ window, decision }) => ({ window, reason: decision.reason }));
      this.refused(out, record, refusals, false);
    }
  }

  /** `windowStore.fetch(key, windowStart)`: the stored window, if the store still returns it. */
  #read(key: Json, window: WindowBounds): WindowEntry | undefined {
    const entry = this.state.get(key, window.start, window.end);
    return entry !== undefined && this.readable(entry, this.timeFirstReads).readable ? entry : undefined;
  }

  #maybeForwardFinalResult(out: WindowOutput[], closeTime: number): void {
    if (!this.shouldEmitFinal(closeTime)) return;
    const upper = closeTime - this.#size;
    // "if the upper bound is smaller than 0, then there's no window closed ever"
    if (upper < 0) return;
    const lower =
      this.lastEmitWindowCloseTime === -1 ? 0 : Math.max(0, this.lastEmitWindowCloseTime - this.#size) + 1;
    // Kafka skips the fetch when no window starts in [lower, upper] (`shouldRangeFetch`); fetching finds nothing then.
    this.emitRange(out, closeTime, lower, upper, true);
  }

  protected storeTimestamp(entry: WindowEntry): number {
    return entry.start;
  }

  protected finalRule(entry: WindowEntry): FinalRule {
    return kafkaWindowFinal({
      windowStart: entry.start,
      windowEnd: entry.end,
      streamTime: this.streamTime.current,
      graceMs: this.config.graceMs,
    });
  }
}
