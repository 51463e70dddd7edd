/**
 * The engine's public surface: build a simulation from a model, run it, read any step.
 */

import type { Frame } from "./frame/frame";
import type { Json, Offset, RecordKey, SimulationModel, WallClockMs } from "./model";
import type { TopologyGraph } from "./topology/topologyGraph";
import type { GroupHistory } from "./trace/groupHistory";
import type { RecordId, TraceStep } from "./trace/traceEvent";

/** One version of a record: produced by a producer, or derived from another version by an operator. */
export interface RecordVersion {
  id: RecordId;
  key: RecordKey;
  value: Json;
  timestamp: number;
  /** The version this one was derived from; -1 for a produced record. */
  parent: RecordId;
  /** The produced record this version descends from (itself for a produced record). */
  origin: RecordId;
  /** True for a version made while reprocessing a record fetched again after a failover (at-least-once). */
  reprocessed: boolean;
}

/** Where a record sits in a partition log. */
export interface LogEntry {
  record: RecordId;
  offset: Offset;
  /** Log-append (ingestion) time. */
  appendTimeMs: WallClockMs;
}

/** A recorded run: the trace, the record versions it mentions, and frames on demand. */
export interface Simulation {
  readonly model: SimulationModel;
  readonly graph: TopologyGraph;
  /** Number of trace events. Cursors run from 0 (nothing happened) to `stepCount` (the end). */
  readonly stepCount: number;
  /** Final partition logs, per topic, per partition, in offset order. */
  readonly logs: Readonly<Record<string, readonly LogEntry[][]>>;
  /** The decoded trace event at 0-based index `step`. */
  step(step: number): TraceStep;
  /** A record version by id. */
  record(id: RecordId): RecordVersion;
  /**
   * The partition whose log holds this very record version (not a version it was derived from), or null. Answers
   * from an index of the logs built on first use, without the per-record view `logs` builds.
   */
  placeOf(id: RecordId): { topic: string; partition: number } | null;
  /**
   * The 0-based indexes, in order, of the trace events about `record` or any version derived from the same
   * produced record (its lineage: produced → appended → fetched → processed at each node → written).
   */
  lineage(record: RecordId): number[];
  /** The one-line "why" of trace event `step`. */
  narrate(step: number): string;
  /** The state after the first `cursor` events (0 ≤ cursor ≤ stepCount). */
  frameAt(cursor: number): Frame;
  /**
   * The timestamp the application's extractor gives the record at `offset` of a partition the application reads:
   * a number; or, when the extractor finds none and the task skips the record, the reason (a string). Under
   * processing time it is the wall clock when the task took the record, so null until it was processed by `cursor`.
   */
  extractedTimestamp(
    topic: string,
    partition: number,
    offset: Offset,
    cursor: number,
  ): number | string | null;
  /**
   * The 0-based indexes, in order, of the steps at which task `task` (`<subtopology>_<partition>`) chose the
   * partition of its next record (`partitionChosen`) or waited for an empty one (`taskIdled`); empty for an unknown
   * task and for a task with one partition, which never chooses.
   */
  schedulingSteps(task: string): readonly number[];
  /** The consumer group's generations, crashes, stops and restarts, in trace order. */
  groupHistory(): GroupHistory;
  /** A stable digest of the whole trace (FNV-1a over its canonical bytes), for determinism checks. */
  digest(): string;
  /** Memory held by the trace and the frame snapshots, for the benchmark. */
  stats(): { stepBytes: number; snapshotBytes: number; versions: number };
}

export interface PartitionContents {
  readonly keys: readonly RecordKey[];
  readonly values: readonly Json[];
  readonly timestamps: ArrayLike<number>;
}

/** The result of the fast path: final logs only, no trace. */
export interface FastRun {
  /** Final partition logs, per topic, per partition, as parallel arrays indexed by offset. */
  readonly logs: Readonly<Record<string, readonly PartitionContents[]>>;
  readonly recordsProduced: number;
}
