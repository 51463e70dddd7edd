/**
 * One partition of a topic: an append-only log. A record's offset is its index; offsets never change and records
 * are never removed (retention is not modelled for input topics).
 *
 * Two layouts, one contract: the fast path keeps the records' own columns ({@link RecordLog}); the recording path
 * keeps only record-version ids and append times ({@link VersionLog}), since the trace's version table already
 * holds every key, value and timestamp. Either way: parallel columns, not one object per record.
 */
import type { Json, RecordContext, RecordKey, WallClockMs } from "../model";
import { forTransfer, type RecordedLog } from "../trace/recordedRun";
import type { TraceLog } from "../trace/traceLog";

export interface PartitionLog {
  readonly endOffset: number;
  /** Appends a record and returns its offset. `id` is its record-version id, or -1 on the fast path. */
  append(key: RecordKey, value: Json, timestamp: number, appendTimeMs: WallClockMs, id: number): number;
  keyAt(offset: number): RecordKey;
  valueAt(offset: number): Json;
  timestampAt(offset: number): number;
  appendTimeAt(offset: number): WallClockMs;
  idAt(offset: number): number;
}

/**
 * Points `context` (the one record context user functions read) at the record at `offset` of `log`, the
 * partition `partition` of `topic`.
 */
export function readRecordContext(
  context: RecordContext,
  log: PartitionLog,
  topic: string,
  partition: number,
  offset: number,
): void {
  context.key = log.keyAt(offset);
  context.value = log.valueAt(offset);
  context.timestamp = log.timestampAt(offset);
  context.topic = topic;
  context.partition = partition;
  context.offset = offset;
}

const INITIAL_CAPACITY = 64;

function grown<T extends Float64Array | Uint32Array | Int32Array>(array: T, length: number): T {
  // A log opened from recorded columns is exactly full, possibly at length 0.
  const next = new (array.constructor as new (n: number) => T)(Math.max(INITIAL_CAPACITY, array.length * 2));
  next.set(array.subarray(0, length));
  return next;
}

/** The fast path's log: keys and values as arrays, times as typed arrays. */
export class RecordLog implements PartitionLog {
  readonly keys: RecordKey[] = [];
  readonly values: Json[] = [];
  private timestampColumn: Float64Array;
  /** Wall-clock times fit 32 bits: the scenario caps send times at 2^31 - 1 ms and delays at an hour. */
  private appendTimeColumn: Uint32Array<ArrayBuffer>;
  private length = 0;

  /**
   * `expectedRecords` sizes the time columns once (an estimate: they still grow by doubling). Untouched capacity
   * costs nothing: fresh typed arrays are zero pages until written.
   */
  constructor(expectedRecords = INITIAL_CAPACITY) {
    const capacity = Math.max(INITIAL_CAPACITY, Math.ceil(expectedRecords));
    this.timestampColumn = new Float64Array(capacity);
    this.appendTimeColumn = new Uint32Array(capacity);
  }

  get endOffset(): number {
    return this.length;
  }

  /** Event timestamps, indexed by offset (a view: valid until the next append). */
  get timestamps(): Float64Array {
    return this.timestampColumn.subarray(0, this.length);
  }

  append(key: RecordKey, value: Json, timestamp: number, appendTimeMs: WallClockMs): number {
    const offset = this.length;
    if (offset === this.timestampColumn.length) {
      this.timestampColumn = grown(this.timestampColumn, offset);
      this.appendTimeColumn = grown(this.appendTimeColumn, offset);
    }
    this.keys.push(key);
    this.values.push(value);
    this.timestampColumn[offset] = timestamp;
    this.appendTimeColumn[offset] = appendTimeMs;
    this.length = offset + 1;
    return offset;
  }

  keyAt(offset: number): RecordKey {
    return this.keys[offset]!;
  }
  valueAt(offset: number): Json {
    return this.values[offset]!;
  }
  timestampAt(offset: number): number {
    return this.timestampColumn[offset]!;
  }
  appendTimeAt(offset: number): WallClockMs {
    return this.appendTimeColumn[offset]!;
  }
  idAt(): number {
    return -1;
  }
}

/** The recording path's log: record-version ids and append times; the rest is read from the trace. */
export class VersionLog implements PartitionLog {
  private idColumn: Int32Array<ArrayBuffer>;
  private appendTimeColumn: Uint32Array<ArrayBuffer>;
  private length = 0;

  constructor(
    private readonly trace: TraceLog,
    expectedRecords = INITIAL_CAPACITY,
  ) {
    const capacity = Math.max(INITIAL_CAPACITY, Math.ceil(expectedRecords));
    this.idColumn = new Int32Array(capacity);
    this.appendTimeColumn = new Uint32Array(capacity);
  }

  /** A log over recorded columns (see {@link toRecorded}), reading records from `trace`; no copies. */
  static fromRecorded(trace: TraceLog, recorded: RecordedLog): VersionLog {
    const log = new VersionLog(trace);
    log.idColumn = recorded.ids;
    log.appendTimeColumn = recorded.appendTimes;
    log.length = recorded.ids.length;
    return log;
  }

  /** The log as plain data, trimmed to length: to transfer (`forTransfer`), or views over this log's columns. */
  toRecorded(copy = true): RecordedLog {
    const n = this.length;
    return copy
      ? { ids: forTransfer(this.idColumn, n), appendTimes: forTransfer(this.appendTimeColumn, n) }
      : { ids: this.idColumn.subarray(0, n), appendTimes: this.appendTimeColumn.subarray(0, n) };
  }

  get endOffset(): number {
    return this.length;
  }

  /** Record-version ids, indexed by offset (a view: valid until the next append). */
  get ids(): Int32Array {
    return this.idColumn.subarray(0, this.length);
  }

  append(_key: RecordKey, _value: Json, _timestamp: number, appendTimeMs: WallClockMs, id: number): number {
    const offset = this.length;
    if (offset === this.idColumn.length) {
      this.idColumn = grown(this.idColumn, offset);
      this.appendTimeColumn = grown(this.appendTimeColumn, offset);
    }
    this.idColumn[offset] = id;
    this.appendTimeColumn[offset] = appendTimeMs;
    this.length = offset + 1;
    return offset;
  }

  keyAt(offset: number): RecordKey {
    return this.trace.keyOf(this.idColumn[offset]!);
  }
  valueAt(offset: number): Json {
    return this.trace.valueOf(this.idColumn[offset]!);
  }
  timestampAt(offset: number): number {
    return this.trace.timestamps[this.idColumn[offset]!]!;
  }
  appendTimeAt(offset: number): WallClockMs {
    return this.appendTimeColumn[offset]!;
  }
  idAt(offset: number): number {
    return this.idColumn[offset]!;
  }
}
