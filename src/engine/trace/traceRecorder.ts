/**
 * The recording path's {@link RunRecorder}: writes each cluster-side happening into the columnar trace.
 */
import type { Json, RecordKey, WallClockMs } from "../model";
import type { RunRecorder } from "../runtime/runRecorder";
import { REFETCHED, StepKind, type TraceLog } from "./traceLog";

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
    fetched: (record, tp, offset, instance) =>
      trace.push(StepKind.recordFetched, record, tp | (instance << 16), offset),
    refetched(record, tp, offset, instance) {
      const id = trace.addVersion(
        trace.keys[record]!,
        trace.values[record]!,
        trace.timestamps[record]!,
        record,
        REFETCHED,
      );
      trace.push(StepKind.recordRefetched, id, tp | (instance << 16), offset);
      return id;
    },
    committed: (instance, tp, offset) => trace.push(StepKind.offsetCommitted, offset, tp, instance),
    positionReset: (instance, tp, offset, dropFetched) =>
      trace.push(StepKind.positionReset, offset, tp, instance | (dropFetched ? 1 << 16 : 0)),
    group: (instance, generation, payload) =>
      trace.push(StepKind.groupChanged, instance, generation, trace.addExtra(payload)),
  };
}
