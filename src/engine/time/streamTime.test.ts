import { describe, expect, it } from "vitest";
import { StreamTime, UNKNOWN_STREAM_TIME } from "./streamTime";

describe("StreamTime", () => {
  it("starts unknown at -1, like ConsumerRecord.NO_TIMESTAMP", () => {
    const time = new StreamTime();
    expect(UNKNOWN_STREAM_TIME).toBe(-1);
    expect(time.current).toBe(-1);
    expect(time.known).toBe(false);
  });

  it("advances to the first record's timestamp, including 0", () => {
    const time = new StreamTime();
    const observed = time.observe(0);
    expect(observed).toMatchObject({ previous: -1, streamTime: 0, advanced: true });
    expect(observed.reason).toBe("record ts 0 > stream time unknown (−1): stream time advances to 0");
    expect(time.known).toBe(true);
  });

  it("advances by one when the record is one past stream time", () => {
    const time = new StreamTime(10);
    expect(time.observe(11)).toMatchObject({ streamTime: 11, advanced: true });
  });

  it("stays put when the record equals stream time", () => {
    const time = new StreamTime(10);
    const observed = time.observe(10);
    expect(observed).toMatchObject({ streamTime: 10, advanced: false });
    expect(observed.reason).toBe("record ts 10 ≤ stream time 10: stream time stays 10");
  });

  it("never goes back for an out-of-order record", () => {
    const time = new StreamTime(10);
    expect(time.observe(9)).toMatchObject({ previous: 10, streamTime: 10, advanced: false });
    expect(time.current).toBe(10);
  });

  it("rejects a non-integer timestamp", () => {
    expect(() => new StreamTime().observe(1.5)).toThrow(/integer/);
  });
});
