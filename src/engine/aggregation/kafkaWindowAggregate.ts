/**
 * What Kafka Streams' three windowed aggregate processors share (`AbstractKStreamTimeWindowAggregateProcessor`,
 * `KStreamSessionWindowAggregate`): the processor's observed stream time, the window store with its own clock and
 * retention, emit-on-update vs emit-on-close, and the outputs for late, failed and skipped records.
 *
 * The window store is modelled as Kafka's stores read it:
 * - its clock is the largest *store timestamp* ever written (window start for window stores, session end for session
 *   stores), which lags the processor's stream time;
 * - emit-on-update uses the key-first stores (`RocksDBWindowStore`, `InMemoryWindowStore`, session stores), whose
 *   reads skip an entry once `storeTimestamp < storeStreamTime - retention + 1`
 *   (see {@link isExpired});
 * - emit-on-close uses the time-ordered stores (`RocksDbIndexedTimeOrderedWindowBytesStoreSupplier`), whose time-first
 *   reads start at `storeStreamTime - retention` (`AbstractDualSchemaRocksDBSegmentedBytesStore#getActualFrom`, no
 *   `+ 1` for the time-first schema). Time-ordered *session* stores read the emit range by segment only
 *   (`RocksDBTimeOrderedSessionSegmentedBytesStore#fetchSessions`), so no session is lost to that read.
 * The record cache is off (every update forwarded, as `TopologyTestDriver` with caching disabled), and emit-on-close's
 * wall-clock throttle (`emit.interval.ms.kstreams.windowed.aggregation`, default 1 s) is taken as 0: the emit check
 * runs after every record.
 */
import type { Json } from "../model";
import { ms } from "../time/decision";
import { isExpired } from "../time/kafkaRetention";
import { StreamTime, UNKNOWN_STREAM_TIME } from "../time/streamTime";
import { WindowError } from "../windows/window";
import type { ResolvedConfig } from "./aggregationConfig";
import { type Aggregator, aggregatorFor, attempt } from "./aggregator";
import type { OpenWindow, WindowAggregationSnapshot, WindowOperator } from "./windowOperator";
import type { AggregatedRecord, OperatorTime, WindowBounds, WindowOutput } from "./windowOutput";
import { boundsOf, type WindowEntry, WindowState } from "./windowState";

/** The rule that makes a window final, with its reason. */
export interface FinalRule {
  readonly final: boolean;
  readonly reason: string;
}

export abstract class KafkaWindowAggregate implements WindowOperator {
  protected readonly config: ResolvedConfig;
  protected readonly aggregator: Aggregator;
  protected readonly state: WindowState;
  protected readonly streamTime: StreamTime;
  protected storeStreamTime: number;
  protected lastEmitWindowCloseTime: number;

  constructor(config: ResolvedConfig, snapshot?: WindowAggregationSnapshot) {
    this.config = config;
    this.aggregator = aggregatorFor(config.aggregate);
    this.state = new WindowState(snapshot?.state);
    this.streamTime = new StreamTime(snapshot?.streamTime ?? UNKNOWN_STREAM_TIME);
    this.storeStreamTime = snapshot?.storeStreamTime ?? UNKNOWN_STREAM_TIME;
    this.lastEmitWindowCloseTime = snapshot?.lastEmitWindowCloseTime ?? UNKNOWN_STREAM_TIME;
  }

  abstract process(record: AggregatedRecord): WindowOutput[];

  /** What the store files an entry under: window start, or session end. */
  protected abstract storeTimestamp(entry: WindowEntry): number;

  /** The window kind's final rule at the current stream time. */
  protected abstract finalRule(entry: WindowEntry): FinalRule;

  advanceWatermark(): WindowOutput[] {
    throw new WindowError("kafka-streams windows follow stream time: they take no watermarks");
  }

  time(): OperatorTime {
    return { semantics: "kafka-streams", streamTime: this.streamTime.current };
  }

  openWindows(): OpenWindow[] {
    return this.state.all().map((entry) => ({
      key: entry.key,
      window: boundsOf(entry),
      value: entry.aggregate,
      timestamp: entry.timestamp,
      closed: entry.closed,
      emissions: entry.emissions,
      time: this.time(),
    }));
  }

