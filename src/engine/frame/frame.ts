/**
 * A frame: the full state of the simulated world after the first `cursor` trace events.
 *
 * Frames are rebuilt from the trace (snapshot + replay), never stored one per step, and a frame can be built for
 * any cursor without looking at its neighbours. Partition logs are append-only, so a frame only says how far each
 * log reached (`logEnd`); the records themselves live in the simulation's final logs.
 */
import type { Json, Offset, WallClockMs } from "../model";
import type { RecordId } from "../trace/traceEvent";

/** A record moving along an edge of the topology during the current step. */
export interface Hop {
  record: RecordId;
  /** Node the record left; null when it came from a partition (a source node fetching). */
  fromNode: string | null;
  /** Node the record arrived at. */
  toNode: string;
  /** What the arriving node did with it. */
  outcome:
    | "processed"
    | "filtered"
    | "branched"
    | "unmatched"
    | "written"
    | "failed"
    | "stored"
    | "joined"
    | "unjoined";
}

export interface NodeCounters {
  /** Records that arrived at the node. */
  in: number;
  /** Records the node forwarded (or wrote, for sinks). */
  out: number;
  /** Records the node dropped (filtered out, no branch matched, user function failed, not joined, late). */
  dropped: number;
  /**
   * Records a windowed operator found too late for every window they belong to: dropped (also counted in
   * `dropped`) or sent to its late side output (also counted in `out`). Always 0 for other operators.
   */
  late: number;
}

export interface TaskPartitionFrame {
  topic: string;
  partition: number;
  /** Next offset the consumer will fetch. */
  position: Offset;
  /** Last committed offset (the next offset to read after a restart). */
  committed: Offset;
  /** Next offset to process: records from here up to `position` are fetched and waiting. */
  processed: Offset;
  /** Log-end offset: `logEnd - committed` is the group's lag on this partition. */
  logEnd: Offset;
  /**
   * Kafka Streams partition time: the largest timestamp the task has taken from this partition's queue
   * (`RecordQueue#partitionTime`, raised in `RecordQueue#poll`); restored from the value committed with the offset
   * when a task resumes (KIP-353). null before the first record, and under flink.
   */
  partitionTimeMs: number | null;
  /** Flink: the partition's watermark from the periodic emitter; null before its first (Long.MIN_VALUE). */
  watermarkMs: number | null;
  /** Flink: true while the partition is idle (`withIdleness`) and holds no watermark back. */
  idle: boolean;
}

export interface TaskFrame {
  /** Kafka Streams task id, `<subtopology>_<partition>`. */
  id: string;
  /** The instance that owns the task, or null while nobody does (before the first generation, during a move). */
  instance: string | null;
  /** True when its owner is running, so the task's partitions are consumed. */
  consumed: boolean;
  partitions: TaskPartitionFrame[];
  /** Records fetched but not yet processed, in fetch order, per source partition ("topic-p"). */
  buffered: Record<string, RecordId[]>;
  /** Kafka Streams stream time: the largest timestamp the task processed; null before its first record. */
  streamTimeMs: number | null;
  /**
   * Flink: per node id of the task's sub-topology that keeps a watermark (sources, windowed operators), its
   * watermark in this task; null before the first. Empty under kafka-streams.
   */
  watermarks: Record<string, number | null>;
  /**
   * Kafka Streams: per windowed node id of the task's sub-topology, the operator's own observed stream time (it
   * can lag the task's: each windowed processor keeps its own); null before its first record. Empty under flink.
   */
  operatorStreamTimes: Record<string, number | null>;
  /**
   * Per node id of the task's sub-topology: the counters of the task's copy of the node. A node's logical counters
   * (`Frame.counters`) are the sum of its copies' over the tasks.
   */
  counters: Record<string, NodeCounters>;
}

/** An application instance: a consumer group member (or a static consumer). */
export interface InstanceFrame {
  /** `instance-<n>`. */
  name: string;
  /** Its current member id (`instance-2-1` after its first restart); "" before it first starts. */
  memberId: string;
  running: boolean;
  /** Task ids it owns in the current generation (a stopped static member keeps its tasks). */
  tasks: string[];
}

/** A window a windowed operator holds state for in one task. */
export interface WindowFrame {
  node: string;
  task: string;
  key: Json;
  start: number;
  /** Exclusive, or inclusive when `endInclusive` (Kafka sessions and sliding windows). */
  end: number;
  endInclusive: boolean;
  /** The current aggregate (Flink discarding: what arrived since the last firing). */
  value: Json;
  /** Kafka: past end + grace, final, kept until the store's retention drops it. */
  closed: boolean;
  /** Results emitted for it so far (Kafka emit-on-close: 0 or 1; Flink: firings). */
  emissions: number;
}

export interface Frame {
  /** Number of trace events applied (0 = nothing happened yet). */
  cursor: number;
  /** Wall-clock time of the last applied event (0 at the start). */
  timeMs: WallClockMs;
  /** Per topic name, per partition: the log-end offset (records at offsets below it exist). */
  logEnd: Record<string, Offset[]>;
  /** Every task of the topology, owned or not. */
  tasks: TaskFrame[];
  instances: InstanceFrame[];
  /** The consumer group's last completed generation (0 before the first, and with static assignment). */
  generation: number;
  /** Per node id: the node's counters summed over every task. */
  counters: Record<string, NodeCounters>;
  /** Per producer id: records waiting in the producer's buffer (disconnected, or in flight on the network). */
  producerBuffers: Record<string, RecordId[]>;
  /** The hop the last applied event made, if it moved a record through the topology. */
  hop: Hop | null;
  /** Every window the windowed operators hold state for, per node and task, in the order they appeared. */
  windows: WindowFrame[];
}
