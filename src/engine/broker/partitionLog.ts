/**
 * One partition of a topic: an append-only log. A record's offset is its index; offsets never change and records
 * are never removed (retention is not modelled for input topics). Stored as parallel columns — keys and values as
 * arrays, times and ids as typed arrays — not one object per record, so a million-record run stays small and
 * cheap to collect.
 */
import type { Json, RecordKey, WallClockMs } from "../model";

const INITIAL_CAPACITY = 64;

function grown<T extends Float64Array | Int32Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(INITIAL_CAPACITY, array.length * 2));
  next.set(array.subarray(0, length));
  return next;
}

export class PartitionLog {
  readonly keys: RecordKey[] = [];
  readonly values: Json[] = [];
  private timestampColumn = new Float64Array(INITIAL_CAPACITY);
  private appendTimeColumn = new Float64Array(INITIAL_CAPACITY);
  /** Record-version ids (recording path) or -1 (fast path). */
  private idColumn = new Int32Array(INITIAL_CAPACITY);
  private length = 0;

  get endOffset(): number {
    return this.length;
  }

  /** Event timestamps, indexed by offset (a view: valid until the next append). */
  get timestamps(): Float64Array {
    return this.timestampColumn.subarray(0, this.length);
  }

  /** Log-append times, indexed by offset (a view: valid until the next append). */
  get appendTimes(): Float64Array {
    return this.appendTimeColumn.subarray(0, this.length);
  }

  /** Record ids, indexed by offset (a view: valid until the next append). */
  get ids(): Int32Array {
    return this.idColumn.subarray(0, this.length);
  }

  timestampAt(offset: number): number {
    return this.timestampColumn[offset]!;
  }

  idAt(offset: number): number {
    return this.idColumn[offset]!;
  }

  /** Appends a record and returns its offset. */
  append(key: RecordKey, value: Json, timestamp: number, appendTimeMs: WallClockMs, id: number): number {
    const offset = this.length;
    if (offset === this.idColumn.length) {
      this.timestampColumn = grown(this.timestampColumn, offset);
      this.appendTimeColumn = grown(this.appendTimeColumn, offset);
      this.idColumn = grown(this.idColumn, offset);
    }
    this.keys.push(key);
    this.values.push(value);
    this.timestampColumn[offset] = timestamp;
    this.appendTimeColumn[offset] = appendTimeMs;
    this.idColumn[offset] = id;
    this.length = offset + 1;
    return offset;
  }
}
