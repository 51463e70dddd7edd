/**
 * Kafka Streams' sliding window aggregation (KIP-450): `KStreamSlidingWindowAggregate`, step for step.
 *
 * Windows are `[start, start + timeDifference]`, inclusive at both ends, and exist only where records are: each record
 * at `ts` creates its *left* window `[ts - diff, ts]` (holding it and the earlier records in range), its *right*
 * window `[ts + 1, ts + 1 + diff]` when a later record falls in it, and the right window of the previous record when
 * it is missing; every existing window the record falls into is updated. Per record:
 * - `windowCloseTime = observedStreamTime - grace`; the record is dropped when `ts + diff < windowCloseTime`;
 * - records with `ts < diff` go through `processEarly` (no window starts below 0: they share `[0, diff]`);
 * - the others through `processReverse` (stores support reverse iteration): windows with start in
 *   `[ts - 2 × diff, ts + 1]`, newest first;
 * - each window is updated iff `windowEnd >= windowCloseTime` (`updateWindowAndForward`);
 * - emit-on-close: windows with start in `[lower, windowCloseTime - diff - 1]` (`lower` = 0 the first time, then
 *   `lastEmitWindowCloseTime - diff`). Kafka checks this after `processReverse` only: not after an early or dropped
 *   record.
 */
import type { Json } from "../model";
import { ms } from "../time/decision";
import { kafkaSlidingWindowAccepts } from "../time/kafkaLateness";
import type { ResolvedConfig } from "./aggregationConfig";
import { type FinalRule, KafkaWindowAggregate } from "./kafkaWindowAggregate";
import type { WindowAggregationSnapshot } from "./windowOperator";
import type { AggregatedRecord, WindowBounds, WindowOutput } from "./windowOutput";
import { newEntry, type WindowEntry } from "./windowState";

/** A window's aggregate and timestamp as read before this record changed it (`ValueAndTimestamp`). */
interface ValueAndTimestamp {
  readonly value: Json;
  readonly timestamp: number;
}

export class KafkaSlidingWindowAggregate extends KafkaWindowAggregate {
  readonly #diff: number;

  constructor(config: ResolvedConfig, snapshot?: WindowAggregationSnapshot) {
    super(config, snapshot);
    if (config.window.type !== "sliding") throw new Error("sliding windows only");
    this.#diff = config.window.timeDifference;
  }

