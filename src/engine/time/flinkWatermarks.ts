/**
 * Flink's bounded out-of-orderness watermark generator.
 *
 * Reproduces `org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks`:
 * - the constructor sets `maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1`, so a periodic emit before any
 *   event gives `Long.MIN_VALUE`;
 * - `onEvent`: `maxTimestamp = Math.max(maxTimestamp, eventTimestamp)`;
 * - `onPeriodicEmit`: `new Watermark(maxTimestamp - outOfOrdernessMillis - 1)`.
 * A watermark W means "no more records with ts <= W", hence the `- 1`.
 *
 * `Long.MIN_VALUE` is represented by {@link FLINK_MIN_WATERMARK} (`-Infinity`): it compares below every timestamp and
 * `-Infinity - bound - 1` stays `-Infinity`, so no arithmetic special case is needed.
 */
import { requireInteger, requireTimestamp } from "../windows/window";
import { ms, type Reasoned } from "./decision";

/** `Long.MIN_VALUE` / `Watermark.UNINITIALIZED`: the watermark before anything is known. */
export const FLINK_MIN_WATERMARK = Number.NEGATIVE_INFINITY;

export interface PeriodicWatermark extends Reasoned {
  readonly watermark: number;
}

export class BoundedOutOfOrdernessWatermarks {
  readonly outOfOrdernessMs: number;
  #maxTimestamp = FLINK_MIN_WATERMARK;

  constructor(outOfOrdernessMs: number) {
    requireInteger("out-of-orderness bound", outOfOrdernessMs, 0);
    this.outOfOrdernessMs = outOfOrdernessMs;
  }

  /** The largest event timestamp seen, or {@link FLINK_MIN_WATERMARK} before any event. */
  get maxTimestamp(): number {
    return this.#maxTimestamp;
  }

  /** Records an event's timestamp. */
  onEvent(timestamp: number): void {
    requireTimestamp(timestamp);
    this.#maxTimestamp = Math.max(this.#maxTimestamp, timestamp);
  }

  /** The watermark a periodic emit produces now: `maxTimestamp - bound - 1`. Never decreases. */
  onPeriodicEmit(): PeriodicWatermark {
    const watermark = this.#maxTimestamp - this.outOfOrdernessMs - 1;
    const reason =
      this.#maxTimestamp === FLINK_MIN_WATERMARK
        ? `no event yet: watermark ${ms(watermark)} (Long.MIN_VALUE)`
        : `max timestamp ${ms(this.#maxTimestamp)} − bound ${ms(this.outOfOrdernessMs)} − 1 = watermark ${ms(watermark)}`;
    return { watermark, reason };
  }
}
