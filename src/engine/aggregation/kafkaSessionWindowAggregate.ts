/**
 * Kafka Streams' session window aggregation: `KStreamSessionWindowAggregate`.
 *
 * Per record (null keys dropped): `observedStreamTime = max(observedStreamTime, ts)`;
 * `windowCloseTime = observedStreamTime - grace - gap`; find the key's sessions with `end >= ts - gap` and
 * `start <= ts + gap` (`SessionStore#findSessions`, by end then start), merge their aggregates (the `Merger`) and
 * their bounds with `[ts, ts]`. If the merged session ends before `windowCloseTime` the record is dropped; otherwise,
 * when anything merged, each old session is removed (forwarded as a tombstone with emit-on-update), and the merged
 * session is written and forwarded (its record timestamp is the session end).
 *
 * Emit-on-close emits the sessions with `end` in `[max(0, lastEmitWindowCloseTime), windowCloseTime - 1]`: a session is
 * final once `end < windowCloseTime`, exactly when no record can merge into it any more. (`suppress(untilWindowCloses)`
 * evicts at `end <= streamTime - grace - gap` instead: {@link kafkaSessionFinal}.)
 */
import type { Json } from "../model";
import { ms } from "../time/decision";
import { kafkaSessionAccepts } from "../time/kafkaLateness";
import type { ResolvedConfig } from "./aggregationConfig";
import { attempt } from "./aggregator";
import { type FinalRule, KafkaWindowAggregate } from "./kafkaWindowAggregate";
import type { WindowAggregationSnapshot } from "./windowOperator";
import type { AggregatedRecord, WindowBounds, WindowOutput } from "./windowOutput";
import { boundsOf, newEntry, type WindowEntry } from "./windowState";

export class KafkaSessionWindowAggregate extends KafkaWindowAggregate {
  readonly #gap: number;

  constructor(config: ResolvedConfig, snapshot?: WindowAggregationSnapshot) {
    super(config, snapshot);
    if (config.window.type !== "session") throw new Error("session windows only");
    this.#gap = config.window.gap;
  }

  process(record: AggregatedRecord): WindowOutput[] {
    const out: WindowOutput[] = [];
    if (record.key === null) {
      this.skipped(out, record, "null key: windowed aggregations drop records without a key");
      return out;
    }
    this.streamTime.observe(record.timestamp);
    const closeTime = this.#closeTime();
    const input = this.inputOf(out, record);
    if (input.ok) this.#aggregate(out, record, input.value);
    this.closeWindows(out);
    this.#maybeForwardFinalResult(out, closeTime);
    this.expire(out, false);
    return out;
  }

  #aggregate(out: WindowOutput[], record: AggregatedRecord, input: Json): void {
    const ts = record.timestamp;
    const found = this.readableOfKey(record.key)
      .filter((session) => session.end >= ts - this.#gap && session.start <= ts + this.#gap)
      .sort((a, b) => a.end - b.end || a.start - b.start);
    let merged: WindowBounds = { start: ts, end: ts, endInclusive: true };
    let aggregate: Json = this.aggregator.initial();
    for (const session of found) {
      const combined = attempt(() => this.aggregator.merge(aggregate, session.aggregate));
      if (!combined.ok) {
        out.push({
          kind: "failed",
          key: record.key,
          window: boundsOf(session),
          record,
          stage: "merge",
          reason: `merging session [${ms(session.start)}, ${ms(session.end)}] threw: ${combined.error}; the record is not aggregated`,
          time: this.time(),
        });
        return;
      }
      aggregate = combined.value;
      merged = {
        start: Math.min(merged.start, session.start),
        end: Math.max(merged.end, session.end),
        endInclusive: true,
      };
    }
    const decision = kafkaSessionAccepts({
      sessionStart: merged.start,
      sessionEnd: merged.end,
      streamTime: this.streamTime.current,
      graceMs: this.config.graceMs,
      gapMs: this.#gap,
    });
    if (!decision.accepted) {
      this.refused(out, record, [{ window: merged, reason: decision.reason }], false);
      return;
    }
    const added = this.aggregateInto(out, record, merged, aggregate, input);
    if (!added.ok) return;
    const isNewSessionWindow = merged.start === ts && merged.end === ts;
    if (!isNewSessionWindow) {
      for (const session of found) {
        this.state.delete(session);
        out.push({
          kind: "sessionMerged",
          key: record.key,
          window: boundsOf(session),
          value: null,
          oldValue: session.aggregate,
          mergedInto: merged,
          forwarded: this.emitOnUpdate,
          reason:
            `the record at ${ms(ts)} is within gap ${ms(this.#gap)} of session [${ms(session.start)}, ${ms(session.end)}]: ` +
            `merged into [${ms(merged.start)}, ${ms(merged.end)}]` +
            (this.emitOnUpdate ? ", the old session is removed (tombstone)" : ", the old session is removed"),
          time: this.time(),
        });
      }
    }
    const existing = this.state.get(record.key, merged.start, merged.end);
    const entry = newEntry(record.key, merged, added.value, merged.end);
    entry.hasContents = true;
    this.write(entry);
    const created = existing === undefined;
    this.updated(out, record, entry, created ? null : existing.aggregate, created, decision.reason);
  }

  #closeTime(): number {
    return this.streamTime.current - this.config.graceMs - this.#gap;
  }

  #maybeForwardFinalResult(out: WindowOutput[], closeTime: number): void {
    if (!this.shouldEmitFinal(closeTime)) return;
    // "Session window's start and end timestamps are inclusive, so we should minus 1"
    const upper = closeTime - 1;
    if (upper < 0) return;
    const lower = Math.max(0, this.lastEmitWindowCloseTime);
    this.emitRange(out, closeTime, lower, upper, false);
  }

  /** Session stores read with the key-first bound, whatever the emit strategy. */
  protected override get timeFirstReads(): boolean {
    return false;
  }

  protected storeTimestamp(entry: WindowEntry): number {
    return entry.end;
  }

  protected finalRule(entry: WindowEntry): FinalRule {
    const closeTime = this.#closeTime();
    const session = `session [${ms(entry.start)}, ${ms(entry.end)}]`;
    const bound =
      `stream time ${ms(this.streamTime.current)} − grace ${ms(this.config.graceMs)} − gap ${ms(this.#gap)} = ` +
      `${ms(closeTime)}`;
    return entry.end < closeTime
      ? { final: true, reason: `${session} ends at ${ms(entry.end)} < ${bound}: closed, final result` }
      : { final: false, reason: `${session} ends at ${ms(entry.end)} ≥ ${bound}: still open` };
  }
}
