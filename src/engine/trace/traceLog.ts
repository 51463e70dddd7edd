/**
 * The recorded trace, stored column by column: one byte of kind and three 32-bit operands per step, wall-clock
 * time run-length encoded (it changes far less often than steps happen), and a table of record versions.
 * About 13 bytes a step instead of an object each. See `decodeStep` for what the operands mean per kind.
 */
import type { Json, RecordKey, WallClockMs } from "../model";
import { forTransfer, type RecordedTrace } from "./recordedRun";
import { VersionValueReader } from "./versionValues";

/** Step kinds as stored. The order is part of the trace format: append new kinds at the end. */
export const StepKind = {
  recordProduced: 0,
  recordBuffered: 1,
  recordAppended: 2,
  recordFetched: 3,
  recordProcessed: 4,
  recordFiltered: 5,
  recordBranched: 6,
  recordUnmatched: 7,
  recordWritten: 8,
  userFunctionFailed: 9,
  offsetCommitted: 10,
  /** A consumer-group happening (join, crash, rebalance, assignment…): payload in `extras`. */
  groupChanged: 11,
  /** An instance set a partition's fetch position and processed offset (resuming from a commit, dropping a fetch). */
  positionReset: 12,
  /** A record fetched again after a failover or a reset: a new version (creator {@link REFETCHED}) of the record. */
  recordRefetched: 13,
  recordStored: 20,
  recordJoined: 21,
  recordUnjoined: 22,
  /** A task skipped a record whose extracted timestamp was negative, missing or not an integer. */
  recordSkipped: 30,
  /** A task with several partitions chose the partition of its next record: what decided it in `extras`. */
  partitionChosen: 31,
  /** A task did not process because a partition of it had nothing buffered (`max.task.idle.ms`). */
  taskIdled: 32,
  /** A task's stream time advanced to the timestamp of the record it processed. */
  streamTimeAdvanced: 33,
  /** A task's stream time was set from the partition times committed with its offsets (a resume). */
  streamTimeRestored: 34,
  /** A watermark advanced: a source partition's (Flink's periodic emitter) or an operator's in one task. */
  watermarkAdvanced: 35,
  /** A source partition became idle, or active again (Flink's `withIdleness`). */
  partitionIdleChanged: 36,
  // A windowed aggregation's outputs, one step each: a = the forwarded result's version (else the input record, or
  // -1 for a watermark), b = `node | task << 16`, c = extra `{ output, input }` (see `windowOutput.ts`).
  windowUpdated: 37,
  windowEmitted: 38,
  recordLate: 39,
  recordToLateSideOutput: 40,
  sessionMerged: 41,
  windowClosed: 42,
  windowExpired: 43,
  windowAggregationFailed: 44,
  windowRecordSkipped: 45,
  /** A task's window store was restored from its changelog up to the committed offsets: extra {@link WindowRestore}. */
  windowStoreRestored: 46,
} as const;

/** The step kind of each windowed-aggregation output kind. */
export const WINDOW_STEP = {
  updated: StepKind.windowUpdated,
  emitted: StepKind.windowEmitted,
  late: StepKind.recordLate,
  lateSideOutput: StepKind.recordToLateSideOutput,
  sessionMerged: StepKind.sessionMerged,
  windowClosed: StepKind.windowClosed,
  expired: StepKind.windowExpired,
  failed: StepKind.windowAggregationFailed,
  skipped: StepKind.windowRecordSkipped,
} as const;

/** What a `windowStoreRestored` step restored: the committed offsets its changelog reached, and the windows. */
export interface WindowRestore {
  offsets: { tp: number; offset: number }[];
  windows: number;
  /** Kafka Streams: the operator's observed stream time in the snapshot (-1: none). */
  streamTime: number;
  open: RestoredWindow[];
}

/** A window as restored (the fields of a frame's `WindowFrame` that the store holds). */
export interface RestoredWindow {
  key: Json;
  start: number;
  end: number;
  endInclusive: boolean;
  value: Json;
  closed: boolean;
  emissions: number;
}

/** Splits a millisecond time into two int32 operands (`hi`, `lo`); -Infinity is `hi = -2^31`. */
export function packTime(timeMs: number): [hi: number, lo: number] {
  if (timeMs === Number.NEGATIVE_INFINITY) return [-0x80000000, 0];
  const hi = Math.floor(timeMs / 0x100000000);
  return [hi, (timeMs - hi * 0x100000000) | 0];
}

/** The time {@link packTime} split. */
export function unpackTime(hi: number, lo: number): number {
  if (hi === -0x80000000) return Number.NEGATIVE_INFINITY;
  return hi * 0x100000000 + (lo >>> 0);
}

