import { describe, expect, it } from "vitest";
import { kafkaTimeWindows } from "../windows";
import { kafkaWindowFinal } from "./kafkaLateness";
import { isExpired, kafkaRetentionMs, nextStoreStreamTime } from "./kafkaRetention";
import { StreamTime, UNKNOWN_STREAM_TIME } from "./streamTime";

describe("kafkaRetentionMs defaults", () => {
  it("is size + grace for time windows", () => {
    expect(kafkaRetentionMs({ type: "tumbling", size: 10 }, 0)).toBe(10);
    expect(kafkaRetentionMs({ type: "hopping", size: 10, advance: 5 }, 3)).toBe(13);
  });

  it("is grace + 2 × timeDifference for sliding windows", () => {
    expect(kafkaRetentionMs({ type: "sliding", timeDifference: 10 }, 3)).toBe(23);
  });

  it("is gap + grace for sessions", () => {
    expect(kafkaRetentionMs({ type: "session", gap: 7 }, 3)).toBe(10);
  });
});

describe("isExpired (expired iff ts < observed - retention + 1)", () => {
  it("expires an entry exactly retention ms older than the store's stream time", () => {
    const decision = isExpired({ storeTimestamp: 10, observedStreamTime: 20, retentionMs: 10 });
    expect(decision).toEqual({
      expired: true,
      minLiveTimestamp: 11,
      reason: "stored at 10 < store stream time 20 − retention 10 + 1 = 11: expired, reads no longer see it",
    });
  });

  it("retains an entry one ms younger than that", () => {
    const decision = isExpired({ storeTimestamp: 11, observedStreamTime: 20, retentionMs: 10 });
    expect(decision.expired).toBe(false);
    expect(decision.reason).toBe("stored at 11 ≥ store stream time 20 − retention 10 + 1 = 11: retained");
  });

  it("expires one ms older", () => {
    expect(isExpired({ storeTimestamp: 9, observedStreamTime: 20, retentionMs: 10 }).expired).toBe(true);
  });

  it("expires nothing while the store has seen nothing", () => {
    expect(
      isExpired({ storeTimestamp: 0, observedStreamTime: UNKNOWN_STREAM_TIME, retentionMs: 0 }).expired,
    ).toBe(false);
  });
});

describe("retention with emit on close (semantics.md example)", () => {
  it("tumbling 10, grace 0, records at 5 then 25: [0,10) is past retention when it closes, so never emitted", () => {
    const windows = kafkaTimeWindows(10);
    const retentionMs = kafkaRetentionMs({ type: "tumbling", size: 10 }, 0);
    const streamTime = new StreamTime();
    let storeTime = UNKNOWN_STREAM_TIME;
    for (const ts of [5, 25]) {
      streamTime.observe(ts);
      for (const w of windows.windowsFor(ts)) storeTime = nextStoreStreamTime(storeTime, w.start);
    }
    expect(storeTime).toBe(20);
    const closed = kafkaWindowFinal({
      windowStart: 0,
      windowEnd: 10,
      streamTime: streamTime.current,
      graceMs: 0,
    });
    expect(closed.final).toBe(true);
    const expiry = isExpired({ storeTimestamp: 0, observedStreamTime: storeTime, retentionMs });
    expect(expiry.expired).toBe(true);
    expect(expiry.reason).toBe(
      "stored at 0 < store stream time 20 − retention 10 + 1 = 11: expired, reads no longer see it",
    );
  });
});
