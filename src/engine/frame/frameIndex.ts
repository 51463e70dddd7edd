/**
 * Frames on demand: a snapshot of the {@link FrameState} every `SNAPSHOT_EVERY` steps, and replay from the nearest
 * snapshot below the requested cursor. Seeking costs at most `SNAPSHOT_EVERY` step applications once the
 * snapshots up to the cursor exist. Snapshots are taken lazily, by one pass that moves forward as far as the
 * furthest cursor asked for: stepping from the start never replays, and the first jump to the end pays for the
 * whole pass once.
 */
import type { TopologyGraph } from "../topology/topologyGraph";
import type { TraceLog } from "../trace/traceLog";
import type { Frame, Hop, NodeCounters } from "./frame";
import {
  applyStep,
  COUNTERS,
  copyFrameState,
  type FrameState,
  initialFrameState,
  type ReplayTables,
  settleTime,
} from "./frameState";

export const SNAPSHOT_EVERY = 2048;

export class FrameIndex {
  private readonly snapshots: FrameState[] = [];
  /** The pass that takes snapshots: its state is at the last snapshot taken. */
  private readonly frontier: FrameState;

  constructor(
    private readonly trace: TraceLog,
    graph: TopologyGraph,
    private readonly tables: ReplayTables,
    producers: number,
    instances = 1,
  ) {
    this.frontier = initialFrameState(graph, producers, instances);
    this.snapshots.push(copyFrameState(this.frontier));
  }

  /** Moves the snapshot pass forward until snapshot `index` exists (or the trace ends). */
  private snapshotUpTo(index: number): void {
    const state = this.frontier;
    const trace = this.trace;
    while (this.snapshots.length <= index && state.cursor < trace.length) {
      applyStep(state, trace, this.tables);
      if (state.cursor % SNAPSHOT_EVERY === 0) {
        settleTime(state, trace);
        this.snapshots.push(copyFrameState(state));
      }
    }
  }

  /** The raw state after `cursor` steps. */
  stateAt(cursor: number): FrameState {
    const index = Math.floor(cursor / SNAPSHOT_EVERY);
    this.snapshotUpTo(index);
    const snapshot = this.snapshots[Math.min(index, this.snapshots.length - 1)]!;
    const state = copyFrameState(snapshot);
    while (state.cursor < cursor) applyStep(state, this.trace, this.tables);
    settleTime(state, this.trace);
    return state;
  }

  snapshotBytes(): number {
    let bytes = 0;
    for (const s of this.snapshots) {
      bytes += s.logEnd.byteLength + s.position.byteLength + s.consumed.byteLength + s.committed.byteLength;
      bytes += s.counters.byteLength + s.lastInput.byteLength;
      bytes += s.streamTime.byteLength + s.partitionWatermark.byteLength + s.partitionIdle.byteLength;
      bytes += s.partitionTime.byteLength + s.committedPartitionTime.byteLength;
      bytes += s.operatorWatermark.byteLength + s.operatorStreamTime.byteLength + 64 * s.windows.size;
      for (const b of s.producerBuffers) bytes += 8 * b.length;
    }
    return bytes;
  }
}

/** Operators that keep a watermark of their own. */
const WATERMARK_OPS: ReadonlySet<string> = new Set(["source", "windowedAggregate"]);

function finiteOrNull(timeMs: number): number | null {
  return timeMs === Number.NEGATIVE_INFINITY ? null : timeMs;
}