  snapshot(): WindowAggregationSnapshot {
    return {
      version: 1,
      semantics: "kafka-streams",
      windowType: this.config.assigner.type,
      streamTime: this.streamTime.current,
      watermark: null,
      storeStreamTime: this.storeStreamTime,
      lastEmitWindowCloseTime: this.lastEmitWindowCloseTime,
      state: this.state.snapshot(),
    };
  }

  protected get emitOnUpdate(): boolean {
    return this.config.emit === "onUpdate";
  }

  /** Writes `entry` to the store: the store's clock advances to its store timestamp. */
  protected write(entry: WindowEntry): void {
    this.state.put(entry);
    this.storeStreamTime = Math.max(this.storeStreamTime, this.storeTimestamp(entry));
  }

  /**
   * Whether a read still returns `entry` (see the module comment): the time-first bound when `timeFirst`, else the
   * key-first one.
   */
  protected readable(
    entry: WindowEntry,
    timeFirst: boolean,
  ): { readonly readable: boolean; readonly reason: string } {
    const stored = this.storeTimestamp(entry);
    if (!timeFirst) {
      const expiry = isExpired({
        storeTimestamp: stored,
        observedStreamTime: this.storeStreamTime,
        retentionMs: this.config.retentionMs,
      });
      return { readable: !expiry.expired, reason: expiry.reason };
    }
    const from = this.storeStreamTime - this.config.retentionMs;
    const bound = `store stream time ${ms(this.storeStreamTime)} − retention ${ms(this.config.retentionMs)} = ${ms(from)}`;
    return stored >= from
      ? { readable: true, reason: `stored at ${ms(stored)} ≥ ${bound}: retained` }
      : {
          readable: false,
          reason: `stored at ${ms(stored)} < ${bound}: the time-ordered store no longer returns it`,
        };
  }

  /** Entries of `key` a key-first read returns. */
  protected readableOfKey(key: Json): WindowEntry[] {
    return this.state.ofKey(key).filter((entry) => this.readable(entry, this.timeFirstReads).readable);
  }

  /** Whether this store's reads use the time-first bound (emit-on-close time and sliding windows). */
  protected get timeFirstReads(): boolean {
    return !this.emitOnUpdate;
  }

  /** Adds `input` to `previous` (or the initial aggregate) as `window`'s new value; reports failures. */
  protected aggregateInto(
    out: WindowOutput[],
    record: AggregatedRecord,
    window: WindowBounds,
    previous: Json,
    input: Json,
  ): { ok: true; value: Json } | { ok: false } {
    const added = attempt(() => this.aggregator.add(previous, input));
    if (added.ok) return { ok: true, value: added.value };
    out.push({
      kind: "failed",
      key: record.key,
      window,
      record,
      stage: "aggregate",
      reason: `the aggregate threw: ${added.error}; the record is not added to this window`,
      time: this.time(),
    });
    return { ok: false };
  }

  /** The record's input value, or a `failed` output. */
  protected inputOf(
    out: WindowOutput[],
    record: AggregatedRecord,
  ): { ok: true; value: Json } | { ok: false } {
    const input = attempt(() => this.aggregator.input(record.key, record.value, record.timestamp));
    if (input.ok) return { ok: true, value: input.value };
    out.push({
      kind: "failed",
      key: record.key,
      window: null,
      record,
      stage: "input",
      reason: `the aggregate's input threw: ${input.error}; the record is not aggregated`,
      time: this.time(),
    });
    return { ok: false };
  }

  protected skipped(out: WindowOutput[], record: AggregatedRecord, reason: string): void {
    out.push({ kind: "skipped", key: record.key, window: null, record, reason, time: this.time() });
  }

  /**
   * Reports windows that refused the record. Kafka only logs and counts them ("Skipping record for expired
   * window"); with a late side output configured and no window accepting the record, the record goes there once.
   */
  protected refused(
    out: WindowOutput[],
    record: AggregatedRecord,
    refusals: readonly { window: WindowBounds; reason: string }[],
    anyAccepted: boolean,
  ): void {
    const last = refusals.at(-1);
    if (last !== undefined && !anyAccepted && this.config.lateSideOutput) {
      out.push({
        kind: "lateSideOutput",
        key: record.key,
        window: last.window,
        record,
        reason: last.reason,
        time: this.time(),
      });
      return;
    }
    for (const refusal of refusals) {
      out.push({
        kind: "late",
        key: record.key,
        window: refusal.window,
        record,
        reason: refusal.reason,
        time: this.time(),
      });
    }
  }

