/**
 * Serving a recorded run: decoded steps, record versions, narration and frames for any cursor, rebuilt from the
 * plain data of a {@link RecordedRun} and the model it was recorded from. Nothing here runs the scenario again.
 *
 * The narration itself is a parameter (`Narrator`: `narrate` in `trace/narrate.ts`, wired in by `openSimulation`),
 * so a page can load it after its first screen.
 */
import { VersionLog } from "./broker/partitionLog";
import { FrameIndex, toFrame } from "./frame/frameIndex";
import { replayTables } from "./frame/frameState";
import { hopOf } from "./frame/hopOf";
import type { SimulationModel } from "./model";
import type { LogEntry, Simulation } from "./simulation";
import { buildTopologyGraph } from "./topology/topologyGraph";
import { type DecodeContext, decodeStep } from "./trace/decodeStep";
import { type ExtractedTimestampAt, extractedTimestamps } from "./trace/extractedTimestamps";
import { type GroupHistory, groupHistory } from "./trace/groupHistory";
import { lineageOf, recordOrigins } from "./trace/lineage";
import type { NarrationSource } from "./trace/narrate";
import type { RecordedRun } from "./trace/recordedRun";
import { logEntries, narrationSource, offsetInLog, recordVersion } from "./trace/recordedViews";
import { schedulingSteps } from "./trace/schedulingSteps";
import { traceDigest } from "./trace/traceDigest";
import type { TraceStep } from "./trace/traceEvent";
import { TraceLog } from "./trace/traceLog";

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
  const runLogs = recorded.logs.map((log) => VersionLog.fromRecorded(trace, log));
  const frames = new FrameIndex(
    trace,
    graph,
    replayTables(graph),
    model.producers.length,
    model.app.instances,
  );
  const decodeContext: DecodeContext = {
    model,
    graph,
    trace,
    offsetOf: (id, tp) => offsetInLog(trace, runLogs[tp]!, id),
  };
  const step = (i: number): TraceStep => decodeStep(decodeContext, i);
  const record = (id: number) => recordVersion(trace, id);
  const taskIndex = new Map(graph.tasks.map((t, i) => [t.id, i]));
  const flink = model.app.time?.semantics === "flink";
  // Built on first use (the trace is complete, so none of them ever changes): most callers (the canvas, seeking)
  // never need them.
  let logs: Record<string, LogEntry[][]> | null = null;
  let origins: Int32Array | null = null;
  let history: GroupHistory | null = null;
  let extracted: ExtractedTimestampAt | null = null;
  let scheduling: number[][] | null = null;
  let narration: NarrationSource | null = null;
  /** Per version: the topic-partition whose log holds it, or -1. */
  let places: Int32Array | null = null;
  const buildPlaces = () => {
    const built = new Int32Array(trace.versions).fill(-1);
    runLogs.forEach((log, tp) => {
      for (let offset = 0; offset < log.endOffset; offset++) built[log.idAt(offset)] = tp;
    });
    return built;
  };

  return {
    model,
    graph,
    stepCount: trace.length,
    get logs() {
      logs ??= logEntries(graph, runLogs);
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
    narrate(i) {
      narration ??= narrationSource(model, graph, trace, frames);
      return narrator(narration, step(i));
    },
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
        (tp, offset) => runLogs[tp]!.idAt(offset),
        flink,
      );
    },
    extractedTimestamp(topic, partition, offset, cursor) {
      const first = graph.firstTopicPartition[topic];
      const tp = first === undefined ? -1 : first + partition;
      const ref = graph.topicPartitions[tp];
      if (ref === undefined || ref.topic !== topic || !Number.isInteger(offset) || offset < 0) {
        throw new RangeError(`no record at ${topic}-${partition} offset ${offset}`);
      }
      if (offset >= runLogs[tp]!.endOffset) throw new RangeError(`no record at ${ref.name} offset ${offset}`);
      extracted ??= extractedTimestamps(model, graph, trace, runLogs);
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
