/**
 * The records of a left stream–stream join that have not joined yet, per task (Kafka Streams' "outer join store",
 * KIP-633 / KAFKA-10847): instead of emitting `joiner(left, null)` at once — a spurious result if a match comes
 * later — a left record waits here until its window has closed, and leaves early when a right record joins it.
 *
 * Entries are keyed by `(timestamp, side, key)` and iterated in that order (`TimestampedKeyAndJoinSide`
 * serialises timestamp, then the side as a boolean byte — right 0, left 1 — then the key). Putting the same
 * `(timestamp, side, key)` twice keeps the last value, as the key-value store does.
 */
import type { Json, RecordKey } from "../model";
import { keyIdentity } from "./keyIdentity";

export interface OuterEntry {
  key: RecordKey;
  timestamp: number;
  /** 0 left, 1 right (`JoinSide`). */
  side: 0 | 1;
  value: Json;
  /** The waiting record's version id. */
  id: number;
}

/** Serialised side byte: `true` (left) is 1, `false` (right) is 0. */
const sideByte = (side: 0 | 1) => (side === 0 ? 1 : 0);

function entryId(timestamp: number, side: 0 | 1, key: RecordKey): string {
  return `${timestamp}|${side}|${keyIdentity(key)}`;
}

export class OuterJoinStore {
  private readonly entries = new Map<string, OuterEntry>();

  put(entry: OuterEntry): void {
    this.entries.set(entryId(entry.timestamp, entry.side, entry.key), entry);
  }

  delete(timestamp: number, side: 0 | 1, key: RecordKey): void {
    this.entries.delete(entryId(timestamp, side, key));
  }

  /** Entries in store order: timestamp, then side byte, then key. */
  ordered(): OuterEntry[] {
    return [...this.entries.values()].sort(
      (a, b) =>
        a.timestamp - b.timestamp ||
        sideByte(a.side) - sideByte(b.side) ||
        (keyIdentity(a.key) < keyIdentity(b.key) ? -1 : keyIdentity(a.key) > keyIdentity(b.key) ? 1 : 0),
    );
  }
}
