/**
 * Beam's late-window test, for contrast with Flink's ({@link flinkIsLate}): strict. Reproduces
 * `LateDataDroppingDoFnRunner#canDropDueToExpiredWindow`:
 * `window.maxTimestamp().plus(allowedLateness).isBefore(inputWatermark)`, with `IntervalWindow#maxTimestamp = end - 1`.
 * At `maxTimestamp + lateness == watermark` Beam keeps the window where Flink already drops it.
 */
import { requireInteger } from "../windows/window";
import { ms, type Reasoned } from "./decision";
import type { FlinkLateWindowTime } from "./flinkLateness";

export function beamIsLate(input: FlinkLateWindowTime): Reasoned & { readonly late: boolean } {
  requireInteger("allowed lateness", input.allowedLatenessMs, 0);
  const expiry = input.windowEnd - 1 + input.allowedLatenessMs;
  const late = expiry < input.watermark;
  const sum = `max timestamp ${ms(input.windowEnd - 1)} + allowed lateness ${ms(input.allowedLatenessMs)} = ${ms(expiry)}`;
  const reason = late
    ? `${sum} < watermark ${ms(input.watermark)}: expired`
    : `${sum} ≥ watermark ${ms(input.watermark)}: not expired`;
  return { late, reason };
}