  process(record: AggregatedRecord): WindowOutput[] {
    const out: WindowOutput[] = [];
    if (record.key === null || record.value === null) {
      const what = record.key === null ? "null key" : "null value";
      this.skipped(out, record, `${what}: sliding-window aggregations drop records without a key or value`);
      return out;
    }
    const ts = record.timestamp;
    this.streamTime.observe(ts);
    const closeTime = this.streamTime.current - this.config.graceMs;
    const decision = kafkaSlidingWindowAccepts({
      windowStart: ts,
      windowEnd: ts + this.#diff,
      streamTime: this.streamTime.current,
      graceMs: this.config.graceMs,
    });
    if (!decision.accepted) {
      this.refused(out, record, [{ window: this.#bounds(ts), reason: decision.reason }], false);
      this.#finish(out);
      return out;
    }
    const input = this.inputOf(out, record);
    if (!input.ok) {
      this.#finish(out);
      return out;
    }
    const step = new SlidingStep(this, out, record, input.value, closeTime);
    if (ts < this.#diff) {
      step.processEarly();
      this.#finish(out);
      return out;
    }
    step.processReverse();
    this.closeWindows(out);
    this.#maybeForwardFinalResult(out, closeTime);
    this.expire(out, true);
    return out;
  }

  #finish(out: WindowOutput[]): void {
    this.closeWindows(out);
    this.expire(out, true);
  }

  #maybeForwardFinalResult(out: WindowOutput[], closeTime: number): void {
    if (!this.shouldEmitFinal(closeTime)) return;
    // "Sliding window's start and end timestamps are inclusive, so we should minus 1"
    const upper = closeTime - this.#diff - 1;
    if (upper < 0) return;
    const lower =
      this.lastEmitWindowCloseTime === -1 ? 0 : Math.max(0, this.lastEmitWindowCloseTime - this.#diff);
    this.emitRange(out, closeTime, lower, upper, true);
  }

  protected storeTimestamp(entry: WindowEntry): number {
    return entry.start;
  }

  /** Final once it no longer accepts records: `windowEnd < observedStreamTime - grace`. */
  protected finalRule(entry: WindowEntry): FinalRule {
    const decision = kafkaSlidingWindowAccepts({
      windowStart: entry.start,
      windowEnd: entry.end,
      streamTime: this.streamTime.current,
      graceMs: this.config.graceMs,
    });
    return decision.accepted
      ? { final: false, reason: decision.reason.replace(/: accepted$/, ": still open") }
      : { final: true, reason: decision.reason.replace(/: too late$/, ": closed, final result") };
  }

  #bounds(start: number): WindowBounds {
    return { start, end: start + this.#diff, endInclusive: true };
  }

  get diff(): number {
    return this.#diff;
  }

  /** `windowStore.fetch(key, from, to)` (or `backwardFetch`): the readable windows of `key` with start in range. */
  fetch(key: Json, from: number, to: number, forward: boolean): WindowEntry[] {
    const found = this.readableOfKey(key).filter((entry) => from <= entry.start && entry.start <= to);
    return forward ? found : found.reverse();
  }

  /** `updateWindowAndForward`: adds the record to `window` (from `previous`) iff `windowEnd >= windowCloseTime`. */
  updateWindowAndForward(
    out: WindowOutput[],
    record: AggregatedRecord,
    input: Json,
    window: WindowBounds,
    previous: ValueAndTimestamp | null,
    closeTime: number,
  ): void {
    const decision = kafkaSlidingWindowAccepts({
      windowStart: window.start,
      windowEnd: window.end,
      streamTime: this.streamTime.current,
      graceMs: this.config.graceMs,
    });
    if (window.end < closeTime) {
      this.refused(out, record, [{ window, reason: decision.reason }], true);
      return;
    }
    const existing = this.state.get(record.key, window.start, window.end);
    const old = previous?.value ?? null;
    const added = this.aggregateInto(
      out,
      record,
      window,
      previous?.value ?? this.aggregator.initial(),
      input,
    );
    if (!added.ok) return;
    // newTimestamp = oldAgg == null ? record timestamp : max(record timestamp, stored timestamp)
    const timestamp = previous === null ? record.timestamp : Math.max(record.timestamp, previous.timestamp);
    const entry = existing ?? newEntry(record.key, window, added.value, timestamp);
    entry.aggregate = added.value;
    entry.hasContents = true;
    entry.timestamp = timestamp;
    this.write(entry);
    this.updated(
      out,
      record,
      entry,
      existing === undefined ? null : old,
      existing === undefined,
      decision.reason,
    );
  }

  /** `createCurrentRecordRightWindow`: `[ts + 1, ts + 1 + diff]` holding the later records in range. */
  createCurrentRecordRightWindow(
    out: WindowOutput[],
    record: AggregatedRecord,
    rightWinAgg: ValueAndTimestamp,
  ): void {
    const window = this.#bounds(record.timestamp + 1);
    const entry = newEntry(record.key, window, rightWinAgg.value, rightWinAgg.timestamp);
    entry.hasContents = true;
    this.write(entry);
    const reason =
      `right window of the record at ${ms(record.timestamp)}: the records after it in range ` +
      `(the latest at ${ms(rightWinAgg.timestamp)}) fill it`;
    this.updated(out, record, entry, null, true, reason);
  }
}

/** One record's pass through `processReverse` / `processEarly` and `createWindows`. */
class SlidingStep {
  readonly #op: KafkaSlidingWindowAggregate;
  readonly #out: WindowOutput[];
  readonly #record: AggregatedRecord;
  readonly #input: Json;
  readonly #closeTime: number;

  constructor(
    op: KafkaSlidingWindowAggregate,
    out: WindowOutput[],
    record: AggregatedRecord,
    input: Json,
    closeTime: number,
  ) {
    this.#op = op;
    this.#out = out;
    this.#record = record;
    this.#input = input;
    this.#closeTime = closeTime;
  }

  processReverse(): void {
    const ts = this.#record.timestamp;
    const diff = this.#op.diff;
    const windowStartTimes = new Set<number>();
    let leftWinAgg: ValueAndTimestamp | null = null;
    let rightWinAgg: ValueAndTimestamp | null = null;
    let leftWinAlreadyCreated = false;
    let rightWinAlreadyCreated = false;
    let previousRecordTimestamp: number | null = null;
    for (const window of this.#op.fetch(this.#record.key, Math.max(0, ts - 2 * diff), ts + 1, false)) {
      windowStartTimes.add(window.start);
      const endTime = window.start + diff;
      const stored = storedValue(window);
      if (window.start === ts + 1) {
        rightWinAlreadyCreated = true;
      } else if (endTime > ts) {
        if (rightWinAgg === null) rightWinAgg = stored;
        this.#update(window, stored);
      } else if (endTime === ts) {
        leftWinAlreadyCreated = true;
        this.#update(window, stored);
        if (stored.timestamp < ts) previousRecordTimestamp = stored.timestamp;
        else return;
      } else {
        leftWinAgg = stored;
        previousRecordTimestamp = stored.timestamp;
        break;
      }
    }
    this.#createWindows(
      windowStartTimes,
      rightWinAgg,
      leftWinAgg,
      leftWinAlreadyCreated,
      rightWinAlreadyCreated,
      previousRecordTimestamp,
    );
  }

  /** Records with `0 <= ts < diff`: they all go into the combined window `[0, diff]`. */
  processEarly(): void {
    const ts = this.#record.timestamp;
    const diff = this.#op.diff;
    let combinedWindow: WindowEntry | null = null;
    let combinedValue: ValueAndTimestamp | null = null;
    let rightWinAgg: ValueAndTimestamp | null = null;
    let rightWinAlreadyCreated = false;
    const windowStartTimes = new Set<number>();
    let previousRecordTimestamp: number | null = null;
    for (const window of this.#op.fetch(this.#record.key, 0, ts + 1, true)) {
      windowStartTimes.add(window.start);
      const stored = storedValue(window);
      if (window.start === 0) {
        combinedWindow = window;
        combinedValue = stored;
        if (stored.timestamp < ts) previousRecordTimestamp = stored.timestamp;
      } else if (window.start <= ts) {
        rightWinAgg = stored;
        this.#update(window, stored);
      } else if (window.start === ts + 1) {
        rightWinAlreadyCreated = true;
      }
    }
    if (rightWinAgg === null && combinedValue !== null && combinedValue.timestamp > ts)
      rightWinAgg = combinedValue;
    if (!rightWinAlreadyCreated && rightWinAgg !== null && rightWinAgg.timestamp > ts) {
      this.#op.createCurrentRecordRightWindow(this.#out, this.#record, rightWinAgg);
    }
    if (previousRecordTimestamp !== null && !windowStartTimes.has(previousRecordTimestamp + 1)) {
      this.#createPreviousRecordRightWindow(previousRecordTimestamp + 1);
    }
    if (combinedWindow === null) {
      this.#op.updateWindowAndForward(
        this.#out,
        this.#record,
        this.#input,
        { start: 0, end: diff, endInclusive: true },
        null,
        this.#closeTime,
      );
    } else {
      this.#update(combinedWindow, combinedValue);
    }
  }

