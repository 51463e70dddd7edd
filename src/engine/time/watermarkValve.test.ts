import { describe, expect, it } from "vitest";
import { FLINK_MIN_WATERMARK } from "./flinkWatermarks";
import { StatusWatermarkValve } from "./watermarkValve";

describe("StatusWatermarkValve", () => {
  it("outputs the minimum over channels", () => {
    const valve = new StatusWatermarkValve(2);
    valve.inputWatermark(0, 10);
    const out = valve.inputWatermark(1, 7);
    expect(out).toEqual({
      watermark: 7,
      advanced: true,
      reason: "channel 1 watermark 7: min over aligned channels 7 > −∞: advances",
    });
    expect(valve.inputWatermark(1, 12)).toMatchObject({ watermark: 10, advanced: true });
  });

  it("is held at −∞ by a channel that sent nothing", () => {
    const valve = new StatusWatermarkValve(3);
    valve.inputWatermark(0, 10);
    valve.inputWatermark(1, 20);
    expect(valve.watermark).toBe(FLINK_MIN_WATERMARK);
    expect(valve.inputWatermark(2, 5).watermark).toBe(5);
  });

  it("ignores a watermark that does not exceed the channel's last one", () => {
    const valve = new StatusWatermarkValve(1);
    valve.inputWatermark(0, 10);
    expect(valve.inputWatermark(0, 10)).toEqual({
      watermark: 10,
      advanced: false,
      reason: "channel 0 watermark 10 ≤ its last 10: ignored",
    });
    expect(valve.inputWatermark(0, 4).watermark).toBe(10);
  });

  it("never decreases when the minimum channel moves up but stays the minimum", () => {
    const valve = new StatusWatermarkValve(2);
    valve.inputWatermark(0, 5);
    valve.inputWatermark(1, 9);
    expect(valve.inputWatermark(0, 6).watermark).toBe(6);
  });

  it("skips an idle channel: the others advance the output", () => {
    const valve = new StatusWatermarkValve(2);
    valve.inputWatermark(0, 10);
    expect(valve.markIdle(1)).toMatchObject({ watermark: 10, advanced: true });
    expect(valve.inputWatermark(0, 15).watermark).toBe(15);
    expect(valve.inputWatermark(1, 100)).toMatchObject({ watermark: 15, advanced: false });
  });

  it("a channel back from idle behind the output does not pull it back until it catches up", () => {
    const valve = new StatusWatermarkValve(2);
    valve.inputWatermark(0, 20);
    valve.markIdle(1);
    expect(valve.markActive(1).reason).toBe(
      "channel 1 active again but −∞ < output 20: not counted until it catches up",
    );
    expect(valve.inputWatermark(1, 15).watermark).toBe(20);
    expect(valve.channel(1)).toEqual({ watermark: 15, active: true, aligned: false });
    valve.inputWatermark(1, 20);
    expect(valve.channel(1).aligned).toBe(true);
    expect(valve.inputWatermark(0, 30).watermark).toBe(20);
    expect(valve.inputWatermark(1, 25).watermark).toBe(25);
  });

  it("when the last active channel goes idle, flushes to the maximum watermark and goes idle", () => {
    const valve = new StatusWatermarkValve(2);
    valve.inputWatermark(0, 30);
    valve.inputWatermark(1, 10);
    expect(valve.markIdle(0)).toMatchObject({ watermark: 10, advanced: false });
    expect(valve.markIdle(1)).toEqual({
      watermark: 30,
      advanced: true,
      reason: "channel 1 idle, all channels idle: flush to max watermark 30",
    });
    expect(valve.idle).toBe(true);
    expect(valve.inputWatermark(0, 50)).toMatchObject({ watermark: 30, advanced: false });
    valve.markActive(0);
    expect(valve.idle).toBe(false);
    expect(valve.inputWatermark(0, 50).watermark).toBe(50);
  });

  it("all idle before any watermark stays at −∞", () => {
    const valve = new StatusWatermarkValve(2);
    valve.markIdle(0);
    expect(valve.markIdle(1)).toMatchObject({ watermark: FLINK_MIN_WATERMARK, advanced: false });
    expect(valve.idle).toBe(true);
  });

  it("rejects an unknown channel and an empty valve", () => {
    expect(() => new StatusWatermarkValve(0)).toThrow(RangeError);
    expect(() => new StatusWatermarkValve(1).inputWatermark(1, 0)).toThrow(/no channel 1/);
  });
});
