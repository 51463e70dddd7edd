import { describe, expect, it } from "vitest";
import {
  kafkaSessionAccepts,
  kafkaSessionFinal,
  kafkaSlidingWindowAccepts,
  kafkaWindowAccepts,
  kafkaWindowFinal,
} from "./kafkaLateness";

describe("kafkaWindowAccepts (TimeWindows: end > streamTime - grace)", () => {
  it("drops at equality and says the exact comparison", () => {
    const decision = kafkaWindowAccepts({ windowStart: 0, windowEnd: 10, streamTime: 15, graceMs: 5 });
    expect(decision).toEqual({
      accepted: false,
      closeTime: 10,
      reason: "window [0, 10) ends at 10 ≤ stream time 15 − grace 5 = 10: too late",
    });
  });

  it("accepts one past the close time", () => {
    const decision = kafkaWindowAccepts({ windowStart: 0, windowEnd: 11, streamTime: 15, graceMs: 5 });
    expect(decision.accepted).toBe(true);
    expect(decision.reason).toBe("window [0, 11) ends at 11 > stream time 15 − grace 5 = 10: accepted");
  });

  it("drops one below the close time", () => {
    expect(kafkaWindowAccepts({ windowEnd: 9, streamTime: 15, graceMs: 5 }).accepted).toBe(false);
  });

  it("with grace 0 drops the window ending at stream time", () => {
    expect(kafkaWindowAccepts({ windowEnd: 10, streamTime: 10, graceMs: 0 }).accepted).toBe(false);
    expect(kafkaWindowAccepts({ windowEnd: 11, streamTime: 10, graceMs: 0 }).accepted).toBe(true);
  });

  it("accepts everything while stream time is unknown (-1)", () => {
    expect(kafkaWindowAccepts({ windowEnd: 0, streamTime: -1, graceMs: 0 }).accepted).toBe(true);
  });

  it("rejects a negative grace", () => {
    expect(() => kafkaWindowAccepts({ windowEnd: 1, streamTime: 1, graceMs: -1 })).toThrow(/grace/);
  });
});

describe("kafkaWindowFinal (emit on close: end <= streamTime - grace)", () => {
  it("is final at equality", () => {
    const decision = kafkaWindowFinal({ windowStart: 0, windowEnd: 10, streamTime: 15, graceMs: 5 });
    expect(decision).toEqual({
      final: true,
      closeTime: 10,
      reason: "window [0, 10) ends at 10 ≤ stream time 15 − grace 5 = 10: closed, final result",
    });
  });

  it("is final one below and still open one above", () => {
    expect(kafkaWindowFinal({ windowEnd: 9, streamTime: 15, graceMs: 5 }).final).toBe(true);
    expect(kafkaWindowFinal({ windowEnd: 11, streamTime: 15, graceMs: 5 }).final).toBe(false);
  });

  it("is final exactly when the window stops accepting", () => {
    for (let end = 5; end <= 15; end++) {
      const input = { windowEnd: end, streamTime: 15, graceMs: 5 };
      expect(kafkaWindowFinal(input).final).toBe(!kafkaWindowAccepts(input).accepted);
    }
  });
});

describe("kafkaSlidingWindowAccepts (KIP-450: end >= streamTime - grace)", () => {
  it("still accepts at equality, unlike time windows", () => {
    const decision = kafkaSlidingWindowAccepts({ windowStart: 0, windowEnd: 10, streamTime: 15, graceMs: 5 });
    expect(decision).toEqual({
      accepted: true,
      closeTime: 10,
      reason: "window [0, 10] ends at 10 ≥ stream time 15 − grace 5 = 10: accepted",
    });
    expect(kafkaWindowAccepts({ windowEnd: 10, streamTime: 15, graceMs: 5 }).accepted).toBe(false);
  });

  it("accepts one above and drops one below", () => {
    expect(kafkaSlidingWindowAccepts({ windowEnd: 11, streamTime: 15, graceMs: 5 }).accepted).toBe(true);
    const below = kafkaSlidingWindowAccepts({ windowEnd: 9, streamTime: 15, graceMs: 5 });
    expect(below.accepted).toBe(false);
    expect(below.reason).toBe("window ends at 9 < stream time 15 − grace 5 = 10: too late");
  });
});

describe("kafkaSessionAccepts (dropped iff end < streamTime - grace - gap)", () => {
  const base = { streamTime: 30, graceMs: 5, gapMs: 10 };

  it("accepts at equality", () => {
    const decision = kafkaSessionAccepts({ ...base, sessionStart: 12, sessionEnd: 15 });
    expect(decision).toEqual({
      accepted: true,
      closeTime: 15,
      reason: "session [12, 15] ends at 15 ≥ stream time 30 − grace 5 − gap 10 = 15: accepted",
    });
  });

  it("drops one below and accepts one above", () => {
    const below = kafkaSessionAccepts({ ...base, sessionEnd: 14 });
    expect(below.accepted).toBe(false);
    expect(below.reason).toBe("session ends at 14 < stream time 30 − grace 5 − gap 10 = 15: too late");
    expect(kafkaSessionAccepts({ ...base, sessionEnd: 16 }).accepted).toBe(true);
  });

  it("is final at end <= streamTime - grace - gap", () => {
    expect(kafkaSessionFinal({ ...base, sessionEnd: 14 }).final).toBe(true);
    expect(kafkaSessionFinal({ ...base, sessionEnd: 15 }).final).toBe(true);
    expect(kafkaSessionFinal({ ...base, sessionEnd: 16 }).final).toBe(false);
  });
});
