/**
 * The windowed stream–stream inner join of one task (Kafka Streams `KStreamImplJoin`, `KStreamJoinWindow`,
 * `KStreamKStreamJoin`): both operator paths call it, so they cannot disagree.
 *
 * A record arriving on one side is joined with the other side's records of the same key whose timestamps lie in
 * `[max(0, ts - before), max(0, ts + after)]`, then put into its own side's window store (`KStreamJoinWindow`
 * forwards the record to the join processor, then puts it: "we're using a window store mostly for the retention"),
 * where for the right side `before` and `after` swap (`KStreamImplJoin` builds the other processor with
 * `afterMs, beforeMs`). Each match gives one output with timestamp `max(ts, other.ts)`.
 *
 * Each side's store keeps records for `before + after + grace` (`JoinWindows#size() + gracePeriodMs()`), measured
 * from the largest timestamp put into it (`InMemoryWindowStore`: a put at or below `observedStreamTime -
 * retention` is dropped as expired, and fetches ignore records that old). The default RocksDB store expires
 * whole segments (at least 60 s each) instead, so it may keep a late record somewhat longer; the lab follows the
 * exact in-memory rule.
 */
import type { Json, RecordKey } from "../model";
import { JoinWindowStore, type StoredRecord } from "./joinWindowStore";

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

export type StreamJoinOutcome =
  /** A null key or value: the record is neither joined nor stored. */
  | { kind: "skipped"; reason: UnjoinedReason }
  /**
   * `matches` are the other side's records it joins, in the store's order; `stored` is false when its own store
   * dropped it as expired (it still joined whatever the other store keeps).
   */
  | { kind: "arrived"; stored: boolean; matches: StoredRecord[] };

class SideStore {
  readonly records = new JoinWindowStore();
  observedStreamTime = Number.NEGATIVE_INFINITY;
}

/** The two window stores of one task. */
export class StreamStreamJoinTask {
  private readonly sides = [new SideStore(), new SideStore()] as const;

  constructor(private readonly window: JoinWindowSpec) {}

  get retentionMs(): number {
    return this.window.beforeMs + this.window.afterMs + this.window.graceMs;
  }

  arrive(side: JoinSide, key: RecordKey, value: Json, timestamp: number, id: number): StreamJoinOutcome {
    if (key === null || value === null) return { kind: "skipped", reason: UnjoinedReason.nullKey };
    const own = this.sides[side];
    const other = this.sides[1 - side]!;
    const retention = this.retentionMs;
    const { from, to } = joinRange(this.window, side, timestamp);
    const matches = other.records.fetch(key, from, to, other.observedStreamTime - retention + 1);
    own.observedStreamTime = Math.max(own.observedStreamTime, timestamp);
    const stored = timestamp > own.observedStreamTime - retention;
    if (stored) own.records.put(key, { value, timestamp, id });
    return { kind: "arrived", stored, matches };
  }
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
