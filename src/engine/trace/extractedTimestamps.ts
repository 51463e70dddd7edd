/**
 * The timestamp a task's extractor gives a record of a source partition, for views that show records before they
 * are processed (partition lanes, the head record, what the scheduler compares). It is the run loop's own extractor
 * (`createTimestampExtractor`, Kafka Streams' `TimestampExtractor`, Flink's `TimestampAssigner`) applied to the
 * record as the log holds it, so a view never re-implements extraction.
 *
 * Processing time (`WallclockTimestampExtractor`) is the exception: the timestamp is the wall clock at the moment
 * the task makes the record its head, so it is known only once the record was processed — then it is read from
 * the trace (the version the source made carries it) — and unknown (null) before.
 */
import { type PartitionLog, readRecordContext } from "../broker/partitionLog";
import { DEFAULT_TIME, type RecordContext, type SimulationModel } from "../model";
import { createTimestampExtractor, type Extracted } from "../runtime/timestampExtractor";
import type { TopologyGraph } from "../topology/topologyGraph";
import { REFETCHED, StepKind, type TraceLog } from "./traceLog";

/** The extracted timestamp of the record at `offset` of topic-partition `tp`, as known after `cursor` steps. */
export type ExtractedTimestampAt = (tp: number, offset: number, cursor: number) => Extracted | null;

export function extractedTimestamps(
  model: SimulationModel,
  graph: TopologyGraph,
  trace: TraceLog,
  logs: readonly PartitionLog[],
): ExtractedTimestampAt {
  const spec = (model.app.time ?? DEFAULT_TIME).timestamp;
  if (spec.kind === "processing") {
    let taken: Map<number, { step: number; timestampMs: number }[]> | null = null;
    return (tp, offset, cursor) => {
      taken ??= takenFromPartitions(graph, trace, logs);
      const times = taken.get(offset * graph.topicPartitions.length + tp);
      let found: number | null = null;
      for (const t of times ?? []) if (t.step < cursor) found = t.timestampMs;
      return found;
    };
  }
  const extract = createTimestampExtractor(spec);
  const context: RecordContext = { key: null, value: null, timestamp: 0, partition: 0, offset: 0, topic: "" };
  return (tp, offset) => {
    const log = logs[tp]!;
    const ref = graph.topicPartitions[tp]!;
    readRecordContext(context, log, ref.topic, ref.partition, offset);
    // The wall clock is not read by any extractor but processing time's.
    return extract(context, log.appendTimeAt(offset), 0);
  };
}

/**
 * Every time a source or table took a record from a partition, by `offset * topicPartitions + tp`: the step and
 * the timestamp the extractor gave it (a record processed again after a failover is taken again).
 */
function takenFromPartitions(
  graph: TopologyGraph,
  trace: TraceLog,
  logs: readonly PartitionLog[],
): Map<number, { step: number; timestampMs: number }[]> {
  const tps = graph.topicPartitions.length;
  const offsetOf = logs.map((log) => {
    const offsets = new Map<number, number>();
    for (let offset = 0; offset < log.endOffset; offset++) offsets.set(log.idAt(offset), offset);
    return offsets;
  });
  const taken = new Map<number, { step: number; timestampMs: number }[]>();
  for (let step = 0; step < trace.length; step++) {
    const kind = trace.kinds[step];
    const c = trace.c[step]!;
    let tp = -1;
    if ((kind === StepKind.recordProcessed || kind === StepKind.recordStored) && c < 0) tp = -1 - c;
    else if (kind === StepKind.recordUnjoined && c >> 2 < 0) tp = -1 - (c >> 2);
    if (tp < 0) continue;
    // The version the source made (or the fetched record itself), back to the id the log holds.
    let id = trace.a[step]!;
    if (trace.creators[id] === trace.b[step]) id = trace.parents[id]!;
    if (trace.creators[id] === REFETCHED) id = trace.parents[id]!;
    const offset = offsetOf[tp]!.get(id);
    if (offset === undefined) continue;
    const key = offset * tps + tp;
    const list = taken.get(key) ?? [];
    list.push({ step, timestampMs: trace.timestamps[trace.a[step]!]! });
    taken.set(key, list);
  }
  return taken;
}
