/**
 * Views of a recorded run that are read from its trace and logs on demand: a record version, a record's offset in
 * a log, the per-record view of the logs, and what the narration asks about the run.
 */
import type { VersionLog } from "../broker/partitionLog";
import type { FrameIndex } from "../frame/frameIndex";
import type { SimulationModel } from "../model";
import { explainKeyedPlacement } from "../partitioning/placement";
import { formatTaskUnit, taskIndexOfUnit } from "../runtime/groupDriver";
import type { LogEntry, RecordVersion } from "../simulation";
import type { TopologyGraph } from "../topology/topologyGraph";
import type { NarrationSource } from "./narrate";
import { isReprocessed, REFETCHED, StepKind, type TraceLog } from "./traceLog";

/** Record version `id` as the API shows it, with the produced record it descends from. */
export function recordVersion(trace: TraceLog, id: number): RecordVersion {
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
}

/** The offset of a record (or of the record a refetched version repeats) in a topic-partition's log; -1: none. */
export function offsetInLog(trace: TraceLog, log: VersionLog, id: number): number {
  const original = trace.creators[id] === REFETCHED ? trace.parents[id]! : id;
  for (let offset = 0; offset < log.endOffset; offset++) if (log.idAt(offset) === original) return offset;
  return -1;
}

/** Per topic, per partition: every logged record with its offset and append time. */
export function logEntries(graph: TopologyGraph, logs: readonly VersionLog[]): Record<string, LogEntry[][]> {
  const built: Record<string, LogEntry[][]> = {};
  for (const topic of graph.topics) {
    const first = graph.firstTopicPartition[topic.name]!;
    built[topic.name] = Array.from({ length: topic.partitions }, (_, p) => {
      const log = logs[first + p]!;
      return Array.from({ length: log.endOffset }, (_, offset) => ({
        record: log.idAt(offset),
        offset,
        appendTimeMs: log.appendTimeAt(offset),
      }));
    });
  }
  return built;
}

/** What the narration reads about a recorded run. */
export function narrationSource(
  model: SimulationModel,
  graph: TopologyGraph,
  trace: TraceLog,
  frames: FrameIndex,
): NarrationSource {
  let buffered: Set<number> | null = null;
  return {
    model,
    record: (id) => recordVersion(trace, id),
    explainMurmur2: explainKeyedPlacement,
    partitionsOf: (topic) => graph.topics.find((t) => t.name === topic)!.partitions,
    wasBuffered: (id) => {
      if (buffered === null) {
        const found = new Set<number>();
        for (let k = 0; k < trace.length; k++)
          if (trace.kinds[k] === StepKind.recordBuffered) found.add(trace.a[k]!);
        buffered = found;
      }
      return buffered.has(id);
    },
    // The scheduler's choice is its own step, just before the source takes the record.
    schedulingNote: (i) => {
      if (i === 0 || trace.kinds[i - 1] !== StepKind.partitionChosen) return null;
      return ` (the partition task ${graph.tasks[trace.a[i - 1]!]!.id}'s scheduler chose)`;
    },
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
  };
}
