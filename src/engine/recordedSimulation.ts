/**
 * Serving a recorded run: decoded steps, record versions, narration and frames for any cursor, rebuilt from the
 * plain data of a {@link RecordedRun} and the model it was recorded from. Nothing here runs the scenario again.
 *
 * The narration itself is a parameter (`Narrator`: `narrate` in `trace/narrate.ts`, wired in by `openSimulation`),
 * so a page can load it after its first screen.
 */
import { VersionLog } from "./broker/partitionLog";
import type { Hop } from "./frame/frame";
import { FrameIndex, toFrame } from "./frame/frameIndex";
import { replayTables } from "./frame/frameState";
import type { SimulationModel } from "./model";
import { explainKeyedPlacement } from "./partitioning/placement";
import { formatTaskUnit, taskIndexOfUnit } from "./runtime/groupDriver";
import type { LogEntry, RecordVersion, Simulation } from "./simulation";
import { buildTopologyGraph } from "./topology/topologyGraph";
import { type DecodeContext, decodeStep } from "./trace/decodeStep";
import { type ExtractedTimestampAt, extractedTimestamps } from "./trace/extractedTimestamps";
import { type GroupHistory, groupHistory } from "./trace/groupHistory";
import { lineageOf, recordOrigins } from "./trace/lineage";
import type { NarrationSource } from "./trace/narrate";
import type { RecordedRun } from "./trace/recordedRun";
import { schedulingSteps } from "./trace/schedulingSteps";
import { traceDigest } from "./trace/traceDigest";
import type { TraceStep } from "./trace/traceEvent";
import { isReprocessed, REFETCHED, StepKind, TraceLog } from "./trace/traceLog";

/** Tells a step in words (`narrate`, or a stand-in until it has loaded). */
export type Narrator = (source: NarrationSource, step: TraceStep) => string;

/**
 * The {@link Simulation} of a run recorded by `recordRun(model)` — here, or on another thread and structured-cloned
 * back — narrated by `narrator`. `model` must be the model it was recorded from (its compiled functions are not
 * part of the recording).
 */