/**
 * Operand naming a watermark's owner: a source partition (`-1 - topicPartition`) or an operator node in one task
 * (`node | task << 16`).
 */
export function watermarkChannel(node: number, task: number): number {
  return node | (task << 16);
}

/** `creators` value of a version made by fetching a record again: its processing is a reprocessing. */
export const REFETCHED = -32768;

/** Whether a version descends from a refetched record: its processing repeats work already done (at-least-once). */
export function isReprocessed(trace: Pick<TraceLog, "parents" | "creators">, version: number): boolean {
  for (let v = version; v >= 0; v = trace.parents[v]!) {
    if (trace.creators[v] === REFETCHED) return true;
  }
  return false;
}
export type StepKind = (typeof StepKind)[keyof typeof StepKind];

const INITIAL_STEPS = 1024;

function grow<T extends Int32Array | Int16Array | Uint8Array | Float64Array>(array: T, size: number): T {
  // At least 64: a trace opened from recorded columns is exactly full, possibly at length 0.
  const next = new (array.constructor as new (n: number) => T)(Math.max(64, size));
  next.set(array);
  return next;
}

export class TraceLog {
  kinds: Uint8Array<ArrayBuffer>;
  a: Int32Array<ArrayBuffer>;
  b: Int32Array<ArrayBuffer>;
  c: Int32Array<ArrayBuffer>;
  length = 0;

  /** Step index at which each run of equal wall-clock time starts, and that time. */
  timeRunStarts: Int32Array<ArrayBuffer>;
  timeRunValues: Float64Array<ArrayBuffer>;
  timeRuns = 0;
  private currentTime = Number.NaN;

  /**
   * Record versions. Their keys and values are in `keys` and `values` while recording; a trace opened from a
   * packed recording (another thread's) reads them from `packed` instead: read them with `keyOf` / `valueOf`.
   */
  keys: RecordKey[];
  values: Json[];
  private packed: VersionValueReader | null = null;
  timestamps: Float64Array<ArrayBuffer>;
  parents: Int32Array<ArrayBuffer>;
  /** Node index that created the version, or `-1 - producerIndex` for a produced record. */
  creators: Int16Array<ArrayBuffer>;
  versions = 0;

  /** Payloads of rare steps (assignments, failure messages), referenced by index from an operand. */
  extras: unknown[] = [];
  /** Text a step carries for its narration only (a peek's label), by step index. */
  notes = new Map<number, string>();

  /**
   * Columns are sized up front from the expected number of steps, record versions and wall-clock time runs
   * (estimates are fine: they grow by doubling), so a long run does not copy its trace over and over.
   */
  constructor(expectedSteps = INITIAL_STEPS, expectedVersions = INITIAL_STEPS, expectedTimeRuns = 256) {
    const steps = Math.max(INITIAL_STEPS, Math.ceil(expectedSteps));
    const runs = Math.max(256, Math.ceil(expectedTimeRuns));
    this.timeRunStarts = new Int32Array(runs);
    this.timeRunValues = new Float64Array(runs);
    const versions = Math.max(INITIAL_STEPS, Math.ceil(expectedVersions));
    this.kinds = new Uint8Array(steps);
    this.a = new Int32Array(steps);
    this.b = new Int32Array(steps);
    this.c = new Int32Array(steps);
    this.keys = new Array(versions);
    this.values = new Array(versions);
    this.timestamps = new Float64Array(versions);
    this.parents = new Int32Array(versions);
    this.creators = new Int16Array(versions);
  }

  /**
   * A trace over recorded columns (see {@link toRecorded}), to read; it takes the arrays over without copying.
   */
  static fromRecorded(recorded: RecordedTrace): TraceLog {
    const trace = new TraceLog(0, 0);
    trace.kinds = recorded.kinds;
    trace.a = recorded.a;
    trace.b = recorded.b;
    trace.c = recorded.c;
    trace.length = recorded.kinds.length;
    trace.timeRunStarts = recorded.timeRunStarts;
    trace.timeRunValues = recorded.timeRunValues;
    trace.timeRuns = recorded.timeRunStarts.length;
    trace.currentTime = trace.timeRuns === 0 ? Number.NaN : recorded.timeRunValues[trace.timeRuns - 1]!;
    const versionValues = recorded.versionValues;
    switch (versionValues.kind) {
      case "arrays":
        trace.keys = versionValues.keys;
        trace.values = versionValues.values;
        break;
      case "packed":
        trace.keys = [];
        trace.values = [];
        trace.packed = new VersionValueReader(versionValues);
        break;
      default: {
        const unknown: never = versionValues;
        throw new Error(`unknown version values ${JSON.stringify(unknown)}`);
      }
    }
    trace.timestamps = recorded.timestamps;
    trace.parents = recorded.parents;
    trace.creators = recorded.creators;
    trace.versions = recorded.timestamps.length;
    trace.extras = recorded.extras;
    trace.notes = new Map(recorded.notes);
    return trace;
  }

