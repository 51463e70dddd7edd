/**
 * One side of a stream–stream join, for one task: the records that arrived on that side, per key, kept for the
 * join's retention (Kafka Streams `KStreamJoinWindow` puts every record into a `WindowStore` with
 * `retainDuplicates`; `JoinWindows#size() + gracePeriodMs()` is its retention).
 *
 * A fetch returns the records of a key with timestamps in `[timeFrom, timeTo]`, ordered by timestamp and then by
 * arrival, as a window store's iterator does.
 */
import type { Json, RecordKey } from "../model";
import { keyIdentity } from "./keyIdentity";

export interface StoredRecord {
  value: Json;
  timestamp: number;
  /** The record version's id (the trace's; on the fast path whatever id the run loop gave it). */
  id: number;
}

export class JoinWindowStore {
  private readonly byKey = new Map<string, StoredRecord[]>();

  /** Keeps the record; entries stay sorted by timestamp, equal timestamps in arrival order. */
  put(key: RecordKey, record: StoredRecord): void {
    const id = keyIdentity(key);
    let entries = this.byKey.get(id);
    if (entries === undefined) {
      entries = [];
      this.byKey.set(id, entries);
    }
    let at = entries.length;
    while (at > 0 && entries[at - 1]!.timestamp > record.timestamp) at--;
    entries.splice(at, 0, record);
  }

  /**
   * The records of `key` with `timeFrom <= timestamp <= timeTo` and not older than `retainedFrom` (records
   * below it have expired from the store).
   */
  fetch(key: RecordKey, timeFrom: number, timeTo: number, retainedFrom: number): StoredRecord[] {
    const entries = this.byKey.get(keyIdentity(key));
    if (entries === undefined) return [];
    const from = Math.max(timeFrom, retainedFrom);
    return entries.filter((e) => e.timestamp >= from && e.timestamp <= timeTo);
  }
}
