/**
 * The mutable state a frame is built from, and how one trace step changes it. Applying steps 0..n-1 to the
 * initial state gives the state at cursor n; nothing else is consulted, so frames can be rebuilt from snapshots.
 * A windowed operator's windows follow its outputs (`windowReplay.ts`), ownership follows the group's events
 * (`groupReplay.ts`).
 */

import type { WindowOutput } from "../aggregation/windowOutput";
import { JoinedHow } from "../joins/joinedHow";
import type { GroupStepPayload } from "../runtime/groupDriver";
import type { TopologyGraph } from "../topology/topologyGraph";
import { StepKind, type TraceLog, unpackTime, type WindowRestore } from "../trace/traceLog";
import { applyGroupStep } from "./groupReplay";
import { applyWindowOutput, restoreWindows, type WindowEntry } from "./windowReplay";

/** Counters per (task, node): in, out, dropped, late. */
export const COUNTERS = 4;

export interface FrameState {
  cursor: number;
  timeMs: number;
  logEnd: Int32Array;
  /** Next offset to fetch, per topic-partition. */
  position: Float64Array;
  /** Next offset to process (fetched records below `position` and at or above this are buffered). */
  consumed: Float64Array;
  committed: Float64Array;
  /**
   * Per `(row * nodes + node) * COUNTERS`: in, out, dropped and late of the node in one task. The row is the task
   * index; row `tasks` holds what no task was seen for (it stays 0: a property test checks it). A node's logical
   * counters are the sum over rows.
   */
  counters: Int32Array;
  /**
   * The counters row of the task running now: the task of the last step that named one (a source taking a record
   * from a partition, a windowed operator's output). A record is carried depth-first through its sub-topology from
   * that step on, so every node step until the next such step runs in that task (as `taskAtStep` reads it).
   */
  task: number;
  /** Per node: the input record of the last step at that node (to count a flatMap's input once). */
  lastInput: Int32Array;
  /** Per producer: records sent but not yet appended. */
  producerBuffers: number[][];
  /** Per task: the instance that owns it, or -1. */
  ownerOfTask: Int32Array;
  /** Per instance: 1 while its process runs. */
  running: Uint8Array;
  /** Per instance: its current member id ("" before it first joined). */
  memberIds: string[];
  /** The last completed generation (0 before the first; static assignment has none). */
  generation: number;
  /** Per task: stream time, -1 before its first record. */
  streamTime: Float64Array;
  /** Per source topic-partition: Kafka Streams partition time (the largest timestamp processed), -1 before any. */
  partitionTime: Float64Array;
  /** Per source topic-partition: the partition time as last committed with its offset (KIP-353), -1 before any. */
  committedPartitionTime: Float64Array;
  /** Per source topic-partition: its watermark (flink), -Infinity before the first. */
  partitionWatermark: Float64Array;
  /** Per source topic-partition: 1 while idle (flink `withIdleness`). */
  partitionIdle: Uint8Array;
  /** Per `task * nodes + node`: the operator's watermark in that task (flink), -Infinity before the first. */
  operatorWatermark: Float64Array;
  /** Per `task * nodes + node`: a windowed operator's own observed stream time (kafka-streams), -1 before any. */
  operatorStreamTime: Float64Array;
  /** Windows held by windowed operators, by `node|task|key|start|end`, in the order they appeared. */
  windows: Map<string, WindowEntry>;
}

export function initialFrameState(graph: TopologyGraph, producers: number, instances = 1): FrameState {
  const tps = graph.topicPartitions.length;
  return {
    cursor: 0,
    timeMs: 0,
    logEnd: new Int32Array(tps),
    position: new Float64Array(tps),
    consumed: new Float64Array(tps),
    committed: new Float64Array(tps),
    counters: new Int32Array((graph.tasks.length + 1) * graph.nodes.length * COUNTERS),
    task: graph.tasks.length,
    lastInput: new Int32Array(graph.nodes.length).fill(-1),
    producerBuffers: Array.from({ length: producers }, () => []),
    ownerOfTask: new Int32Array(graph.tasks.length).fill(-1),
    running: new Uint8Array(instances),
    memberIds: Array.from({ length: instances }, () => ""),
    generation: 0,
    streamTime: new Float64Array(graph.tasks.length).fill(-1),
    partitionTime: new Float64Array(tps).fill(-1),
    committedPartitionTime: new Float64Array(tps).fill(-1),
    partitionWatermark: new Float64Array(tps).fill(Number.NEGATIVE_INFINITY),
    partitionIdle: new Uint8Array(tps),
    operatorWatermark: new Float64Array(graph.tasks.length * graph.nodes.length).fill(
      Number.NEGATIVE_INFINITY,
    ),
    operatorStreamTime: new Float64Array(graph.tasks.length * graph.nodes.length).fill(-1),
    windows: new Map(),
  };
}

