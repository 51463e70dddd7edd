/**
 * Flink's event-time window operator (`WindowOperator` with `EventTimeTrigger`), for tumbling and sliding
 * (hopping) windows and for merging session windows (`MergingWindowSet`, `EventTimeSessionWindows`).
 *
 * Per record (null keys dropped), for each window the assigner gives (Flink's order: newest start first):
 * - a window is late when `maxTimestamp + allowedLateness <= watermark` (`isWindowLate`): the record skips it;
 * - otherwise the record is added; `EventTimeTrigger#onElement` fires the window at once when
 *   `maxTimestamp <= watermark` (a late firing, within allowed lateness), else registers a timer at `maxTimestamp`;
 * - when no window took the record and `ts + allowedLateness <= watermark` (`isElementLate`), it is dropped or sent to
 *   the late side output.
 * Sessions: the record's window `[ts, ts + gap)` merges with every session of the key it intersects (touching counts,
 * `TimeWindow#intersects`); the merged sessions' state is merged and their timers moved (`onMerge`).
 *
 * `advanceWatermark(w)` fires timers in timestamp order (`InternalTimerServiceImpl#advanceWatermark`): the trigger
 * timer at `maxTimestamp` (an on-time firing) and the cleanup timer at `maxTimestamp + allowedLateness`, which clears
 * the window (`clearAllState`); with no allowed lateness both are the same timer, firing then clearing. Ties: window
 * start, then key first seen. A firing emits the aggregate with timestamp `maxTimestamp`; in discarding mode
 * (`PurgingTrigger`) the state is purged after each firing, so a later pane holds only what came after.
 */
import type { Json } from "../model";
import { ms } from "../time/decision";
import { flinkDropsRecord, flinkIsLate, flinkWindowFires } from "../time/flinkLateness";
import type { Window } from "../windows/window";
import type { ResolvedConfig } from "./aggregationConfig";
import { type Aggregator, aggregatorFor, attempt } from "./aggregator";
import type { OpenWindow, WindowAggregationSnapshot, WindowOperator } from "./windowOperator";
import type { AggregatedRecord, OperatorTime, WindowBounds, WindowOutput } from "./windowOutput";
import { boundsOf, newEntry, type WindowEntry, WindowState } from "./windowState";

export class FlinkWindowAggregate implements WindowOperator {
  readonly #config: ResolvedConfig;
  readonly #aggregator: Aggregator;
  readonly #state: WindowState;
  #watermark: number;

  constructor(config: ResolvedConfig, snapshot?: WindowAggregationSnapshot) {
    this.#config = config;
    this.#aggregator = aggregatorFor(config.aggregate);
    this.#state = new WindowState(snapshot?.state);
    this.#watermark = snapshot?.watermark ?? Number.NEGATIVE_INFINITY;
  }

