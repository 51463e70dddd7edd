/**
 * A recorded run as plain data: everything the recording path measured, and nothing it can rebuild. It holds no
 * functions (the model's compiled user expressions stay behind), so it can be structured-cloned to another
 * thread. From `recordRun` its typed arrays are trimmed to length and each has a buffer of its own, little or no
 * larger than it (`forTransfer`), so those buffers can be transferred instead of copied. `openSimulation(model, recorded)` turns it back into a `Simulation` for the
 * same model.
 */
import type { Json, RecordKey } from "../model";
import { type PackedVersionValues, packedBuffers } from "./versionValues";

/**
 * The keys and values of the record versions: as arrays (a run opened on the thread that recorded it), or packed
 * (`versionValues.ts`: typed arrays only, to transfer to another thread).
 */
export type VersionValues =
  | { kind: "arrays"; keys: RecordKey[]; values: Json[] }
  | ({ kind: "packed" } & PackedVersionValues);

/** The columns of a `TraceLog`, trimmed to length. */
export interface RecordedTrace {
  /** One entry per step: the kind and its three operands. */
  kinds: Uint8Array<ArrayBuffer>;
  a: Int32Array<ArrayBuffer>;
  b: Int32Array<ArrayBuffer>;
  c: Int32Array<ArrayBuffer>;
  /** Wall-clock time, run-length encoded: the step at which each run starts, and its time. */
  timeRunStarts: Int32Array<ArrayBuffer>;
  timeRunValues: Float64Array<ArrayBuffer>;
  /** The record-version table, one entry per version. */
  versionValues: VersionValues;
  timestamps: Float64Array<ArrayBuffer>;
  parents: Int32Array<ArrayBuffer>;
  creators: Int16Array<ArrayBuffer>;
  /** Payloads of rare steps (JSON-like data). */
  extras: unknown[];
  /** Narration-only text by step, in step order. */
  notes: [step: number, text: string][];
}

/** One topic-partition's log on the recording path: record-version ids and append times, by offset. */
export interface RecordedLog {
  ids: Int32Array<ArrayBuffer>;
  appendTimes: Uint32Array<ArrayBuffer>;
}

export interface RecordedRun {
  trace: RecordedTrace;
  /** One log per topic-partition, in the topology graph's topic-partition order. */
  logs: RecordedLog[];
  /** Per instance index: the task ids it runs. */
  assignment: string[][];
}

type Column =
  | Uint8Array<ArrayBuffer>
  | Int16Array<ArrayBuffer>
  | Int32Array<ArrayBuffer>
  | Uint32Array<ArrayBuffer>
  | Float64Array<ArrayBuffer>;

/** How much larger than its used part a column's buffer may be and still be transferred as it is. */
const TRANSFER_SLACK = 1.25;

/**
 * The first `length` items of a column, to transfer to another thread: a view over the column's own buffer when
 * that buffer is not much larger (transferring it moves it, however long, without copying a byte: copying a long
 * trace costs seconds here, most of it first writes to fresh memory), else a copy of exactly that length.
 */
export function forTransfer<T extends Column>(column: T, length: number): T {
  const used = length * column.BYTES_PER_ELEMENT;
  if (column.byteOffset === 0 && column.buffer.byteLength <= used * TRANSFER_SLACK + 4096) {
    return column.subarray(0, length) as T;
  }
  return column.slice(0, length) as T;
}

/** The buffers of a recorded run's typed arrays, each once: the transfer list for `postMessage`. */
export function recordedBuffers(recorded: RecordedRun): ArrayBuffer[] {
  const { trace } = recorded;
  const columns = [
    trace.kinds,
    trace.a,
    trace.b,
    trace.c,
    trace.timeRunStarts,
    trace.timeRunValues,
    trace.timestamps,
    trace.parents,
    trace.creators,
    ...recorded.logs.flatMap((log) => [log.ids, log.appendTimes]),
  ];
  const buffers = columns.map((column) => column.buffer);
  if (trace.versionValues.kind === "packed") buffers.push(...packedBuffers(trace.versionValues));
  return [...new Set(buffers)];
}
