/**
 * The windowed stream–stream join of one task, inner or left (Kafka Streams `KStreamImplJoin`, `KStreamJoinWindow`,
 * `KStreamKStreamJoin`): both operator paths call it, so they cannot disagree.
 *
 * A record arriving on one side is joined with the other side's records of the same key whose timestamps lie in
 * `[max(0, ts - before), max(0, ts + after)]` (for the right side `before` and `after` swap: `KStreamImplJoin`
 * builds the other processor with `afterMs, beforeMs`), then put into its own side's window store
 * (`KStreamJoinWindow` forwards the record to the join processor, then puts it: "we're using a window store mostly
 * for the retention"). Each match gives one output with timestamp `max(ts, other.ts)`.
 *
 * A left join's left record that matched nothing waits in the outer join store and is emitted with right = null
 * only once its window has closed (`emitNonJoinedOuterRecords`), unless a right record joins it first.
 *
 * Each side's store keeps records for `before + after + grace` (`JoinWindows#size() + gracePeriodMs()`), measured
 * from the largest timestamp put into it (`InMemoryWindowStore`: a put at or below `observedStreamTime -
 * retention` is dropped as expired, and fetches ignore records that old). The default RocksDB store expires
 * whole segments (at least 60 s each) instead, so it may keep a late record somewhat longer; the lab follows the
 * exact in-memory rule.
 */
import type { Json, RecordKey } from "../model";
import { JoinWindowStore, type StoredRecord } from "./joinWindowStore";
import { type OuterEntry, OuterJoinStore } from "./outerJoinStore";

export const JoinSide = { left: 0, right: 1 } as const;
export type JoinSide = (typeof JoinSide)[keyof typeof JoinSide];

/** Why a record took part in no join. */
export const UnjoinedReason = {
  /** Stream–table inner join: no row for the key. */
  noMatch: 0,
  /** A null key (or a null value in a stream–stream join): it cannot be joined (`skipRecord`). */
  nullKey: 1,
  /** Older than its window store keeps, and nothing the other store still keeps is within its window. */
  expired: 2,
} as const;
export type UnjoinedReason = (typeof UnjoinedReason)[keyof typeof UnjoinedReason];

export interface JoinWindowSpec {
  beforeMs: number;
  afterMs: number;
  graceMs: number;
}

/**
 * Kafka's default `emit.interval.ms.kstreams.outer.join.spurious.results.fix`: a left join looks for records whose
 * window has closed at most this often, in wall-clock time.
 */
export const OUTER_JOIN_EMIT_INTERVAL_MS = 1000;
/** Java's `Long.MAX_VALUE`, the "no record waiting" value of the time tracker's `minTime`. */
const LONG_MAX = Number.MAX_SAFE_INTEGER;

export type StreamJoinOutcome =
  /** A null key or value: the record is neither joined nor stored. */
  | { kind: "skipped"; reason: UnjoinedReason }
  /** A left join's left record with a null key: it can never match, so it is emitted at once with right = null. */
  | { kind: "unmatchable" }
  /**
   * `closed`: waiting left records whose window has now closed, to emit first with right = null. `matches`: the
   * other side's records it joins, in the store's order. `stored` is false when its own store dropped it as
   * expired (it still joined whatever the other store keeps). `unmatched`: for a left join's left record that
   * matched nothing, whether it is emitted with right = null `now` (its window has already closed) or waits
   * `later` in the outer join store.
   */
  | {
      kind: "arrived";
      closed: OuterEntry[];
      matches: StoredRecord[];
      stored: boolean;
      unmatched: "none" | "now" | "later";
      /** The task's stream time after this record (the largest timestamp either side has seen). */
      streamTime: number;
    };

class SideStore {
  readonly records = new JoinWindowStore();
  observedStreamTime = Number.NEGATIVE_INFINITY;
}

/**
 * The join state of one task: the two window stores and, for a left join, the outer join store with the shared
 * time tracker (`KStreamImplJoin.TimeTracker`: stream time over both sides, `minTime`, `nextTimeToEmit`).
 */
export class StreamStreamJoinTask {
  private readonly sides = [new SideStore(), new SideStore()] as const;
  private readonly outer: OuterJoinStore | null;
  private streamTime = -1;
  private minTime = LONG_MAX;
  private nextTimeToEmit = 0;

  constructor(
    private readonly window: JoinWindowSpec,
    leftJoin = false,
  ) {
    this.outer = leftJoin ? new OuterJoinStore() : null;
  }

