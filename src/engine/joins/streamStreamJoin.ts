/**
 * The windowed stream–stream inner join of one task (Kafka Streams `KStreamImplJoin`, `KStreamJoinWindow`,
 * `KStreamKStreamJoin`): both operator paths call it, so they cannot disagree.
 *
 * A record arriving on one side is first put into that side's window store (`KStreamJoinWindow`), then joined with
 * the other side's records of the same key whose timestamps lie in `[max(0, ts - before), max(0, ts + after)]`,
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
  /** Older than the window store keeps: dropped as expired. */
  expired: 2,
} as const;
export type UnjoinedReason = (typeof UnjoinedReason)[keyof typeof UnjoinedReason];

export interface JoinWindowSpec {
  beforeMs: number;
  afterMs: number;
  graceMs: number;
}

export type StreamJoinOutcome =
  | { kind: "skipped"; reason: UnjoinedReason }
  /** Stored; `matches` are the other side's records it joins, in the store's order. */
  | { kind: "stored"; matches: StoredRecord[] };

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
    own.observedStreamTime = Math.max(own.observedStreamTime, timestamp);
    if (timestamp <= own.observedStreamTime - retention) {
      return { kind: "skipped", reason: UnjoinedReason.expired };
    }
    own.records.put(key, { value, timestamp, id });
    const { from, to } = joinRange(this.window, side, timestamp);
    const matches = other.records.fetch(key, from, to, other.observedStreamTime - retention + 1);
    return { kind: "stored", matches };
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
