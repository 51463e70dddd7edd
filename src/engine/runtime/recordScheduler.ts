/**
 * Record scheduling inside a task: which partition's head record the task processes next. Within one partition
 * records are never reordered; the scheduler only chooses between partitions. Every rule reduces to a *rank* per
 * partition with buffered records; the smallest rank wins and ties go to the partition listed first in the task.
 *
 * - `timestamp`: the head record's extracted timestamp (Kafka Streams `PartitionGroup#nextRecord`: the partition
 *   whose *head record* has the smallest timestamp, not the partition's largest time seen);
 * - `arrival`: the head record's log-append time (the order records reached the broker);
 * - `round-robin`: the distance, in the task's partition order, from the partition after the one chosen last;
 * - `custom`: the user's expression on the head record (a failure or a non-number ranks last).
 */
import type { RecordContext, SchedulerSpec } from "../model";

export type SchedulerRule = SchedulerSpec["kind"];

/** What decided one choice, for the trace. `rank` is per candidate, in the task's partition order. */
export interface ScheduleDecision {
  rule: SchedulerRule;
  /** Topic-partitions with a buffered record, and each one's rank. */
  candidates: { tp: number; rank: number }[];
  chosen: number;
  /** The task's partitions with nothing buffered, processed around under `max.task.idle.ms`. */
  empty: number[];
  /** `max.task.idle.ms` in force. */
  maxTaskIdleMs: number;
  /** Processing went ahead only because an empty partition's idle deadline passed (Kafka's enforced processing). */
  enforced: boolean;
}

/** Ranks a head record: `slot` is the partition's index in the task, `rotation` where round-robin starts. */
export type RankHead = (
  headTimestamp: number,
  appendTimeMs: number,
  head: RecordContext,
  slot: number,
  rotation: number,
  partitions: number,
) => number;

export function rankerFor(spec: SchedulerSpec): RankHead {
  switch (spec.kind) {
    case "timestamp":
      return (headTimestamp) => headTimestamp;
    case "arrival":
      return (_ts, appendTimeMs) => appendTimeMs;
    case "round-robin":
      return (_ts, _append, _head, slot, rotation, partitions) => (slot - rotation + partitions) % partitions;
    case "custom":
      return (_ts, _append, head) => {
        try {
          const rank = spec.rank(head);
          return typeof rank === "number" && !Number.isNaN(rank) ? rank : Number.POSITIVE_INFINITY;
        } catch {
          return Number.POSITIVE_INFINITY;
        }
      };
    default: {
      const unknown: never = spec;
      throw new Error(`unknown scheduler ${JSON.stringify(unknown)}`);
    }
  }
}

/** The rule's name and its real-system origin, for the narration. */
export function describeScheduler(rule: SchedulerRule, source?: string): string {
  switch (rule) {
    case "timestamp":
      return "the smallest head-record timestamp (PartitionGroup#nextRecord)";
    case "arrival":
      return "the earliest log-append time of the head records (arrival order)";
    case "round-robin":
      return "round-robin over the partitions with buffered records";
    case "custom":
      return source === undefined ? "the custom scheduler" : `the smallest \`${source}\` of the head records`;
    default: {
      const unknown: never = rule;
      return String(unknown);
    }
  }
}
