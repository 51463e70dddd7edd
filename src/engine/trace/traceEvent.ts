/**
 * Trace events: what the engine reports happened, one atomic step each, in past tense.
 *
 * The trace is the contract between engine and UI: the UI renders these and the frames rebuilt from them, and
 * never re-derives semantics. In memory the trace is columnar ({@link Trace}); this union is the decoded form
 * handed to the CLI, the narration and the UI for one step at a time.
 */
import type { WindowOutput } from "../aggregation/windowOutput";
import type { CoordinatorEvent } from "../groups/coordinator";
import type { Offset, PartitionIndex, WallClockMs } from "../model";
import type { GroupMode } from "../runtime/groupDriver";

/** Index into the trace's record-version table. Every transformation creates a new version. */
export type RecordId = number;

/** How the producer (or a sink) chose the partition. */
export type PartitionRule = "explicit" | "murmur2" | "sticky" | "custom";

export type TraceEvent =
  | {
      kind: "recordProduced";
      producer: string;
      record: RecordId;
      topic: string;
      partition: PartitionIndex;
      rule: PartitionRule;
    }
  | { kind: "recordBuffered"; producer: string; record: RecordId; untilMs: WallClockMs }
  | { kind: "recordAppended"; record: RecordId; topic: string; partition: PartitionIndex; offset: Offset }
  | {
      kind: "recordFetched";
      record: RecordId;
      instance: string;
      task: string;
      topic: string;
      partition: PartitionIndex;
      offset: Offset;
    }
  /**
   * A record fetched again: after a failover or a restart the owner resumes from the last committed offset, and
   * records past it that were already processed are processed once more (at-least-once). `record` is the new
   * version its reprocessing runs under; `original` the record in the log.
   */
  | {
      kind: "recordRefetched";
      record: RecordId;
      original: RecordId;
      instance: string;
      task: string;
      topic: string;
      partition: PartitionIndex;
      offset: Offset;
    }
  /**
   * A node took a record from `fromNode` and passed on `record`. A source node takes it from a partition:
   * `fromNode` is null and `fromPartition` says which.
   */
  | {
      kind: "recordProcessed";
      node: string;
      fromNode: string | null;
      fromPartition?: { topic: string; partition: PartitionIndex };
      input: RecordId;
      record: RecordId;
    }
  | { kind: "recordFiltered"; node: string; fromNode: string | null; record: RecordId }
  | { kind: "recordBranched"; node: string; fromNode: string | null; record: RecordId; branch: string }
  | { kind: "recordUnmatched"; node: string; fromNode: string | null; record: RecordId }
  | {
      kind: "recordWritten";
      node: string;
      fromNode: string | null;
      record: RecordId;
      topic: string;
      partition: PartitionIndex;
      rule: PartitionRule;
    }
  | { kind: "userFunctionFailed"; node: string; fromNode: string | null; record: RecordId; message: string }
  /**
   * A stateful node kept the record: a join put it into its side's window store (`store` "left" / "right"), or a
   * table upserted it (`store` "table"; a null value deleted the key). `task` is the task whose store it is.
   */
  | {
      kind: "recordStored";
      node: string;
      fromNode: string | null;
      fromPartition?: { topic: string; partition: PartitionIndex };
      record: RecordId;
      store: "left" | "right" | "table";
      task: string;
    }
  /**
   * A join emitted `record` (a new version whose parent is `input`, the record that arrived from `fromNode`),
   * joined with the other side's `matched` record. `how`: `matched`; `windowClosed`, a left join's left record
   * that waited and whose window closed with no match (`matched` null); `atOnce`, a left join's record that can
   * never match (`matched` null: null key, window already closed, no table row).
   */
  | {
      kind: "recordJoined";
      node: string;
      fromNode: string | null;
      input: RecordId;
      record: RecordId;
      matched: RecordId | null;
      how: "matched" | "windowClosed" | "atOnce";
      side: "left" | "right";
      task: string;
    }
  /** The record takes part in no join: no table row (inner join), a null key, or expired from the window store. */
  | {
      kind: "recordUnjoined";
      node: string;
      fromNode: string | null;
      fromPartition?: { topic: string; partition: PartitionIndex };
      record: RecordId;
      reason: "noMatch" | "nullKey" | "expired";
      task: string;
    }
  | { kind: "offsetCommitted"; instance: string; topic: string; partition: PartitionIndex; offset: Offset }
  /** The instance's fetch position and processed offset of a partition were both set to `offset`. */
  | {
      kind: "positionReset";
      instance: string;
      task: string;
      topic: string;
      partition: PartitionIndex;
      offset: Offset;
      /** Why: resuming from the committed offset, or dropping fetched records it will not process. */
      reason: "resumeFromCommit" | "dropFetched";
    }
  /**
   * A consumer-group happening. `event` is the coordinator's (units are tasks: `{ topic: "<subtopology>",
   * partition }`; print them with `formatTaskUnit`). `mode` is `static` when there is no group (static assignment).
   */
  | {
      kind: "groupChanged";
      mode: GroupMode;
      instance: string | null;
      generation: number;
      event: CoordinatorEvent;
    }
  | TimeTraceEvent
  | WindowTraceEvent;

