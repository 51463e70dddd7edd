/**
 * One partition of a topic: an append-only log. A record's offset is its index; offsets never change and records
 * are never removed (retention is not modelled for input topics). Stored as parallel arrays, not one object per
 * record, so a million-record run stays small.
 */
import type { Json, RecordKey, WallClockMs } from "../model";

export class PartitionLog {
  readonly keys: RecordKey[] = [];
  readonly values: Json[] = [];
  readonly timestamps: number[] = [];
  readonly appendTimes: WallClockMs[] = [];
  /** Record-version ids (recording path) or -1 (fast path). */
  readonly ids: number[] = [];

  get endOffset(): number {
    return this.keys.length;
  }

  /** Appends a record and returns its offset. */
  append(key: RecordKey, value: Json, timestamp: number, appendTimeMs: WallClockMs, id: number): number {
    this.keys.push(key);
    this.values.push(value);
    this.timestamps.push(timestamp);
    this.appendTimes.push(appendTimeMs);
    this.ids.push(id);
    return this.keys.length - 1;
  }
}
