/**
 * Combining the watermarks of several input channels into one operator watermark.
 *
 * Reproduces `org.apache.flink.streaming.runtime.watermarkstatus.StatusWatermarkValve`:
 * - every channel starts active, *aligned*, at `Long.MIN_VALUE` ({@link FLINK_MIN_WATERMARK}): a channel that sent
 *   nothing holds the output there;
 * - `inputWatermark`: ignored when the channel, or the whole valve, is idle, or when it does not exceed the channel's
 *   last watermark; otherwise stored, the channel re-aligns once it is `>= lastOutputWatermark`, and the output becomes
 *   the minimum over *aligned* channels if that is larger than the last output (so it never decreases);
 * - idleness (`WatermarkStatus.IDLE`, from `WatermarkStrategy#withIdleness`): an idle channel is unaligned and skipped.
 *   If it held the minimum, the minimum over the remaining aligned channels is taken. If it was the **last** active
 *   channel, Flink does not simply stop: it "flushes", emitting the **maximum** watermark over all channels (when that
 *   channel's watermark equalled the last output), then marks the valve idle;
 * - back to active: the channel is aligned again only if its watermark `>= lastOutputWatermark`. A lagging channel
 *   stays unaligned, and so does not pull the output back, until its watermarks catch up.
 *
 * So the output is the minimum over *aligned* channels (active channels that have caught up), never over all.
 */
import { ms, type Reasoned } from "./decision";
import { FLINK_MIN_WATERMARK } from "./flinkWatermarks";

export interface ChannelStatus {
  readonly watermark: number;
  readonly active: boolean;
  readonly aligned: boolean;
}

/** What one input did to the valve's output. */
export interface ValveOutput extends Reasoned {
  readonly watermark: number;
  readonly advanced: boolean;
}

export class StatusWatermarkValve {
  readonly #channels: { watermark: number; active: boolean; aligned: boolean }[];
  #output = FLINK_MIN_WATERMARK;
  #idle = false;

  constructor(channelCount: number) {
    if (!Number.isSafeInteger(channelCount) || channelCount < 1) {
      throw new RangeError(`a valve needs at least one channel, got ${channelCount}`);
    }
    this.#channels = Array.from({ length: channelCount }, () => ({
      watermark: FLINK_MIN_WATERMARK,
      active: true,
      aligned: true,
    }));
  }

  /** The last output watermark. */
  get watermark(): number {
    return this.#output;
  }

  /** True when every channel is idle (the valve then emits `WatermarkStatus.IDLE` downstream). */
  get idle(): boolean {
    return this.#idle;
  }

  channel(index: number): ChannelStatus {
    return { ...this.#at(index) };
  }

  get channels(): ChannelStatus[] {
    return this.#channels.map((c) => ({ ...c }));
  }

  inputWatermark(index: number, watermark: number): ValveOutput {
    const channel = this.#at(index);
    if (this.#idle || !channel.active) {
      return this.#result(false, `channel ${index} is idle: its watermark ${ms(watermark)} is ignored`);
    }
    if (watermark <= channel.watermark) {
      return this.#result(
        false,
        `channel ${index} watermark ${ms(watermark)} ≤ its last ${ms(channel.watermark)}: ignored`,
      );
    }
    channel.watermark = watermark;
    if (!channel.aligned && watermark >= this.#output) channel.aligned = true;
    return this.#minAcrossAligned(`channel ${index} watermark ${ms(watermark)}`);
  }

  markIdle(index: number): ValveOutput {
    const channel = this.#at(index);
    if (!channel.active) return this.#result(false, `channel ${index} is already idle`);
    channel.active = false;
    channel.aligned = false;
    if (!this.#channels.some((c) => c.active)) {
      this.#idle = true;
      if (channel.watermark === this.#output) {
        const max = Math.max(...this.#channels.map((c) => c.watermark));
        if (max > this.#output) {
          this.#output = max;
          return this.#result(
            true,
            `channel ${index} idle, all channels idle: flush to max watermark ${ms(max)}`,
          );
        }
      }
      return this.#result(
        false,
        `channel ${index} idle, all channels idle: valve idle at ${ms(this.#output)}`,
      );
    }
    if (channel.watermark === this.#output) return this.#minAcrossAligned(`channel ${index} idle`);
    return this.#result(false, `channel ${index} idle; it did not hold the minimum`);
  }

  markActive(index: number): ValveOutput {
    const channel = this.#at(index);
    if (channel.active) return this.#result(false, `channel ${index} is already active`);
    channel.active = true;
    this.#idle = false;
    if (channel.watermark >= this.#output) {
      channel.aligned = true;
      return this.#result(
        false,
        `channel ${index} active again at ${ms(channel.watermark)} ≥ ${ms(this.#output)}`,
      );
    }
    return this.#result(
      false,
      `channel ${index} active again but ${ms(channel.watermark)} < output ${ms(this.#output)}: ` +
        "not counted until it catches up",
    );
  }

  #minAcrossAligned(cause: string): ValveOutput {
    const aligned = this.#channels.filter((c) => c.aligned);
    if (aligned.length === 0) return this.#result(false, `${cause}: no aligned channel`);
    const min = Math.min(...aligned.map((c) => c.watermark));
    if (min > this.#output) {
      const before = this.#output;
      this.#output = min;
      return this.#result(true, `${cause}: min over aligned channels ${ms(min)} > ${ms(before)}: advances`);
    }
    return this.#result(false, `${cause}: min over aligned channels ${ms(min)} ≤ ${ms(this.#output)}: holds`);
  }

  #result(advanced: boolean, reason: string): ValveOutput {
    return { watermark: this.#output, advanced, reason };
  }

  #at(index: number): { watermark: number; active: boolean; aligned: boolean } {
    const channel = this.#channels[index];
    if (channel === undefined)
      throw new RangeError(`no channel ${index} (valve has ${this.#channels.length})`);
    return channel;
  }
}
