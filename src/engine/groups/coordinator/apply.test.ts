import { describe, expect, it } from "vitest";
import { apply } from "./apply";
import type { CoordinatorConfig } from "./coordinatorConfig";
import {
  advanceTo,
  crash,
  joinDynamic,
  kinds,
  leave,
  names,
  ofKind,
  printedAssignment,
  restart,
  run,
} from "./coordinatorFixtures";
import { createCoordinator, memberIdOf, nextDeadline, ownerOf } from "./coordinatorState";

const range: CoordinatorConfig = { groupId: "g", assignor: "range", partitionsPerTopic: { orders: 3 } };

describe("apply: dynamic members", () => {
  it("forms one generation per join, splitting each topic into contiguous ranges as RangeAssignor does", () => {
    const config = { ...range, partitionsPerTopic: { t0: 3, t1: 3 } };
    const first = run(config, [joinDynamic(0, "a", ["t0", "t1"])]);
    expect(first.state.generation).toBe(1);
    expect(printedAssignment(first.state)).toEqual({ a: ["t0-0", "t0-1", "t0-2", "t1-0", "t1-1", "t1-2"] });

    const second = run(first.state, [joinDynamic(1000, "b", ["t0", "t1"])]);
    expect(second.state.generation).toBe(2);
    expect(printedAssignment(second.state)).toEqual({
      a: ["t0-0", "t0-1", "t1-0", "t1-1"],
      b: ["t0-2", "t1-2"],
    });
    expect(kinds(second.events)).toEqual([
      "memberJoined",
      "rebalanceStarted",
      "partitionsRevoked",
      "generationCompleted",
      "partitionsAssigned",
      "partitionsAssigned",
    ]);
    expect(second.events.every((e) => e.atMs === 1000)).toBe(true);
    const [started] = ofKind(second.events, "rebalanceStarted");
    expect(started).toMatchObject({ generation: 2, reason: "joined", triggeredBy: "b", members: ["a", "b"] });
    expect(started!.waitingFor).toEqual([]);
  });

  it("rebalances at once when a dynamic member sends LeaveGroup", () => {
    const { state, events } = run(range, [joinDynamic(0, "a"), joinDynamic(1000, "b"), leave(5000, "b")]);
    const fromLeave = events.filter((e) => e.atMs === 5000);
    expect(kinds(fromLeave)).toEqual([
      "memberLeft",
      "rebalanceStarted",
      "partitionsRevoked",
      "generationCompleted",
      "partitionsAssigned",
    ]);
    expect(fromLeave[0]).toMatchObject({
      leaveGroupSent: true,
      rebalance: { kind: "started", generation: 3 },
    });
    expect(ofKind(fromLeave, "rebalanceStarted")[0]).toMatchObject({ generation: 3, reason: "left" });
    expect(state.generation).toBe(3);
    expect(printedAssignment(state)).toEqual({ a: ["orders-0", "orders-1", "orders-2"] });
    expect(memberIdOf(state, "b")).toBeUndefined();
  });

  it("does not rebalance after a crash until the session expires at lastHeartbeat + session.timeout.ms", () => {
    // Generation 2 completes at 1000, when both members restart their heartbeat timers: heartbeats at 1000,
    // 4000, 7000, … so b's last heartbeat before its crash at 8500 is 7000 and its session expires at 52000.
    const crashed = run(range, [joinDynamic(0, "a"), joinDynamic(1000, "b"), crash(8500, "b")]);
    expect(kinds(crashed.events.filter((e) => e.atMs === 8500))).toEqual([
      "memberCrashed",
      "heartbeatsStopped",
    ]);
    expect(ofKind(crashed.events, "heartbeatsStopped")[0]).toMatchObject({
      lastHeartbeatMs: 7000,
      sessionTimeoutMs: 45000,
      expiresAtMs: 52000,
    });
    expect(ownerOf(crashed.state, { topic: "orders", partition: 2 })).toBe("b");
    expect(nextDeadline(crashed.state)).toBe(52000);

    const justBefore = apply(crashed.state, advanceTo(51999));
    expect(justBefore.events).toEqual([]);
    expect(nextDeadline(justBefore.state)).toBe(52000);

    const expired = apply(justBefore.state, advanceTo(52000));
    expect(kinds(expired.events)).toEqual([
      "sessionExpired",
      "rebalanceStarted",
      "partitionsRevoked",
      "generationCompleted",
      "partitionsAssigned",
    ]);
    expect(expired.events.every((e) => e.atMs === 52000)).toBe(true);
    expect(expired.events[0]).toMatchObject({
      memberId: "b",
      lastHeartbeatMs: 7000,
      sessionTimeoutMs: 45000,
    });
    expect(ofKind(expired.events, "rebalanceStarted")[0]).toMatchObject({
      generation: 3,
      reason: "session timeout",
    });
    expect(printedAssignment(expired.state)).toEqual({ a: ["orders-0", "orders-1", "orders-2"] });
    expect(nextDeadline(expired.state)).toBeUndefined();
  });

  it("expires overdue sessions first, at their own instant, when a later input arrives", () => {
    const { events } = run(range, [
      joinDynamic(0, "a"),
      joinDynamic(1000, "b"),
      crash(8500, "b"),
      joinDynamic(60000, "c"),
    ]);
    const late = events.filter((e) => e.atMs >= 52000);
    expect(late.map((e) => [e.kind, e.atMs])).toEqual([
      ["sessionExpired", 52000],
      ["rebalanceStarted", 52000],
      ["partitionsRevoked", 52000],
      ["generationCompleted", 52000],
      ["partitionsAssigned", 52000],
      ["memberJoined", 60000],
      ["rebalanceStarted", 60000],
      ["partitionsRevoked", 60000],
      ["generationCompleted", 60000],
      ["partitionsAssigned", 60000],
      ["partitionsAssigned", 60000],
    ]);
  });

  it("counts a heartbeat due at the very instant of the crash", () => {
    const { state } = run(range, [joinDynamic(0, "a"), crash(6000, "a")]);
    expect(nextDeadline(state)).toBe(6000 + 45000);
  });

  it("has no deadline while every member runs", () => {
    const { state } = run(range, [joinDynamic(0, "a"), joinDynamic(1000, "b"), advanceTo(500000)]);
    expect(nextDeadline(state)).toBeUndefined();
    expect(state.generation).toBe(2);
  });

  it("gives a restarted dynamic member a new member id, and the rebalance waits for the old one's session", () => {
    const crashed = run(range, [joinDynamic(0, "a"), joinDynamic(1000, "b"), crash(8500, "b")]);
    const restarted = apply(crashed.state, restart(10000, "b"));
    expect(kinds(restarted.events)).toEqual(["memberRestarted", "rebalanceStarted", "partitionsRevoked"]);
    expect(restarted.events[0]).toMatchObject({ memberId: "b-1", previousMemberId: "b", stillInGroup: true });
    expect(ofKind(restarted.events, "rebalanceStarted")[0]).toMatchObject({
      generation: 3,
      reason: "restart",
      members: ["a", "b", "b-1"],
      waitingFor: [{ memberId: "b", expiresAtMs: 52000 }],
    });
    // Eager: a revoked everything and consumes nothing while the group waits for b's session.
    expect(printedAssignment(restarted.state)).toEqual({ a: [], b: ["orders-2"], "b-1": [] });
    expect(nextDeadline(restarted.state)).toBe(52000);

    const completed = apply(restarted.state, advanceTo(52000));
    expect(kinds(completed.events)).toEqual([
      "sessionExpired",
      "generationCompleted",
      "partitionsAssigned",
      "partitionsAssigned",
    ]);
    expect(completed.events[0]).toMatchObject({ rebalance: { kind: "inProgress", generation: 3 } });
    expect(completed.state.generation).toBe(3);
    expect(printedAssignment(completed.state)).toEqual({ a: ["orders-0", "orders-1"], "b-1": ["orders-2"] });
    expect(memberIdOf(completed.state, "b")).toBe("b-1");
  });

  it("follows the worked examples of the doc comments", () => {
    const two = run({ ...range, partitionsPerTopic: { orders: 2 } }, [
      joinDynamic(0, "a"),
      joinDynamic(100, "b"),
    ]);
    expect(printedAssignment(two.state)).toEqual({ a: ["orders-0"], b: ["orders-1"] });
    const crashed = apply(two.state, crash(7000, "b"));
    expect(kinds(crashed.events)).toEqual(["memberCrashed", "heartbeatsStopped"]);
    expect(crashed.events[1]).toMatchObject({ lastHeartbeatMs: 6100 });
    expect(nextDeadline(crashed.state)).toBe(51100);

    const { events } = run(range, [
      joinDynamic(0, "instance-1"),
      joinDynamic(0, "instance-2"),
      crash(7000, "instance-2"),
      advanceTo(51000),
    ]);
    expect(kinds(events.filter((e) => e.atMs > 0))).toEqual([
      "memberCrashed",
      "heartbeatsStopped",
      "sessionExpired",
      "rebalanceStarted",
      "partitionsRevoked",
      "generationCompleted",
      "partitionsAssigned",
    ]);
    expect(ofKind(events, "heartbeatsStopped")[0]).toMatchObject({
      lastHeartbeatMs: 6000,
      expiresAtMs: 51000,
    });
  });

  it("ignores an input that makes no sense in the current state, and says why", () => {
    const { state, events } = run(range, [
      joinDynamic(0, "a"),
      crash(10, "x"),
      restart(20, "a"),
      joinDynamic(30, "a"),
    ]);
    expect(ofKind(events, "inputIgnored").map((e) => [e.input, e.reason])).toEqual([
      ["crash", "x never joined"],
      ["restart", "a is running"],
      ["join", "a is already known (use restart)"],
    ]);
    expect(state.generation).toBe(1);
  });

  it("refuses an input earlier than the coordinator's clock", () => {
    const { state } = run(range, [joinDynamic(1000, "a")]);
    expect(() => apply(state, advanceTo(999))).toThrow(RangeError);
  });

  it("never changes the state it is given", () => {
    const { state } = run(range, [joinDynamic(0, "a"), joinDynamic(1000, "b"), crash(2000, "b")]);
    const before = JSON.stringify(state);
    apply(state, restart(3000, "b"));
    apply(state, advanceTo(100000));
    expect(JSON.stringify(state)).toBe(before);
  });

  it("reports the partitions newly assigned and the whole assignment", () => {
    const { events } = run(range, [joinDynamic(0, "a"), joinDynamic(1000, "b")]);
    const assigned = ofKind(events, "partitionsAssigned").filter((e) => e.generation === 2);
    expect(assigned.map((e) => [e.memberId, names(e.partitions), names(e.assignment)])).toEqual([
      ["a", ["orders-0", "orders-1"], ["orders-0", "orders-1"]],
      ["b", ["orders-2"], ["orders-2"]],
    ]);
  });
});

