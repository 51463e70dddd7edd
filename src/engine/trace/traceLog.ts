/**
 * The recorded trace, stored column by column: one byte of kind and three 32-bit operands per step, wall-clock
 * time run-length encoded (it changes far less often than steps happen), and a table of record versions.
 * About 13 bytes a step instead of an object each. See `decodeStep` for what the operands mean per kind.
 */
import type { Json, RecordKey, WallClockMs } from "../model";

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
  partitionsAssigned: 11,
} as const;
export type StepKind = (typeof StepKind)[keyof typeof StepKind];

const INITIAL_STEPS = 1024;

function grow<T extends Int32Array | Int16Array | Uint8Array | Float64Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

export class TraceLog {
  kinds: Uint8Array;
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  length = 0;

  /** Step index at which each run of equal wall-clock time starts, and that time. */
  timeRunStarts = new Int32Array(256);
  timeRunValues = new Float64Array(256);
  timeRuns = 0;
  private currentTime = Number.NaN;

  /** Record versions. */
  keys: RecordKey[];
  values: Json[];
  timestamps: Float64Array;
  parents: Int32Array;
  /** Node index that created the version, or `-1 - producerIndex` for a produced record. */
  creators: Int16Array;
  versions = 0;

  /** Payloads of rare steps (assignments, failure messages), referenced by index from an operand. */
  extras: unknown[] = [];
  /** Text a step carries for its narration only (a peek's label), by step index. */
  notes = new Map<number, string>();

  /**
   * Columns are sized up front from the expected number of steps and record versions (estimates are fine: they
   * grow by doubling), so a long run does not copy its trace over and over.
   */
  constructor(expectedSteps = INITIAL_STEPS, expectedVersions = INITIAL_STEPS) {
    const steps = Math.max(INITIAL_STEPS, Math.ceil(expectedSteps));
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
