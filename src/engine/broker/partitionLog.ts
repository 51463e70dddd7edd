/**
 * One partition of a topic: an append-only log. A record's offset is its index; offsets never change and records
 * are never removed (retention is not modelled for input topics). Stored as parallel columns — keys and values as
 * arrays, times and ids as typed arrays — not one object per record, so a million-record run stays small and
 * cheap to collect.
 */
import type { Json, RecordKey, WallClockMs } from "../model";

const INITIAL_CAPACITY = 64;

function grown<T extends Float64Array | Uint32Array | Int32Array>(array: T, length: number, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array.subarray(0, length));
  return next;
}

const NO_IDS = new Int32Array(0);

export class PartitionLog {
  readonly keys: RecordKey[] = [];
  readonly values: Json[] = [];
  private timestampColumn = new Float64Array(INITIAL_CAPACITY);
  /** Wall-clock times fit 32 bits: the scenario caps send times at 2^31 - 1 ms and delays at an hour. */
  private appendTimeColumn = new Uint32Array(INITIAL_CAPACITY);
  /** Record-version ids; allocated only once a record with an id (the recording path) is appended. */
  private idColumn = NO_IDS;
  private capacity = INITIAL_CAPACITY;
  private length = 0;

  get endOffset(): number {
    return this.length;
  }

  /** Event timestamps, indexed by offset (a view: valid until the next append). */
  get timestamps(): Float64Array {
    return this.timestampColumn.subarray(0, this.length);
  }

  /** Log-append times, indexed by offset (a view: valid until the next append). */
  get appendTimes(): Uint32Array {
    return this.appendTimeColumn.subarray(0, this.length);
  }

  /** Record ids, indexed by offset (a view: valid until the next append); -1 on the fast path. */
  get ids(): Int32Array {
    if (this.idColumn === NO_IDS) return new Int32Array(this.length).fill(-1);
    return this.idColumn.subarray(0, this.length);
  }

  timestampAt(offset: number): number {
    return this.timestampColumn[offset]!;
  }

  idAt(offset: number): number {
    return this.idColumn === NO_IDS ? -1 : this.idColumn[offset]!;
  }

  /** Appends a record and returns its offset. */
  append(key: RecordKey, value: Json, timestamp: number, appendTimeMs: WallClockMs, id: number): number {
    const offset = this.length;
    if (offset === this.capacity) {
      const capacity = this.capacity * 2;
      this.timestampColumn = grown(this.timestampColumn, offset, capacity);
      this.appendTimeColumn = grown(this.appendTimeColumn, offset, capacity);
      if (this.idColumn !== NO_IDS) this.idColumn = grown(this.idColumn, offset, capacity);
      this.capacity = capacity;
    }
    this.keys.push(key);
    this.values.push(value);
    this.timestampColumn[offset] = timestamp;
    this.appendTimeColumn[offset] = appendTimeMs;
    if (id >= 0) {
      if (this.idColumn === NO_IDS) this.idColumn = new Int32Array(this.capacity).fill(-1, 0, offset);
      this.idColumn[offset] = id;
    } else if (this.idColumn !== NO_IDS) {
      this.idColumn[offset] = -1;
    }
    this.length = offset + 1;
    return offset;
  }
}
