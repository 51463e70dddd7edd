/**
 * The recording path's {@link RunRecorder}: writes each cluster-side happening into the columnar trace.
 */
import type { Json, RecordKey, WallClockMs } from "../model";
import type { RunRecorder } from "../runtime/runRecorder";
import { packTime, REFETCHED, StepKind, type TraceLog } from "./traceLog";

export function traceRecorder(trace: TraceLog): RunRecorder {
  return {
    detailed: true,
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
    skipped: (record, tp, instance, reason) =>
      trace.push(StepKind.recordSkipped, record, tp | (instance << 16), trace.addExtra(reason)),
    chose: (task, decision) =>
      trace.push(StepKind.partitionChosen, task, decision.chosen, trace.addExtra(decision)),
    idled: (task, tp, untilMs) => trace.push(StepKind.taskIdled, task, tp, untilMs),
    streamTime(task, timeMs, restored) {
      // Once per processed record that advances stream time: no allocation (packTime returns a pair).
      const kind = restored ? StepKind.streamTimeRestored : StepKind.streamTimeAdvanced;
      if (timeMs >= 0 && timeMs <= 0x7fffffff) trace.push(kind, task, 0, timeMs);
      else {
        const [hi, lo] = packTime(timeMs);
        trace.push(kind, task, hi, lo);
      }
    },
    watermark(channel, watermark, reason) {
      const [hi, lo] = packTime(watermark);
      trace.push(StepKind.watermarkAdvanced, channel, hi, lo);
      trace.notes.set(trace.length - 1, reason);
    },
    windowRestored: (node, task, restore) =>
      trace.push(StepKind.windowStoreRestored, node, task, trace.addExtra(restore)),
    partitionIdle(tp, idle, reason) {
      trace.push(StepKind.partitionIdleChanged, tp, idle ? 1 : 0, 0);
      trace.notes.set(trace.length - 1, reason);
    },
  };
}
