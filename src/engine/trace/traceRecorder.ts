/**
 * The recording path's {@link RunRecorder}: writes each cluster-side happening into the columnar trace.
 */
import type { Json, RecordKey, WallClockMs } from "../model";
import type { RunRecorder } from "../runtime/runRecorder";
import { StepKind, type TraceLog } from "./traceLog";

export function traceRecorder(trace: TraceLog): RunRecorder {
  return {
    at: (timeMs: WallClockMs) => trace.at(timeMs),
    produced(producer: number, key: RecordKey, value: Json, timestamp: number, placement: number) {
      const id = trace.addVersion(key, value, timestamp, -1, -1 - producer);
      trace.push(StepKind.recordProduced, id, producer, placement);
      return id;
    },
    buffered: (record, producer, untilMs) => trace.push(StepKind.recordBuffered, record, producer, untilMs),
    appended: (record, tp, offset) => trace.push(StepKind.recordAppended, record, tp, offset),
    fetched: (record, tp, offset) => trace.push(StepKind.recordFetched, record, tp, offset),
    committed: (instance, tp, offset) => trace.push(StepKind.offsetCommitted, offset, tp, instance),
    assigned: (instance, generation, topicPartitions) =>
      trace.push(StepKind.partitionsAssigned, instance, generation, trace.addExtra(topicPartitions)),
  };
}