  /**
   * The trace as plain data, every column trimmed to length. With `copy` (the default) each column has a buffer
   * of its own, little or no larger than it (`forTransfer`), to transfer to another thread (`recordRun` packs the
   * keys and values too). Without it the columns are views over this trace's own arrays. Either way the keys and
   * values are this trace's arrays, and this trace must not be written to again.
   */
  toRecorded(copy = true): RecordedTrace {
    const steps = this.length;
    const runs = this.timeRuns;
    const versions = this.versions;
    this.keys.length = this.values.length = versions;
    return {
      kinds: copy ? forTransfer(this.kinds, steps) : this.kinds.subarray(0, steps),
      a: copy ? forTransfer(this.a, steps) : this.a.subarray(0, steps),
      b: copy ? forTransfer(this.b, steps) : this.b.subarray(0, steps),
      c: copy ? forTransfer(this.c, steps) : this.c.subarray(0, steps),
      timeRunStarts: copy ? forTransfer(this.timeRunStarts, runs) : this.timeRunStarts.subarray(0, runs),
      timeRunValues: copy ? forTransfer(this.timeRunValues, runs) : this.timeRunValues.subarray(0, runs),
      versionValues: { kind: "arrays", keys: this.keys, values: this.values },
      timestamps: copy ? forTransfer(this.timestamps, versions) : this.timestamps.subarray(0, versions),
      parents: copy ? forTransfer(this.parents, versions) : this.parents.subarray(0, versions),
      creators: copy ? forTransfer(this.creators, versions) : this.creators.subarray(0, versions),
      extras: copy ? this.extras.slice() : this.extras,
      notes: [...this.notes],
    };
  }

  /** Sets the wall-clock time of the steps that follow. */
  at(timeMs: WallClockMs): void {
    if (timeMs === this.currentTime) return;
    this.currentTime = timeMs;
    if (this.timeRuns === this.timeRunStarts.length) {
      this.timeRunStarts = grow(this.timeRunStarts, this.timeRuns * 2);
      this.timeRunValues = grow(this.timeRunValues, this.timeRuns * 2);
    }
    this.timeRunStarts[this.timeRuns] = this.length;
    this.timeRunValues[this.timeRuns] = timeMs;
    this.timeRuns++;
  }

  push(kind: StepKind, a: number, b: number, c: number): void {
    const i = this.length;
    if (i === this.kinds.length) {
      const size = i * 2;
      this.kinds = grow(this.kinds, size);
      this.a = grow(this.a, size);
      this.b = grow(this.b, size);
      this.c = grow(this.c, size);
    }
    this.kinds[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
    this.c[i] = c;
    this.length = i + 1;
  }

  addVersion(key: RecordKey, value: Json, timestamp: number, parent: number, creator: number): number {
    const id = this.versions;
    if (id === this.timestamps.length) {
      const size = id * 2;
      this.timestamps = grow(this.timestamps, size);
      this.parents = grow(this.parents, size);
      this.creators = grow(this.creators, size);
    }
    this.keys[id] = key;
    this.values[id] = value;
    this.timestamps[id] = timestamp;
    this.parents[id] = parent;
    this.creators[id] = creator;
    this.versions = id + 1;
    return id;
  }

  /** The key of a record version. */
  keyOf(version: number): RecordKey {
    return this.packed ? this.packed.key(version) : this.keys[version]!;
  }

  /** The value of a record version. */
  valueOf(version: number): Json {
    return this.packed ? this.packed.value(version) : this.values[version]!;
  }

  addExtra(payload: unknown): number {
    this.extras.push(payload);
    return this.extras.length - 1;
  }

  /** Wall-clock time of a step (binary search over time runs). */
  timeOf(step: number): WallClockMs {
    let lo = 0;
    let hi = this.timeRuns - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.timeRunStarts[mid]! <= step) lo = mid;
      else hi = mid - 1;
    }
    return this.timeRuns === 0 ? 0 : this.timeRunValues[lo]!;
  }

  /** Bytes held by the step columns (used capacity), for the benchmark's bytes-per-step figure. */
  stepBytes(): number {
    return this.length * (1 + 4 + 4 + 4) + this.timeRuns * (4 + 8);
  }
}
