import { describe, expect, it } from "vitest";
import { apply } from "./apply";
import type { CoordinatorConfig } from "./coordinatorConfig";
import {
  advanceTo,
  crash,
  joinDynamic,
  joinStatic,
  kinds,
  leave,
  names,
  ofKind,
  printedAssignment,
  restart,
  run,
} from "./coordinatorFixtures";
import { memberIdOf, nextDeadline, ownerOf } from "./coordinatorState";

const range: CoordinatorConfig = { groupId: "g", assignor: "range", partitionsPerTopic: { orders: 3 } };

/** s1 (app-1) and s2 (app-2), generation 2 at 1000: s1 owns orders-0, orders-1 and s2 orders-2. */
const stable = run(range, [joinStatic(0, "s1", "app-1"), joinStatic(1000, "s2", "app-2")]);
/** s1 shuts down at 10000; its last heartbeat is at 10000 (1000 + 3 × 3000), so its session expires at 55000. */
const shutDown = apply(stable.state, leave(10000, "s1"));

describe("static membership (KIP-345)", () => {
  it("keeps a shut-down static member's partitions assigned and unconsumed, with no LeaveGroup and no rebalance", () => {
    expect(kinds(shutDown.events)).toEqual(["memberLeft", "heartbeatsStopped"]);
    expect(shutDown.events[0]).toMatchObject({ leaveGroupSent: false, rebalance: { kind: "none" } });
    expect(names(ofKind(shutDown.events, "memberLeft")[0]!.partitions)).toEqual(["orders-0", "orders-1"]);
    expect(shutDown.events[1]).toMatchObject({ lastHeartbeatMs: 10000, expiresAtMs: 55000 });
    expect(shutDown.state.generation).toBe(2);
    expect(ownerOf(shutDown.state, { topic: "orders", partition: 0 })).toBe("s1");
    expect(shutDown.state.members.find((m) => m.memberId === "s1")!.running).toBe(false);
    expect(nextDeadline(shutDown.state)).toBe(55000);
  });

  it("gives a static member that restarts within session.timeout.ms its partitions back, with no rebalance", () => {
    const back = apply(apply(shutDown.state, advanceTo(54999)).state, restart(54999, "s1"));
    expect(kinds(back.events)).toEqual(["memberRestarted", "staticMemberRejoined"]);
    expect(back.events[1]).toMatchObject({ memberId: "s1-1", previousMemberId: "s1", generation: 2 });
    expect(back.state.generation).toBe(2);
    expect(printedAssignment(back.state)).toEqual({ "s1-1": ["orders-0", "orders-1"], s2: ["orders-2"] });
    expect(memberIdOf(back.state, "s1")).toBe("s1-1");
    expect(nextDeadline(back.state)).toBeUndefined();
  });

  it("treats a crashed static member the same way", () => {
    const { state, events } = run(stable.state, [crash(10000, "s1"), restart(20000, "s1")]);
    expect(kinds(events)).toEqual([
      "memberCrashed",
      "heartbeatsStopped",
      "memberRestarted",
      "staticMemberRejoined",
    ]);
    expect(state.generation).toBe(2);
  });

  it("removes a static member whose session expired (rebalance), and rebalances again when it comes back", () => {
    const expired = apply(shutDown.state, advanceTo(60000));
    expect(kinds(expired.events).slice(0, 2)).toEqual(["sessionExpired", "rebalanceStarted"]);
    expect(expired.events[0]).toMatchObject({ atMs: 55000, memberId: "s1", lastHeartbeatMs: 10000 });
    expect(expired.state.generation).toBe(3);
    expect(printedAssignment(expired.state)).toEqual({ s2: ["orders-0", "orders-1", "orders-2"] });

    const back = apply(expired.state, restart(60000, "s1"));
    expect(back.events[0]).toMatchObject({ kind: "memberRestarted", memberId: "s1-1", stillInGroup: false });
    expect(ofKind(back.events, "rebalanceStarted")[0]).toMatchObject({ generation: 4, reason: "restart" });
    expect(ofKind(back.events, "staticMemberRejoined")).toEqual([]);
    // Range lays out static members by group.instance.id, so app-1 gets the first range again.
    expect(printedAssignment(back.state)).toEqual({ "s1-1": ["orders-0", "orders-1"], s2: ["orders-2"] });
  });

  it("holds a rebalance that starts while a static member is down until its session expires", () => {
    const joined = apply(shutDown.state, joinDynamic(20000, "d3"));
    expect(ofKind(joined.events, "rebalanceStarted")[0]).toMatchObject({
      generation: 3,
      waitingFor: [{ memberId: "s1", expiresAtMs: 55000 }],
    });
    expect(ofKind(joined.events, "generationCompleted")).toEqual([]);
    expect(ownerOf(joined.state, { topic: "orders", partition: 0 })).toBe("s1");
    expect(nextDeadline(joined.state)).toBe(55000);

    const completed = apply(joined.state, advanceTo(55000));
    expect(kinds(completed.events).slice(0, 2)).toEqual(["sessionExpired", "generationCompleted"]);
    expect(completed.events.every((e) => e.atMs === 55000)).toBe(true);
    expect(printedAssignment(completed.state)).toEqual({ s2: ["orders-0", "orders-1"], d3: ["orders-2"] });
  });

  it("completes that rebalance at once when the static member restarts, owning nothing as a fresh consumer", () => {
    const joined = apply(shutDown.state, joinDynamic(20000, "d3"));
    const back = apply(joined.state, restart(30000, "s1"));
    expect(back.events[0]).toMatchObject({
      kind: "memberRestarted",
      memberId: "s1-1",
      stillInGroup: true,
      rebalance: { kind: "inProgress", generation: 3 },
    });
    expect(ofKind(back.events, "generationCompleted")[0]).toMatchObject({ generation: 3, atMs: 30000 });
    expect(printedAssignment(back.state)).toEqual({
      "s1-1": ["orders-0"],
      s2: ["orders-1"],
      d3: ["orders-2"],
    });
  });

  it("keeps a static member's partitions with it under cooperative-sticky too", () => {
    const config: CoordinatorConfig = { ...range, assignor: "cooperative-sticky" };
    const { state, events } = run(config, [
      joinStatic(0, "s1", "app-1"),
      joinStatic(1000, "s2", "app-2"),
      crash(10000, "s1"),
      advanceTo(40000),
      restart(40000, "s1"),
    ]);
    const before = ofKind(events, "generationCompleted").at(-1)!;
    const s1Before = before.members.find((m) => m.memberId === "s1")!;
    expect(state.generation).toBe(before.generation);
    expect(printedAssignment(state)["s1-1"]).toEqual(names(s1Before.partitions));
  });
});