describe("createCoordinator", () => {
  it("defaults to Kafka's settings and the assignor's preferred protocol", () => {
    const state = createCoordinator({
      groupId: "g",
      assignor: "cooperative-sticky",
      partitionsPerTopic: { t: 1 },
    });
    expect(state.config).toMatchObject({
      protocol: "cooperative",
      sessionTimeoutMs: 45000,
      heartbeatIntervalMs: 3000,
      rebalanceTimeoutMs: 300000,
    });
    expect(createCoordinator(range).config.protocol).toBe("eager");
    expect(state.generation).toBe(0);
  });

  it("rejects what Kafka rejects", () => {
    expect(() => createCoordinator({ ...range, protocol: "cooperative" })).toThrow(
      /does not support the cooperative/,
    );
    expect(() => createCoordinator({ ...range, sessionTimeoutMs: 3000 })).toThrow(/heartbeat.interval.ms/);
    expect(() => createCoordinator({ ...range, sessionTimeoutMs: 600000 })).toThrow(/max.poll.interval.ms/);
    expect(() => createCoordinator({ ...range, partitionsPerTopic: { t: -1 } })).toThrow(RangeError);
  });
});

describe("apply: instances starting together", () => {
  it("forms a single generation for every JoinGroup of one instant", () => {
    const members = ["a", "b", "c"].map((memberId) => ({
      memberId,
      groupInstanceId: null,
      topics: ["orders"],
    }));
    const { state, events } = run(range, [{ kind: "joinAll", atMs: 0, members }]);
    expect(state.generation).toBe(1);
    expect(printedAssignment(state)).toEqual({ a: ["orders-0"], b: ["orders-1"], c: ["orders-2"] });
    expect(kinds(events).filter((k) => k === "rebalanceStarted")).toHaveLength(1);
    const joined = ofKind(events, "memberJoined").map((e) => e.rebalance);
    expect(joined).toEqual([
      { kind: "started", generation: 1 },
      { kind: "inProgress", generation: 1 },
      { kind: "inProgress", generation: 1 },
    ]);
  });

  it("ignores a clashing member of the batch and still forms the generation for the others", () => {
    const first = run(range, [joinDynamic(0, "a", ["orders"])]);
    const { state, events } = run(first.state, [
      {
        kind: "joinAll",
        atMs: 100,
        members: [
          { memberId: "a", groupInstanceId: null, topics: ["orders"] },
          { memberId: "b", groupInstanceId: null, topics: ["orders"] },
        ],
      },
    ]);
    expect(ofKind(events, "inputIgnored")).toHaveLength(1);
    expect(state.generation).toBe(2);
    expect(state.members.map((m) => m.memberId)).toEqual(["a", "b"]);
  });
});