  #createWindows(
    windowStartTimes: ReadonlySet<number>,
    rightWinAgg: ValueAndTimestamp | null,
    leftWinAgg: ValueAndTimestamp | null,
    leftWinAlreadyCreated: boolean,
    rightWinAlreadyCreated: boolean,
    previousRecordTimestamp: number | null,
  ): void {
    const ts = this.#record.timestamp;
    const diff = this.#op.diff;
    if (previousRecordTimestamp !== null) {
      const previousRightWinStart = previousRecordTimestamp + 1;
      // previousRecordRightWindowDoesNotExistAndIsNotEmpty
      if (!windowStartTimes.has(previousRightWinStart) && previousRightWinStart + diff >= ts) {
        this.#createPreviousRecordRightWindow(previousRightWinStart);
      }
    }
    if (!leftWinAlreadyCreated) {
      // leftWindowNotEmpty: the previous record falls into this record's left window
      const leftNotEmpty = previousRecordTimestamp !== null && ts - diff <= previousRecordTimestamp;
      const previous =
        leftNotEmpty && leftWinAgg !== null ? { value: leftWinAgg.value, timestamp: ts } : null;
      this.#op.updateWindowAndForward(
        this.#out,
        this.#record,
        this.#input,
        { start: ts - diff, end: ts, endInclusive: true },
        previous,
        this.#closeTime,
      );
    }
    if (!rightWinAlreadyCreated && rightWinAgg !== null && rightWinAgg.timestamp > ts) {
      this.#op.createCurrentRecordRightWindow(this.#out, this.#record, rightWinAgg);
    }
  }

  #createPreviousRecordRightWindow(start: number): void {
    this.#op.updateWindowAndForward(
      this.#out,
      this.#record,
      this.#input,
      { start, end: start + this.#op.diff, endInclusive: true },
      null,
      this.#closeTime,
    );
  }

  #update(window: WindowEntry, stored: ValueAndTimestamp | null): void {
    this.#op.updateWindowAndForward(
      this.#out,
      this.#record,
      this.#input,
      { start: window.start, end: window.end, endInclusive: true },
      stored,
      this.#closeTime,
    );
  }
}

function storedValue(entry: WindowEntry): ValueAndTimestamp {
  return { value: entry.aggregate, timestamp: entry.timestamp };
}
