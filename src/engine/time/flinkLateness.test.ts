import { describe, expect, it } from "vitest";
import { beamIsLate } from "./beamLateness";
import { flinkDropsRecord, flinkIsLate, flinkWindowFires } from "./flinkLateness";

describe("flinkWindowFires (watermark >= end - 1)", () => {
  it("fires when the watermark equals the max timestamp", () => {
    expect(flinkWindowFires({ windowStart: 0, windowEnd: 10, watermark: 9 })).toEqual({
      fires: true,
      maxTimestamp: 9,
      reason: "watermark 9 ≥ window [0, 10) max timestamp 9 (end − 1): fires",
    });
  });

  it("does not fire one below, fires one above", () => {
    const below = flinkWindowFires({ windowStart: 0, windowEnd: 10, watermark: 8 });
    expect(below.fires).toBe(false);
    expect(below.reason).toBe("watermark 8 < window [0, 10) max timestamp 9 (end − 1): not yet");
    expect(flinkWindowFires({ windowEnd: 10, watermark: 10 }).fires).toBe(true);
  });

  it("never fires at the initial −∞ watermark", () => {
    expect(flinkWindowFires({ windowEnd: -1000, watermark: Number.NEGATIVE_INFINITY }).fires).toBe(false);
  });
});

describe("flinkIsLate (end - 1 + allowedLateness <= watermark)", () => {
  it("is late at equality", () => {
    expect(flinkIsLate({ windowStart: 0, windowEnd: 10, allowedLatenessMs: 5, watermark: 14 })).toEqual({
      late: true,
      cleanupTime: 14,
      reason: "window [0, 10) max timestamp 9 + allowed lateness 5 = 14 ≤ watermark 14: late, state cleaned",
    });
  });

  it("is not late one below, late one above", () => {
    expect(flinkIsLate({ windowEnd: 10, allowedLatenessMs: 5, watermark: 13 }).late).toBe(false);
    expect(flinkIsLate({ windowEnd: 10, allowedLatenessMs: 5, watermark: 15 }).late).toBe(true);
  });

  it("with no allowed lateness, a window is late exactly when it fires", () => {
    for (let watermark = 5; watermark <= 12; watermark++) {
      expect(flinkIsLate({ windowEnd: 10, allowedLatenessMs: 0, watermark }).late).toBe(
        flinkWindowFires({ windowEnd: 10, watermark }).fires,
      );
    }
  });
});

describe("flinkDropsRecord (ts + allowedLateness <= watermark)", () => {
  it("drops at equality", () => {
    expect(flinkDropsRecord({ ts: 5, allowedLatenessMs: 2, watermark: 7 })).toEqual({
      dropped: true,
      reason: "record ts 5 + allowed lateness 2 = 7 ≤ watermark 7: dropped as late (or late side output)",
    });
  });

  it("keeps one below, drops one above", () => {
    const kept = flinkDropsRecord({ ts: 5, allowedLatenessMs: 2, watermark: 6 });
    expect(kept.dropped).toBe(false);
    expect(kept.reason).toBe("record ts 5 + allowed lateness 2 = 7 > watermark 6: not late");
    expect(flinkDropsRecord({ ts: 5, allowedLatenessMs: 2, watermark: 8 }).dropped).toBe(true);
  });
});

describe("beamIsLate (strict: end - 1 + lateness < watermark)", () => {
  it("keeps the window at equality, where Flink already calls it late", () => {
    const input = { windowEnd: 10, allowedLatenessMs: 5, watermark: 14 };
    expect(beamIsLate(input)).toEqual({
      late: false,
      reason: "max timestamp 9 + allowed lateness 5 = 14 ≥ watermark 14: not expired",
    });
    expect(flinkIsLate(input).late).toBe(true);
  });

  it("agrees with Flink one below and one above", () => {
    for (const watermark of [13, 15]) {
      const input = { windowEnd: 10, allowedLatenessMs: 5, watermark };
      expect(beamIsLate(input).late).toBe(flinkIsLate(input).late);
    }
    expect(beamIsLate({ windowEnd: 10, allowedLatenessMs: 5, watermark: 15 }).reason).toBe(
      "max timestamp 9 + allowed lateness 5 = 14 < watermark 15: expired",
    );
  });
});
