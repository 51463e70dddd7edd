/**
 * Flink event-time window firing and lateness, as pure comparisons with the operator's current watermark.
 * Windows are `[start, end)` with `maxTimestamp = end - 1` (`TimeWindow#maxTimestamp`).
 */
import { requireInteger } from "../windows/window";
import { describeWindow, ms, type Reasoned } from "./decision";

export interface FlinkWindowTime {
  readonly windowEnd: number;
  readonly windowStart?: number;
  readonly watermark: number;
}

export interface FlinkFiring extends Reasoned {
  readonly fires: boolean;
  readonly maxTimestamp: number;
}

/**
 * `EventTimeTrigger`: fires when the watermark reaches `maxTimestamp` (timers fire for `timestamp <= watermark`
 * in `InternalTimerServiceImpl#advanceWatermark`; `onElement` fires at once when `maxTimestamp <= watermark`).
 */
export function flinkWindowFires(input: FlinkWindowTime): FlinkFiring {
  const maxTimestamp = input.windowEnd - 1;
  const fires = input.watermark >= maxTimestamp;
  const window = describeWindow(input.windowEnd, input.windowStart);
  const reason = fires
    ? `watermark ${ms(input.watermark)} ≥ ${window} max timestamp ${ms(maxTimestamp)} (end − 1): fires`
    : `watermark ${ms(input.watermark)} < ${window} max timestamp ${ms(maxTimestamp)} (end − 1): not yet`;
  return { fires, maxTimestamp, reason };
}

export interface FlinkLateWindowTime extends FlinkWindowTime {
  readonly allowedLatenessMs: number;
}

export interface FlinkLateness extends Reasoned {
  readonly late: boolean;
  readonly cleanupTime: number;
}

/**
 * `WindowOperator#isWindowLate`: `cleanupTime(window) <= currentWatermark` with
 * `cleanupTime = maxTimestamp + allowedLateness` (`WindowOperator#cleanupTime`; Flink clamps an overflow to
 * `Long.MAX_VALUE`, which safe-integer milliseconds never reach). A late window's state is cleared; records for it
 * are not added.
 */
export function flinkIsLate(input: FlinkLateWindowTime): FlinkLateness {
  requireInteger("allowed lateness", input.allowedLatenessMs, 0);
  const maxTimestamp = input.windowEnd - 1;
  const cleanupTime = maxTimestamp + input.allowedLatenessMs;
  const late = cleanupTime <= input.watermark;
  const window = describeWindow(input.windowEnd, input.windowStart);
  const sum = `${window} max timestamp ${ms(maxTimestamp)} + allowed lateness ${ms(input.allowedLatenessMs)} = ${ms(cleanupTime)}`;
  const reason = late
    ? `${sum} ≤ watermark ${ms(input.watermark)}: late, state cleaned`
    : `${sum} > watermark ${ms(input.watermark)}: not late`;
  return { late, cleanupTime, reason };
}

export interface FlinkRecordTime {
  readonly ts: number;
  readonly allowedLatenessMs: number;
  readonly watermark: number;
}

export interface FlinkDrop extends Reasoned {
  readonly dropped: boolean;
}

/**
 * `WindowOperator#isElementLate`, applied when no window accepted the record (`isSkippedElement`):
 * `ts + allowedLateness <= currentWatermark` drops it (or sends it to the late side output when one is configured).
 */
export function flinkDropsRecord(input: FlinkRecordTime): FlinkDrop {
  requireInteger("allowed lateness", input.allowedLatenessMs, 0);
  const bound = input.ts + input.allowedLatenessMs;
  const dropped = bound <= input.watermark;
  const sum = `record ts ${ms(input.ts)} + allowed lateness ${ms(input.allowedLatenessMs)} = ${ms(bound)}`;
  const reason = dropped
    ? `${sum} ≤ watermark ${ms(input.watermark)}: dropped as late (or late side output)`
    : `${sum} > watermark ${ms(input.watermark)}: not late`;
  return { dropped, reason };
}