export function copyFrameState(s: FrameState): FrameState {
  return {
    cursor: s.cursor,
    timeMs: s.timeMs,
    logEnd: s.logEnd.slice(),
    position: s.position.slice(),
    consumed: s.consumed.slice(),
    committed: s.committed.slice(),
    counters: s.counters.slice(),
    task: s.task,
    lastInput: s.lastInput.slice(),
    producerBuffers: s.producerBuffers.map((b) => b.slice()),
    ownerOfTask: s.ownerOfTask.slice(),
    running: s.running.slice(),
    memberIds: s.memberIds.slice(),
    generation: s.generation,
    streamTime: s.streamTime.slice(),
    partitionTime: s.partitionTime.slice(),
    committedPartitionTime: s.committedPartitionTime.slice(),
    partitionWatermark: s.partitionWatermark.slice(),
    partitionIdle: s.partitionIdle.slice(),
    operatorWatermark: s.operatorWatermark.slice(),
    operatorStreamTime: s.operatorStreamTime.slice(),
    windows: new Map([...s.windows].map(([id, w]) => [id, { ...w }])),
  };
}

/** What replay needs besides the trace: which nodes emit many records per input. */
export interface ReplayTables {
  /** 1 for flatMap / flatMapValues nodes, whose several outputs count as one input. */
  multiOutput: Uint8Array;
  /** Task index by `<subtopology>_<partition>`, to read the units of group steps. */
  taskIndex: ReadonlyMap<string, number>;
  /** Number of topology nodes (the stride of `operatorWatermark` and of the counter rows). */
  nodes: number;
  /** Per topic-partition: the index of the task that reads it, or the unattributed row `tasks` if none does. */
  taskOfTp: Int32Array;
}

/** The tables replay needs for a graph. */
export function replayTables(graph: TopologyGraph): ReplayTables {
  const multiOutput = new Uint8Array(graph.nodes.length);
  for (const n of graph.nodes) multiOutput[n.index] = n.op === "flatMap" || n.op === "flatMapValues" ? 1 : 0;
  const taskOfTp = new Int32Array(graph.topicPartitions.length).fill(graph.tasks.length);
  graph.tasks.forEach((task, t) => {
    for (const tp of task.topicPartitions) taskOfTp[tp] = t;
  });
  return {
    multiOutput,
    taskIndex: new Map(graph.tasks.map((t, i) => [t.id, i])),
    nodes: graph.nodes.length,
    taskOfTp,
  };
}

/**
 * Applies trace step `state.cursor` to the state and advances the cursor. `timeMs` is left to the caller
 * ({@link settleTime}): looking it up on every step of a long replay would cost more than the step itself.
 */