  time(): OperatorTime {
    return { semantics: "flink", watermark: this.#watermark };
  }

  process(record: AggregatedRecord): WindowOutput[] {
    const out: WindowOutput[] = [];
    if (record.key === null) {
      out.push({
        kind: "skipped",
        key: null,
        window: null,
        record,
        reason: "null key: keyBy needs a key",
        time: this.time(),
      });
      return out;
    }
    const input = attempt(() => this.#aggregator.input(record.key, record.value, record.timestamp));
    if (!input.ok) {
      out.push({
        kind: "failed",
        key: record.key,
        window: null,
        record,
        stage: "input",
        reason: `the aggregate's input threw: ${input.error}; the record is not aggregated`,
        time: this.time(),
      });
      return out;
    }
    const windows = this.#config.assigner.windowsFor(record.timestamp).reverse();
    const late: { window: WindowBounds; reason: string }[] = [];
    let accepted = false;
    for (const assigned of windows) {
      const window =
        this.#config.window.type === "session" ? this.#mergeSessions(out, record, assigned) : assigned;
      if (window === null) return out;
      const lateness = flinkIsLate({
        windowStart: window.start,
        windowEnd: window.end,
        watermark: this.#watermark,
        allowedLatenessMs: this.#config.allowedLatenessMs,
      });
      if (lateness.late) {
        late.push({ window, reason: lateness.reason });
        continue;
      }
      accepted = true;
      this.#add(out, record, input.value, window, lateness.reason);
    }
    if (accepted) {
      for (const refusal of late) {
        out.push({
          kind: "late",
          key: record.key,
          window: refusal.window,
          record,
          reason: refusal.reason,
          time: this.time(),
        });
      }
      return out;
    }
    const drop = flinkDropsRecord({
      ts: record.timestamp,
      allowedLatenessMs: this.#config.allowedLatenessMs,
      watermark: this.#watermark,
    });
    const newest = late[0];
    if (drop.dropped && newest !== undefined) {
      out.push({
        kind: this.#config.lateSideOutput ? "lateSideOutput" : "late",
        key: record.key,
        window: newest.window,
        record,
        reason: `${drop.reason}; ${newest.reason}`,
        time: this.time(),
      });
    }
    return out;
  }

  /** Adds the record to a window that is not late, firing it at once when the watermark has passed it. */
  #add(
    out: WindowOutput[],
    record: AggregatedRecord,
    input: Json,
    window: WindowBounds,
    reason: string,
  ): void {
    const existing = this.#state.get(record.key, window.start, window.end);
    const entry = existing ?? newEntry(record.key, window, this.#aggregator.initial(), window.end - 1);
    const previous = entry.hasContents ? entry.aggregate : this.#aggregator.initial();
    const added = attempt(() => this.#aggregator.add(previous, input));
    if (!added.ok) {
      out.push({
        kind: "failed",
        key: record.key,
        window,
        record,
        stage: "aggregate",
        reason: `the aggregate threw: ${added.error}; the record is not added to this window`,
        time: this.time(),
      });
      return;
    }
    const oldValue = entry.hasContents ? entry.aggregate : null;
    entry.aggregate = added.value;
    entry.hasContents = true;
    this.#state.put(entry);
    out.push({
      kind: "updated",
      key: record.key,
      window,
      value: entry.aggregate,
      oldValue,
      created: existing === undefined,
      forwarded: false,
      timestamp: entry.timestamp,
      record,
      reason,
      time: this.time(),
    });
    const fires = flinkWindowFires({
      windowStart: window.start,
      windowEnd: window.end,
      watermark: this.#watermark,
    });
    if (fires.fires) {
      this.#fire(out, entry, "lateRecord", `${fires.reason} again at once: a record within allowed lateness`);
    } else {
      entry.timerPending = true;
    }
  }

  /**
   * `MergingWindowSet#addWindow`: merges `[ts, ts + gap)` with the key's sessions it intersects. Returns the window
   * the record goes to, or `null` when merging the state failed.
   */
  #mergeSessions(out: WindowOutput[], record: AggregatedRecord, window: Window): WindowBounds | null {
    const overlapping = this.#state
      .ofKey(record.key)
      .filter((session) => session.start <= window.end && session.end >= window.start);
    const merged: WindowBounds = {
      start: Math.min(window.start, ...overlapping.map((session) => session.start)),
      end: Math.max(window.end, ...overlapping.map((session) => session.end)),
      endInclusive: false,
    };
    const only = overlapping[0];
    if (
      overlapping.length === 0 ||
      (overlapping.length === 1 && only?.start === merged.start && only.end === merged.end)
    ) {
      return merged;
    }
    let aggregate: Json = this.#aggregator.initial();
    let hasContents = false;
    for (const session of overlapping) {
      if (!session.hasContents) continue;
      const combined = attempt(() => this.#aggregator.merge(aggregate, session.aggregate));
      if (!combined.ok) {
        out.push({
          kind: "failed",
          key: record.key,
          window: boundsOf(session),
          record,
          stage: "merge",
          reason: `merging session [${ms(session.start)}, ${ms(session.end)}) threw: ${combined.error}; the record is not aggregated`,
          time: this.time(),
        });
        return null;
      }
      aggregate = combined.value;
      hasContents = true;
    }
    const entry = newEntry(record.key, merged, aggregate, merged.end - 1);
    entry.hasContents = hasContents;
    entry.emissions = Math.max(0, ...overlapping.map((session) => session.emissions));
    for (const session of overlapping) {
      this.#state.delete(session);
      out.push({
        kind: "sessionMerged",
        key: record.key,
        window: boundsOf(session),
        value: null,
        oldValue: session.aggregate,
        mergedInto: merged,
        forwarded: false,
        reason:
          `[${ms(window.start)}, ${ms(window.end)}) of the record at ${ms(record.timestamp)} intersects session ` +
          `[${ms(session.start)}, ${ms(session.end)}): merged into [${ms(merged.start)}, ${ms(merged.end)})`,
        time: this.time(),
      });
    }
    // EventTimeTrigger#onMerge registers the merged window's timer unless the watermark has passed it.
    entry.timerPending = merged.end - 1 > this.#watermark;
    this.#state.put(entry);
    return merged;
  }

  #fire(out: WindowOutput[], entry: WindowEntry, trigger: "watermark" | "lateRecord", reason: string): void {
    if (!entry.hasContents) return;
    entry.emissions += 1;
    out.push({
      kind: "emitted",
      key: entry.key,
      window: boundsOf(entry),
      value: entry.aggregate,
      timestamp: entry.end - 1,
      trigger,
      pane: entry.emissions,
      accumulation: this.#config.accumulation,
      reason,
      time: this.time(),
    });
    if (this.#config.accumulation === "discarding") {
      entry.aggregate = this.#aggregator.initial();
      entry.hasContents = false;
    }
  }

  advanceWatermark(watermark: number): WindowOutput[] {
    const out: WindowOutput[] = [];
    if (!(watermark > this.#watermark)) return out;
    this.#watermark = watermark;
    type Timer = { readonly at: number; readonly cleanup: boolean; readonly entry: WindowEntry };
    const timers: Timer[] = [];
    for (const entry of this.#state.all()) {
      if (entry.timerPending && entry.end - 1 <= watermark)
        timers.push({ at: entry.end - 1, cleanup: false, entry });
      const cleanupTime = entry.end - 1 + this.#config.allowedLatenessMs;
      if (cleanupTime <= watermark) timers.push({ at: cleanupTime, cleanup: true, entry });
    }
    timers.sort(
      (a, b) => a.at - b.at || Number(a.cleanup) - Number(b.cleanup) || this.#state.compare(a.entry, b.entry),
    );
    for (const timer of timers) {
      const entry = timer.entry;
      const window = { windowStart: entry.start, windowEnd: entry.end, watermark };
      if (!timer.cleanup) {
        entry.timerPending = false;
        this.#fire(out, entry, "watermark", flinkWindowFires(window).reason);
        continue;
      }
      this.#state.delete(entry);
      out.push({
        kind: "windowClosed",
        key: entry.key,
        window: boundsOf(entry),
        value: entry.hasContents ? entry.aggregate : null,
        reason: flinkIsLate({ ...window, allowedLatenessMs: this.#config.allowedLatenessMs }).reason,
        time: this.time(),
      });
    }
    return out;
  }

  openWindows(): OpenWindow[] {
    return this.#state.all().map((entry) => ({
      key: entry.key,
      window: boundsOf(entry),
      value: entry.hasContents ? entry.aggregate : null,
      timestamp: entry.end - 1,
      closed: false,
      emissions: entry.emissions,
      time: this.time(),
    }));
  }

  snapshot(): WindowAggregationSnapshot {
    return {
      version: 1,
      semantics: "flink",
      windowType: this.#config.assigner.type,
      streamTime: -1,
      watermark: Number.isFinite(this.#watermark) ? this.#watermark : null,
      storeStreamTime: -1,
      lastEmitWindowCloseTime: -1,
      state: this.#state.snapshot(),
    };
  }
}
