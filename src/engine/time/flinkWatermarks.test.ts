import { describe, expect, it } from "vitest";
import { BoundedOutOfOrdernessWatermarks, FLINK_MIN_WATERMARK } from "./flinkWatermarks";

describe("BoundedOutOfOrdernessWatermarks", () => {
  it("emits Long.MIN_VALUE (−∞) before any event", () => {
    const generator = new BoundedOutOfOrdernessWatermarks(5);
    expect(generator.onPeriodicEmit()).toEqual({
      watermark: FLINK_MIN_WATERMARK,
      reason: "no event yet: watermark −∞ (Long.MIN_VALUE)",
    });
  });

  it("emits maxTimestamp - bound - 1", () => {
    const generator = new BoundedOutOfOrdernessWatermarks(5);
    generator.onEvent(20);
    expect(generator.onPeriodicEmit()).toEqual({
      watermark: 14,
      reason: "max timestamp 20 − bound 5 − 1 = watermark 14",
    });
  });

  it("with bound 0 is one below the max timestamp, so a record at the max is not late", () => {
    const generator = new BoundedOutOfOrdernessWatermarks(0);
    generator.onEvent(10);
    expect(generator.onPeriodicEmit().watermark).toBe(9);
  });

  it("ignores an older event and stays the same for an equal one", () => {
    const generator = new BoundedOutOfOrdernessWatermarks(2);
    generator.onEvent(10);
    generator.onEvent(3);
    expect(generator.onPeriodicEmit().watermark).toBe(7);
    generator.onEvent(10);
    expect(generator.onPeriodicEmit().watermark).toBe(7);
    generator.onEvent(11);
    expect(generator.onPeriodicEmit().watermark).toBe(8);
  });

  it("rejects a negative bound", () => {
    expect(() => new BoundedOutOfOrdernessWatermarks(-1)).toThrow(/bound/);
  });
});