  get retentionMs(): number {
    return this.window.beforeMs + this.window.afterMs + this.window.graceMs;
  }

  /** `wallClockMs` is when the task processes the record (it throttles a left join's emission of closed records). */
  arrive(
    side: JoinSide,
    key: RecordKey,
    value: Json,
    timestamp: number,
    id: number,
    wallClockMs = 0,
  ): StreamJoinOutcome {
    const outerSide = this.outer !== null && side === JoinSide.left;
    this.streamTime = Math.max(this.streamTime, timestamp);
    if (outerSide && key === null && value !== null) return { kind: "unmatchable" };
    if (key === null || value === null) return { kind: "skipped", reason: UnjoinedReason.nullKey };

    const closed = timestamp === this.streamTime ? this.emitClosed(side, wallClockMs) : [];
    const own = this.sides[side];
    const other = this.sides[1 - side]!;
    const retention = this.retentionMs;
    const { from, to } = joinRange(this.window, side, timestamp);
    const matches = other.records.fetch(key, from, to, other.observedStreamTime - retention + 1);
    // A joined record of the other side no longer waits for a null result (emitInnerJoin).
    for (const match of matches) this.outer?.delete(match.timestamp, (1 - side) as JoinSide, key);
    let unmatched: "none" | "now" | "later" = "none";
    if (outerSide && matches.length === 0) {
      // Already past its window: no later record can join it, so no spurious result is possible.
      if (to < this.streamTime) unmatched = "now";
      else {
        this.minTime = Math.min(this.minTime, timestamp);
        this.outer!.put({ key, timestamp, side, value, id });
        unmatched = "later";
      }
    }
    own.observedStreamTime = Math.max(own.observedStreamTime, timestamp);
    const stored = timestamp > own.observedStreamTime - retention;
    if (stored) own.records.put(key, { value, timestamp, id });
    return { kind: "arrived", closed, matches, stored, unmatched, streamTime: this.streamTime };
  }

  /**
   * `emitNonJoinedOuterRecords`: the waiting records whose window has closed (`ts + lookBack + grace <
   * streamTime`, lookBack = after for left records), in store order, at most every
   * {@link OUTER_JOIN_EMIT_INTERVAL_MS}; removed from the store.
   */
  private emitClosed(callerSide: JoinSide, wallClockMs: number): OuterEntry[] {
    if (this.outer === null) return [];
    const { beforeMs, afterMs, graceMs } = this.window;
    // The calling processor's own "after" (the right side's processor has before and after swapped).
    const callerAfter = callerSide === JoinSide.left ? afterMs : beforeMs;
    if (addLong(this.minTime, callerAfter + graceMs) >= this.streamTime) return [];
    if (wallClockMs < this.nextTimeToEmit) return [];
    this.nextTimeToEmit = wallClockMs + OUTER_JOIN_EMIT_INTERVAL_MS;
    this.minTime = LONG_MAX;
    const emitted: OuterEntry[] = [];
    let leftOpen = false;
    let rightOpen = false;
    for (const entry of this.outer.ordered()) {
      this.minTime = entry.timestamp;
      if (leftOpen && rightOpen) break;
      const lookBack = entry.side === JoinSide.left ? afterMs : beforeMs;
      if (entry.timestamp + lookBack + graceMs >= this.streamTime) {
        if (entry.side === JoinSide.left) leftOpen = true;
        else rightOpen = true;
        continue;
      }
      emitted.push(entry);
    }
    for (const entry of emitted) this.outer.delete(entry.timestamp, entry.side, entry.key);
    return emitted;
  }
}

/** `a + b` in Java's 64-bit arithmetic for `a = Long.MAX_VALUE`: it wraps to a negative number. */
function addLong(a: number, b: number): number {
  if (a === LONG_MAX) return b > 0 ? Number.NEGATIVE_INFINITY : a;
  return a + b;
}

/** The other side's timestamps a record at `timestamp` on `side` joins with (inclusive at both ends). */
export function joinRange(
  window: JoinWindowSpec,
  side: JoinSide,
  timestamp: number,
): { from: number; to: number } {
  const before = side === JoinSide.left ? window.beforeMs : window.afterMs;
  const after = side === JoinSide.left ? window.afterMs : window.beforeMs;
  return { from: Math.max(0, timestamp - before), to: Math.max(0, timestamp + after) };
}