  protected updated(
    out: WindowOutput[],
    record: AggregatedRecord | null,
    entry: WindowEntry,
    oldValue: Json | null,
    created: boolean,
    reason: string,
  ): void {
    out.push({
      kind: "updated",
      key: entry.key,
      window: boundsOf(entry),
      value: entry.aggregate,
      oldValue,
      created,
      forwarded: this.emitOnUpdate,
      timestamp: entry.timestamp,
      record,
      reason: this.emitOnUpdate ? reason : `${reason}; held until the window closes`,
      time: this.time(),
    });
  }

  /** Marks windows that became final and reports each (by window start, then key). */
  protected closeWindows(out: WindowOutput[]): void {
    for (const entry of this.state.all()) {
      if (entry.closed) continue;
      const rule = this.finalRule(entry);
      if (!rule.final) continue;
      entry.closed = true;
      out.push({
        kind: "windowClosed",
        key: entry.key,
        window: boundsOf(entry),
        value: entry.aggregate,
        reason: this.emitOnUpdate ? `${rule.reason}; its last update was the final one` : rule.reason,
        time: this.time(),
      });
    }
  }

  /**
   * Emit-on-close's `fetchAndEmit`: the windows whose store timestamp is in `[lower, upper]` and that the emit read
   * still returns, ordered by store timestamp, then key, then start (the time-first key schema).
   */
  protected emitRange(
    out: WindowOutput[],
    closeTime: number,
    lower: number,
    upper: number,
    readBound: boolean,
  ): void {
    const entries = this.state
      .all()
      .filter((entry) => {
        const stored = this.storeTimestamp(entry);
        return lower <= stored && stored <= upper;
      })
      .sort(
        (a, b) =>
          this.storeTimestamp(a) - this.storeTimestamp(b) ||
          this.state.entryKeyIndex(a) - this.state.entryKeyIndex(b) ||
          a.start - b.start,
      );
    for (const entry of entries) {
      const read = this.readable(entry, true);
      if (readBound && !read.readable) continue;
      entry.emissions += 1;
      out.push({
        kind: "emitted",
        key: entry.key,
        window: boundsOf(entry),
        value: entry.aggregate,
        timestamp: entry.timestamp,
        trigger: "windowClose",
        pane: entry.emissions,
        accumulation: null,
        reason: `${this.finalRule(entry).reason}; emitted once`,
        time: this.time(),
      });
    }
    this.lastEmitWindowCloseTime = closeTime;
  }

  /** `shouldEmitFinal` (throttle taken as 0): emit-on-close, and the close time moved since the last emit. */
  protected shouldEmitFinal(closeTime: number): boolean {
    return (
      !this.emitOnUpdate &&
      (this.lastEmitWindowCloseTime === UNKNOWN_STREAM_TIME || this.lastEmitWindowCloseTime < closeTime)
    );
  }

  /**
   * Drops from state what the store no longer returns and that can no longer be emitted, reporting each; a window
   * dropped before emit-on-close emitted it is never output.
   */
  protected expire(out: WindowOutput[], emitReadsAreBounded: boolean): void {
    for (const entry of this.state.all()) {
      const read = this.readable(entry, this.timeFirstReads);
      if (read.readable) continue;
      const emittable = !this.emitOnUpdate && entry.emissions === 0 && !emitReadsAreBounded;
      if (emittable) continue;
      this.state.delete(entry);
      const lost = !this.emitOnUpdate && entry.emissions === 0;
      out.push({
        kind: "expired",
        key: entry.key,
        window: boundsOf(entry),
        value: entry.aggregate,
        emitted: entry.emissions > 0,
        reason: lost ? `${read.reason}; it was never emitted and never will be` : read.reason,
        time: this.time(),
      });
    }
  }
}
