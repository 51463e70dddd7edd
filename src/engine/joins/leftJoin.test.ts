import { describe, expect, it } from "vitest";
import { JoinSide, type StreamJoinOutcome, StreamStreamJoinTask } from "./streamStreamJoin";

const window = { beforeMs: 100, afterMs: 100, graceMs: 0 };
const closedKeys = (outcome: StreamJoinOutcome) =>
  outcome.kind === "arrived" ? outcome.closed.map((e) => `${String(e.key)}@${e.timestamp}`) : [];

describe("a left stream–stream join (spurious-result fix, KIP-633)", () => {
  it("shouldEmitAnUnmatchedLeftRecordOnlyOnceItsWindowHasClosed", () => {
    const task = new StreamStreamJoinTask(window, true);
    expect(task.arrive(JoinSide.left, "k", "a", 100, 1, 0)).toMatchObject({ unmatched: "later", closed: [] });
    // Stream time 150: k's window [0, 200] is still open.
    expect(closedKeys(task.arrive(JoinSide.right, "other", "r", 150, 2, 0))).toEqual([]);
    // Stream time 250 > 100 + after 100 + grace 0, and a second of wall-clock time has passed since the first
    // look (at the first record): k is emitted before x is joined.
    const outcome = task.arrive(JoinSide.left, "x", "b", 250, 3, 1000);
    expect(closedKeys(outcome)).toEqual(["k@100"]);
    expect(outcome).toMatchObject({ unmatched: "later", streamTime: 250 });
  });

  it("shouldNeverEmitANullResultForALeftRecordThatJoinedLater", () => {
    const task = new StreamStreamJoinTask(window, true);
    task.arrive(JoinSide.left, "k", "a", 100, 1, 0);
    const joined = task.arrive(JoinSide.right, "k", "r", 150, 2, 0);
    expect(joined.kind === "arrived" && joined.matches.map((m) => m.id)).toEqual([1]);
    expect(closedKeys(task.arrive(JoinSide.left, "x", "b", 1000, 3, 0))).toEqual([]);
  });

  it("shouldLookForClosedWindowsAtMostOncePerEmitInterval", () => {
    const task = new StreamStreamJoinTask(window, true);
    // The first record already counts as a look (Java's minTime = Long.MAX_VALUE + after overflows): the next
    // look may come at wall-clock 1000.
    task.arrive(JoinSide.left, "a", 1, 100, 1, 0);
    expect(closedKeys(task.arrive(JoinSide.left, "b", 2, 300, 2, 500))).toEqual([]);
    expect(closedKeys(task.arrive(JoinSide.left, "c", 3, 600, 3, 1000))).toEqual(["a@100", "b@300"]);
    expect(closedKeys(task.arrive(JoinSide.left, "d", 4, 900, 4, 1500))).toEqual([]);
    // d's window [.., 1000] is still open at stream time 950.
    expect(closedKeys(task.arrive(JoinSide.left, "e", 5, 950, 5, 2000))).toEqual(["c@600"]);
  });

  it("shouldEmitALateLeftRecordAtOnceWhenItsWindowHasAlreadyClosed", () => {
    const task = new StreamStreamJoinTask(window, true);
    task.arrive(JoinSide.left, "a", 1, 1000, 1, 0);
    expect(task.arrive(JoinSide.left, "b", 2, 100, 2, 0)).toMatchObject({ unmatched: "now", closed: [] });
  });

  it("shouldEmitANullKeyLeftRecordAtOnceButSkipANullKeyRightRecord", () => {
    const task = new StreamStreamJoinTask(window, true);
    expect(task.arrive(JoinSide.left, null, 1, 100, 1, 0)).toEqual({ kind: "unmatchable" });
    expect(task.arrive(JoinSide.right, null, 1, 100, 2, 0)).toMatchObject({ kind: "skipped" });
  });

  it("shouldKeepInnerJoinsFreeOfNullResults", () => {
    const task = new StreamStreamJoinTask(window);
    task.arrive(JoinSide.left, "k", "a", 100, 1, 0);
    expect(task.arrive(JoinSide.left, "x", "b", 5000, 2, 0)).toMatchObject({ unmatched: "none", closed: [] });
  });
});