export function applyStep(state: FrameState, trace: TraceLog, tables: ReplayTables): void {
  const { multiOutput, nodes } = tables;
  const step = state.cursor;
  const a = trace.a[step]!;
  const b = trace.b[step]!;
  const c = trace.c[step]!;
  const counters = state.counters;
  const kind = trace.kinds[step]! as StepKind;
  switch (kind) {
    case StepKind.recordProduced:
      state.producerBuffers[b]!.push(a);
      break;
    case StepKind.recordBuffered:
      break;
    case StepKind.recordAppended: {
      state.logEnd[b] = c + 1;
      const creator = trace.creators[a]!;
      if (creator < 0) {
        const buffer = state.producerBuffers[-1 - creator]!;
        const at = buffer.indexOf(a);
        if (at >= 0) buffer.splice(at, 1);
      }
      break;
    }
    case StepKind.recordFetched:
    case StepKind.recordRefetched:
      state.position[b & 0xffff] = c + 1;
      break;
    case StepKind.positionReset:
      state.position[b] = a;
      state.consumed[b] = a;
      // Resuming from the commit also resumes the partition time committed with it (as `runCluster` does).
      if (c >>> 16 === 0) state.partitionTime[b] = state.committedPartitionTime[b]!;
      break;
    case StepKind.recordProcessed: {
      if (c < 0) state.task = tables.taskOfTp[-1 - c]!;
      const at = (state.task * nodes + b) * COUNTERS;
      const input = trace.creators[a] === b ? trace.parents[a]! : a;
      if (multiOutput[b] === 0 || state.lastInput[b] !== input) counters[at]!++;
      state.lastInput[b] = input;
      counters[at + 1]!++;
      if (c < 0) takeFromPartition(state, -1 - c, trace.timestamps[a]!);
      break;
    }
    case StepKind.recordBranched:
    case StepKind.recordWritten: {
      const at = (state.task * nodes + b) * COUNTERS;
      counters[at]!++;
      counters[at + 1]!++;
      break;
    }
    case StepKind.recordFiltered:
    case StepKind.recordUnmatched:
    case StepKind.userFunctionFailed: {
      const at = (state.task * nodes + b) * COUNTERS;
      counters[at]!++;
      counters[at + 2]!++;
      state.lastInput[b] = a;
      break;
    }
    case StepKind.recordStored: {
      // A join buffering the record counts it in; a table reading its partition also counts the update out.
      if (c < 0) state.task = tables.taskOfTp[-1 - c]!;
      const at = (state.task * nodes + b) * COUNTERS;
      counters[at]!++;
      state.lastInput[b] = a;
      if (c < 0) {
        counters[at + 1]!++;
        takeFromPartition(state, -1 - c, trace.timestamps[a]!);
      }
      break;
    }
    case StepKind.recordJoined: {
      // Several outputs of one arriving record count it in once (a stream–stream join counted it when it stored it);
      // a left join's null result for a record whose window closed was counted in when it arrived.
      const at = (state.task * nodes + b) * COUNTERS;
      if ((c & 0b110) >> 1 !== JoinedHow.windowClosed) {
        const input = trace.parents[a]!;
        if (state.lastInput[b] !== input) counters[at]!++;
        state.lastInput[b] = input;
      }
      counters[at + 1]!++;
      break;
    }
    case StepKind.recordUnjoined: {
      const from = c >> 2;
      if (from < 0) state.task = tables.taskOfTp[-1 - from]!;
      const at = (state.task * nodes + b) * COUNTERS;
      if (state.lastInput[b] !== a) counters[at]!++;
      state.lastInput[b] = a;
      counters[at + 2]!++;
      if (from < 0) takeFromPartition(state, -1 - from, trace.timestamps[a]!);
      break;
    }
    case StepKind.offsetCommitted:
      state.committed[b] = a;
      // Kafka Streams commits each partition's time with its offset (KIP-353, `StreamTask#commit`).
      state.committedPartitionTime[b] = state.partitionTime[b]!;
      break;
    case StepKind.groupChanged:
      applyGroupStep(state, a, (trace.extras[c] as GroupStepPayload).event, tables.taskIndex);
      break;
    case StepKind.recordSkipped:
      state.consumed[b & 0xffff]!++;
      break;
    case StepKind.partitionChosen:
    case StepKind.taskIdled:
      break;
    case StepKind.streamTimeAdvanced:
    case StepKind.streamTimeRestored:
      state.streamTime[a] = unpackTime(b, c);
      break;
    case StepKind.watermarkAdvanced:
      if (a < 0) state.partitionWatermark[-1 - a] = unpackTime(b, c);
      else state.operatorWatermark[(a >>> 16) * tables.nodes + (a & 0xffff)] = unpackTime(b, c);
      break;
    case StepKind.partitionIdleChanged:
      state.partitionIdle[a] = b;
      break;
    case StepKind.windowUpdated:
    case StepKind.windowEmitted:
    case StepKind.recordLate:
    case StepKind.recordToLateSideOutput:
    case StepKind.sessionMerged:
    case StepKind.windowClosed:
    case StepKind.windowExpired:
    case StepKind.windowAggregationFailed:
    case StepKind.windowRecordSkipped: {
      // In: each input record once; out: each result forwarded; dropped: each refusal (late, failed, skipped);
      // late: each record too late for its windows, dropped or sent to the late side output (Flink's WindowOperator
      // counts the dropped ones in `numLateRecordsDropped`; Kafka's KStreamWindowAggregate logs "Skipping record for
      // expired window" and counts it in the task's dropped-records sensor).
      const node = b & 0xffff;
      state.task = b >>> 16;
      const at = (state.task * nodes + node) * COUNTERS;
      const input = (trace.extras[c] as { input: number }).input;
      if (input >= 0 && state.lastInput[node] !== input) {
        counters[at]!++;
        state.lastInput[node] = input;
      }
      if (
        kind === StepKind.recordLate ||
        kind === StepKind.windowAggregationFailed ||
        kind === StepKind.windowRecordSkipped
      )
        counters[at + 2]!++;
      else if (kind === StepKind.recordToLateSideOutput || (a >= 0 && a !== input)) counters[at + 1]!++;
      if (kind === StepKind.recordLate || kind === StepKind.recordToLateSideOutput) counters[at + 3]!++;
      const output = (trace.extras[c] as { output: WindowOutput }).output;
      if (output.time.semantics === "kafka-streams") {
        state.operatorStreamTime[state.task * nodes + node] = output.time.streamTime;
      }
      applyWindowOutput(state.windows, node, b >>> 16, output);
      break;
    }
    case StepKind.windowStoreRestored: {
      const restore = trace.extras[c] as WindowRestore;
      state.operatorStreamTime[b * tables.nodes + a] = restore.streamTime;
      restoreWindows(state.windows, a, b, restore.open);
      break;
    }
    default: {
      const unknown: never = kind;
      throw new Error(`unknown step kind ${unknown}`);
    }
  }
  state.cursor = step + 1;
}

/**
 * A source (or table) took the record at the head of topic-partition `tp`, whose version carries the extracted
 * timestamp: the next offset to process moves on and the partition time rises to it (`RecordQueue#poll`).
 */
function takeFromPartition(state: FrameState, tp: number, timestampMs: number): void {
  state.consumed[tp]!++;
  if (timestampMs > state.partitionTime[tp]!) state.partitionTime[tp] = timestampMs;
}

/** Sets the state's wall-clock time to that of its last applied step. */
export function settleTime(state: FrameState, trace: TraceLog): void {
  state.timeMs = state.cursor === 0 ? 0 : trace.timeOf(state.cursor - 1);
}