/** A topic-partition, as steps name it. */
export interface PartitionRef {
  topic: string;
  partition: PartitionIndex;
}

/** The time steps: timestamps, scheduling, stream time and watermarks. */
export type TimeTraceEvent =
  /** A task skipped a record: its extracted timestamp was negative, missing or not an integer (`reason`). */
  | {
      kind: "recordSkipped";
      record: RecordId;
      instance: string;
      task: string;
      topic: string;
      partition: PartitionIndex;
      offset: Offset;
      reason: string;
    }
  /** A task with several partitions chose where its next record comes from, and what decided it. */
  | {
      kind: "partitionChosen";
      task: string;
      topic: string;
      partition: PartitionIndex;
      rule: "timestamp" | "round-robin" | "arrival" | "custom";
      /** The partitions with a buffered record and each one's rank (the smallest wins; ties: listed first). */
      candidates: (PartitionRef & { rank: number })[];
      /** The task's partitions with nothing buffered. */
      empty: PartitionRef[];
      maxTaskIdleMs: number;
      /** Processing went ahead only because an empty partition's idle deadline passed. */
      enforced: boolean;
    }
  /**
   * A task holds back because a partition of it has nothing buffered: the broker has data for it (`untilMs` null),
   * or `max.task.idle.ms` lets it wait for new data until `untilMs`.
   */
  | { kind: "taskIdled"; task: string; topic: string; partition: PartitionIndex; untilMs: WallClockMs | null }
  /** A task's stream time advanced, or was restored from the partition times committed with its offsets. */
  | { kind: "streamTimeAdvanced" | "streamTimeRestored"; task: string; streamTimeMs: number }
  /**
   * A watermark advanced: a source partition's (`node` and `task` null) or an operator's in one task (`topic` and
   * `partition` null). `reason` is the rule's comparison.
   */
  | {
      kind: "watermarkAdvanced";
      node: string | null;
      task: string | null;
      topic: string | null;
      partition: PartitionIndex | null;
      watermarkMs: number;
      reason: string;
    }
  /** A source partition became idle (it holds no watermark back) or active again. */
  | { kind: "partitionIdleChanged"; topic: string; partition: PartitionIndex; idle: boolean; reason: string };

/** The step kinds of a windowed aggregation's outputs, one per output kind of the core (`windowOutput.ts`). */
export type WindowStepKind =
  | "windowUpdated"
  | "windowEmitted"
  | "recordLate"
  | "recordToLateSideOutput"
  | "sessionMerged"
  | "windowClosed"
  | "windowExpired"
  | "windowAggregationFailed"
  | "windowRecordSkipped";

export type WindowTraceEvent =
  /**
   * What a windowed node did in one task: `output` is the core's fact with its `reason`. `record` is the forwarded
   * result's new version (value `{ start, end, value }`), else the input record; null for a watermark's outputs.
   * `input` is the record being processed, null when a watermark caused it.
   */
  | {
      kind: WindowStepKind;
      node: string;
      task: string;
      record: RecordId | null;
      input: RecordId | null;
      output: WindowOutput;
    }
  /** A task's window store was restored from its changelog up to the committed offsets (a new owner, a restart). */
  | {
      kind: "windowStoreRestored";
      node: string;
      task: string;
      offsets: (PartitionRef & { offset: Offset })[];
      windows: number;
    };

export type TraceEventKind = TraceEvent["kind"];

/** A decoded step: the event plus when it happened. `step` is 0-based. */
export type TraceStep = TraceEvent & { step: number; timeMs: WallClockMs };