/** Turns a raw state into the public {@link Frame}. */
export function toFrame(
  state: FrameState,
  graph: TopologyGraph,
  producerIds: string[],
  hop: Hop | null,
  recordAt: (tp: number, offset: number) => number,
  flink = false,
): Frame {
  const logEnd: Frame["logEnd"] = {};
  for (const topic of graph.topics) {
    const first = graph.firstTopicPartition[topic.name]!;
    logEnd[topic.name] = Array.from({ length: topic.partitions }, (_, p) => state.logEnd[first + p]!);
  }
  const nodeCount = graph.nodes.length;
  const countersAt = (row: number, node: number): NodeCounters => {
    const i = (row * nodeCount + node) * COUNTERS;
    const c = state.counters;
    return { in: c[i]!, out: c[i + 1]!, dropped: c[i + 2]!, late: c[i + 3]! };
  };
  const counters: Frame["counters"] = {};
  for (const node of graph.nodes) {
    // The logical node: its copies summed over the tasks (and the row of steps no task was seen for).
    const sum = { in: 0, out: 0, dropped: 0, late: 0 };
    for (let row = 0; row <= graph.tasks.length; row++) {
      const i = (row * nodeCount + node.index) * COUNTERS;
      sum.in += state.counters[i]!;
      sum.out += state.counters[i + 1]!;
      sum.dropped += state.counters[i + 2]!;
      sum.late += state.counters[i + 3]!;
    }
    counters[node.id] = sum;
  }
  const tasks: Frame["tasks"] = graph.tasks.map((task, t) => {
    const buffered: Record<string, number[]> = {};
    const partitions = task.topicPartitions.map((tp) => {
      const ref = graph.topicPartitions[tp]!;
      const records: number[] = [];
      for (let o = state.consumed[tp]!; o < state.position[tp]!; o++) records.push(recordAt(tp, o));
      buffered[ref.name] = records;
      return {
        topic: ref.topic,
        partition: ref.partition,
        position: state.position[tp]!,
        committed: state.committed[tp]!,
        processed: state.consumed[tp]!,
        logEnd: state.logEnd[tp]!,
        partitionTimeMs: flink || state.partitionTime[tp]! < 0 ? null : state.partitionTime[tp]!,
        watermarkMs: finiteOrNull(state.partitionWatermark[tp]!),
        idle: state.partitionIdle[tp] === 1,
      };
    });
    const taskCounters: Record<string, NodeCounters> = {};
    for (const node of graph.nodes)
      if (node.subtopology === task.subtopology) taskCounters[node.id] = countersAt(t, node.index);
    const watermarks: Record<string, number | null> = {};
    const operatorStreamTimes: Record<string, number | null> = {};
    if (!flink) {
      for (const node of graph.nodes) {
        if (node.subtopology !== task.subtopology || node.op !== "windowedAggregate") continue;
        const time = state.operatorStreamTime[t * graph.nodes.length + node.index]!;
        operatorStreamTimes[node.id] = time < 0 ? null : time;
      }
    }
    if (flink) {
      for (const node of graph.nodes) {
        if (node.subtopology !== task.subtopology || !WATERMARK_OPS.has(node.op)) continue;
        watermarks[node.id] = finiteOrNull(state.operatorWatermark[t * graph.nodes.length + node.index]!);
      }
    }
    const owner = state.ownerOfTask[t]!;
    return {
      id: task.id,
      instance: owner < 0 ? null : `instance-${owner + 1}`,
      consumed: owner >= 0 && state.running[owner] === 1,
      partitions,
      buffered,
      streamTimeMs: state.streamTime[t]! < 0 ? null : state.streamTime[t]!,
      watermarks,
      operatorStreamTimes,
      counters: taskCounters,
    };
  });
  const instances: Frame["instances"] = Array.from(state.running, (running, i) => ({
    name: `instance-${i + 1}`,
    memberId: state.memberIds[i] ?? "",
    running: running === 1,
    tasks: graph.tasks.flatMap((task, t) => (state.ownerOfTask[t] === i ? [task.id] : [])),
  }));
  const producerBuffers: Frame["producerBuffers"] = {};
  producerIds.forEach((id, p) => {
    producerBuffers[id] = state.producerBuffers[p]!.slice();
  });
  return {
    cursor: state.cursor,
    timeMs: state.timeMs,
    logEnd,
    tasks,
    instances,
    generation: state.generation,
    counters,
    producerBuffers,
    hop,
    windows: [...state.windows.values()].map((w) => ({
      node: graph.nodes[w.node]!.id,
      task: graph.tasks[w.task]!.id,
      key: w.key,
      start: w.start,
      end: w.end,
      endInclusive: w.endInclusive,
      value: w.value,
      closed: w.closed,
      emissions: w.emissions,
    })),
  };
}
