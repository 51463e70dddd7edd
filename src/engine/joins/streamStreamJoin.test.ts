import { describe, expect, it } from "vitest";
import { JoinSide, joinRange, StreamStreamJoinTask, UnjoinedReason } from "./streamStreamJoin";

const window = { beforeMs: 1000, afterMs: 1000, graceMs: 0 };

describe("the stream–stream join of one task", () => {
  it("shouldJoinOtherSideRecordsWithinTheWindowInclusive", () => {
    // A long grace keeps every record in the store: only the window decides.
    const task = new StreamStreamJoinTask({ ...window, graceMs: 10_000 });
    task.arrive(JoinSide.right, "o1", "early", 200, 1);
    task.arrive(JoinSide.right, "o1", "edge", 2200, 2);
    task.arrive(JoinSide.right, "o1", "late", 2201, 3);
    const outcome = task.arrive(JoinSide.left, "o1", "order", 1200, 4);
    expect(outcome.kind === "arrived" && outcome.matches.map((m) => m.id)).toEqual([1, 2]);
  });

  it("shouldOnlyJoinEqualKeys", () => {
    const task = new StreamStreamJoinTask(window);
    task.arrive(JoinSide.left, "o1", "a", 100, 1);
    const outcome = task.arrive(JoinSide.right, "o2", "b", 100, 2);
    expect(outcome).toMatchObject({ kind: "arrived", stored: true, matches: [] });
  });

  it("shouldMirrorBeforeAndAfterForTheRightSide", () => {
    const asymmetric = { beforeMs: 100, afterMs: 500, graceMs: 0 };
    expect(joinRange(asymmetric, JoinSide.left, 1000)).toEqual({ from: 900, to: 1500 });
    expect(joinRange(asymmetric, JoinSide.right, 1000)).toEqual({ from: 500, to: 1100 });
    expect(joinRange(asymmetric, JoinSide.left, 50)).toEqual({ from: 0, to: 550 });
  });

  it("shouldReturnMatchesOrderedByTimestampThenArrival", () => {
    const task = new StreamStreamJoinTask(window);
    task.arrive(JoinSide.left, "k", "b", 900, 1);
    task.arrive(JoinSide.left, "k", "a", 800, 2);
    task.arrive(JoinSide.left, "k", "c", 900, 3);
    const outcome = task.arrive(JoinSide.right, "k", "x", 1000, 4);
    expect(outcome.kind === "arrived" && outcome.matches.map((m) => m.id)).toEqual([2, 1, 3]);
  });

  it("shouldSkipNullKeysAndNullValues", () => {
    const task = new StreamStreamJoinTask(window);
    expect(task.arrive(JoinSide.left, null, "v", 0, 1)).toEqual({
      kind: "skipped",
      reason: UnjoinedReason.nullKey,
    });
    expect(task.arrive(JoinSide.left, "k", null, 0, 2)).toEqual({
      kind: "skipped",
      reason: UnjoinedReason.nullKey,
    });
  });

  it("shouldNotStoreARecordOlderThanTheStoreRetention", () => {
    // Retention before + after + grace = 2500: a put at or below 5000 - 2500 has expired.
    const task = new StreamStreamJoinTask({ beforeMs: 1000, afterMs: 1000, graceMs: 500 });
    task.arrive(JoinSide.left, "k", "new", 5000, 1);
    expect(task.arrive(JoinSide.left, "k", "old", 2500, 2)).toMatchObject({
      kind: "arrived",
      stored: false,
      matches: [],
    });
    expect(task.arrive(JoinSide.left, "k", "kept", 2501, 3)).toMatchObject({ stored: true });
    const probe = task.arrive(JoinSide.right, "k", "x", 3000, 4);
    expect(probe.kind === "arrived" && probe.matches.map((m) => m.id)).toEqual([3]);
  });

  it("shouldStillJoinAnExpiredRecordWithWhatTheOtherStoreKeeps", () => {
    // KStreamJoinWindow forwards the record to the join before its own store drops it.
    const task = new StreamStreamJoinTask({ beforeMs: 1000, afterMs: 1000, graceMs: 0 });
    task.arrive(JoinSide.right, "k", "payment", 1500, 1);
    task.arrive(JoinSide.left, "k", "new", 5000, 2);
    expect(task.arrive(JoinSide.left, "k", "late", 1200, 3)).toMatchObject({
      kind: "arrived",
      stored: false,
      matches: [{ value: "payment", timestamp: 1500, id: 1 }],
    });
  });

  it("shouldNotMatchRecordsTheOtherStoreHasExpired", () => {
    const task = new StreamStreamJoinTask({ beforeMs: 1000, afterMs: 1000, graceMs: 0 });
    task.arrive(JoinSide.right, "k", "old", 1000, 1);
    task.arrive(JoinSide.right, "k", "newest", 3000, 2);
    // The right store's retention now starts after 1000: the old record no longer joins, even within the window.
    const outcome = task.arrive(JoinSide.left, "k", "late order", 1500, 3);
    expect(outcome.kind === "arrived" && outcome.matches.map((m) => m.id)).toEqual([]);
  });
});
