/**
 * A frame: the full state of the simulated world after the first `cursor` trace events.
 *
 * Frames are rebuilt from the trace (snapshot + replay), never stored one per step, and a frame can be built for
 * any cursor without looking at its neighbours. Partition logs are append-only, so a frame only says how far each
 * log reached (`logEnd`); the records themselves live in the simulation's final logs.
 */
import type { Offset, WallClockMs } from "../model";
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
  /** Records the node dropped (filtered out, no branch matched, user function failed, not joined). */
  dropped: number;
}

export interface TaskPartitionFrame {
  topic: string;
  partition: number;
  /** Next offset the consumer will fetch. */
  position: Offset;
  /** Last committed offset (the next offset to read after a restart). */
  committed: Offset;
}

export interface TaskFrame {
  /** Kafka Streams task id, `<subtopology>_<partition>`. */
  id: string;
  instance: string;
  partitions: TaskPartitionFrame[];
  /** Records fetched but not yet processed, in fetch order, per source partition ("topic-p"). */
  buffered: Record<string, RecordId[]>;
}

export interface Frame {
  /** Number of trace events applied (0 = nothing happened yet). */
  cursor: number;
  /** Wall-clock time of the last applied event (0 at the start). */
  timeMs: WallClockMs;
  /** Per topic name, per partition: the log-end offset (records at offsets below it exist). */
  logEnd: Record<string, Offset[]>;
  tasks: TaskFrame[];
  /** Per node id. */
  counters: Record<string, NodeCounters>;
  /** Per producer id: records waiting in the producer's buffer (disconnected, or in flight on the network). */
  producerBuffers: Record<string, RecordId[]>;
  /** The hop the last applied event made, if it moved a record through the topology. */
  hop: Hop | null;
}