export function openSimulationWith(
  model: SimulationModel,
  recorded: RecordedRun,
  narrator: Narrator,
): Simulation {
  const graph = buildTopologyGraph(model);
  if (recorded.logs.length !== graph.topicPartitions.length) {
    throw new RangeError(
      `the recorded run has ${recorded.logs.length} partition logs; this model has ${graph.topicPartitions.length}`,
    );
  }
  const trace = TraceLog.fromRecorded(recorded.trace);
  const run = {
    logs: recorded.logs.map((log) => VersionLog.fromRecorded(trace, log)),
    assignment: recorded.assignment,
  };

  const frames = new FrameIndex(
    trace,
    graph,
    replayTables(graph),
    model.producers.length,
    model.app.instances,
  );
  const decodeContext: DecodeContext = { model, graph, trace, offsetOf: (id, tp) => offsetOf(id, tp) };

  // The per-record view of the logs is built on first use: most callers (the canvas, seeking) never need it.
  let logs: Record<string, LogEntry[][]> | null = null;
  const buildLogs = () => {
    const built: Record<string, LogEntry[][]> = {};
    for (const topic of graph.topics) {
      const first = graph.firstTopicPartition[topic.name]!;
      built[topic.name] = Array.from({ length: topic.partitions }, (_, p) => {
        const log = run.logs[first + p]!;
        return Array.from({ length: log.endOffset }, (_, offset) => ({
          record: log.idAt(offset),
          offset,
          appendTimeMs: log.appendTimeAt(offset),
        }));
      });
    }
    return built;
  };

  // Per version: the topic-partition whose log holds it, or -1 (built on first use).
  let places: Int32Array | null = null;
  const buildPlaces = () => {
    const built = new Int32Array(trace.versions).fill(-1);
    run.logs.forEach((log, tp) => {
      for (let offset = 0; offset < log.endOffset; offset++) built[log.idAt(offset)] = tp;
    });
    return built;
  };

  let buffered: Set<number> | null = null;
  const record = (id: number): RecordVersion => {
    if (!Number.isInteger(id) || id < 0 || id >= trace.versions) throw new RangeError(`no record ${id}`);
    let origin = id;
    while (trace.parents[origin]! >= 0) origin = trace.parents[origin]!;
    return {
      id,
      key: trace.keyOf(id),
      value: trace.valueOf(id),
      timestamp: trace.timestamps[id]!,
      parent: trace.parents[id]!,
      origin,
      reprocessed: isReprocessed(trace, id),
    };
  };
  const step = (i: number): TraceStep => decodeStep(decodeContext, i);
  // Built on the first lineage query: the trace is complete, so the origins never change.
  let origins: Int32Array | null = null;
  let history: GroupHistory | null = null;
  let extracted: ExtractedTimestampAt | null = null;
  let scheduling: number[][] | null = null;
  const taskIndex = new Map(graph.tasks.map((t, i) => [t.id, i]));

  const hopOf = (s: TraceStep): Hop | null => {
    switch (s.kind) {
      case "recordProcessed":
        return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "processed" };
      case "recordFiltered":
        return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "filtered" };
      case "recordBranched":
        return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "branched" };
      case "recordUnmatched":
        return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "unmatched" };
      case "recordWritten":
        return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "written" };
      case "userFunctionFailed":
        return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "failed" };
      case "recordStored":
        return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "stored" };
      case "recordJoined":
        return { record: s.input, fromNode: s.fromNode, toNode: s.node, outcome: "joined" };
      case "recordUnjoined":
        return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "unjoined" };
      default:
        return null;
    }
  };

  /** The scheduler's choice is its own step, just before the source takes the record. */
  const schedulingNote = (i: number): string | null => {
    if (i === 0 || trace.kinds[i - 1] !== StepKind.partitionChosen) return null;
    return ` (the partition task ${graph.tasks[trace.a[i - 1]!]!.id}'s scheduler chose)`;
  };

  /** The offset of a record (or of the record a refetched version repeats) in a topic-partition's log. */
  const offsetOf = (id: number, tp: number): number => {
    const original = trace.creators[id] === REFETCHED ? trace.parents[id]! : id;
    const log = run.logs[tp]!;
    for (let offset = 0; offset < log.endOffset; offset++) if (log.idAt(offset) === original) return offset;
    return -1;
  };

  return {
    model,
    graph,
    stepCount: trace.length,
    get logs() {
      logs ??= buildLogs();
      return logs;
    },
    step,
    record,
    placeOf(id) {
      places ??= buildPlaces();
      const tp = Number.isInteger(id) ? places[id] : undefined;
      if (tp === undefined || tp < 0) return null;
      const { topic, partition } = graph.topicPartitions[tp]!;
      return { topic, partition };
    },
    lineage(id) {
      origins ??= recordOrigins(trace);
      return lineageOf(trace, origins, id);
    },
    narrate: (i) =>
      narrator(
        {
          model,
          record,
          explainMurmur2: explainKeyedPlacement,
          partitionsOf: (topic) => graph.topics.find((t) => t.name === topic)!.partitions,
          wasBuffered: (id) => {
            if (buffered === null) {
              const found = new Set<number>();
              for (let k = 0; k < trace.length; k++) if (trace.kinds[k] === 1) found.add(trace.a[k]!);
              buffered = found;
            }
            return buffered.has(id);
          },
          schedulingNote,
          isReprocessed: (id) => isReprocessed(trace, id),
          formatTask: (unit) => formatTaskUnit(graph, unit),
          partitionsOfTask: (unit) => graph.tasks[taskIndexOfUnit(graph, unit)]?.topicPartitions.length ?? 0,
          topicsOf: (subtopology) => [
            ...new Set(
              graph.tasks
                .filter((t) => String(t.subtopology) === subtopology)
                .flatMap((t) => t.topicPartitions.map((tp) => graph.topicPartitions[tp]!.topic)),
            ),
          ],
          processedBefore: (at, topic, partition) =>
            frames.stateAt(at).consumed[graph.firstTopicPartition[topic]! + partition]!,
          noteOf: (step) => trace.notes.get(step),
        },
        step(i),
      ),
    frameAt(cursor) {
      if (!Number.isInteger(cursor) || cursor < 0 || cursor > trace.length) {
        throw new RangeError(`cursor ${cursor} is outside 0..${trace.length}`);
      }
      const state = frames.stateAt(cursor);
      const hop = cursor > 0 ? hopOf(step(cursor - 1)) : null;
      return toFrame(
        state,
        graph,
        model.producers.map((p) => p.id),
        hop,
        (tp, offset) => run.logs[tp]!.idAt(offset),
        model.app.time?.semantics === "flink",
      );
    },
    extractedTimestamp(topic, partition, offset, cursor) {
      const first = graph.firstTopicPartition[topic];
      const tp = first === undefined ? -1 : first + partition;
      const ref = graph.topicPartitions[tp];
      if (ref === undefined || ref.topic !== topic || !Number.isInteger(offset) || offset < 0) {
        throw new RangeError(`no record at ${topic}-${partition} offset ${offset}`);
      }
      if (offset >= run.logs[tp]!.endOffset)
        throw new RangeError(`no record at ${ref.name} offset ${offset}`);
      extracted ??= extractedTimestamps(model, graph, trace, run.logs);
      return extracted(tp, offset, cursor);
    },
    schedulingSteps(task) {
      scheduling ??= schedulingSteps(trace, graph.tasks.length);
      const index = taskIndex.get(task);
      return index === undefined ? [] : scheduling[index]!;
    },
    groupHistory() {
      history ??= groupHistory(trace);
      return history;
    },
    digest: () => traceDigest(trace),
    stats: () => ({
      stepBytes: trace.stepBytes(),
      snapshotBytes: frames.snapshotBytes(),
      versions: trace.versions,
    }),
  };
}
