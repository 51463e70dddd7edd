import { describe, expect, it } from "vitest";
import type { CoordinatorConfig } from "./coordinatorConfig";
import type { CoordinatorEventKind } from "./coordinatorEvent";
import { advanceTo, crash, joinDynamic, joinStatic, leave, restart, run } from "./coordinatorFixtures";
import { describeCoordinatorEvent } from "./describeCoordinatorEvent";

const range: CoordinatorConfig = { groupId: "g", assignor: "range", partitionsPerTopic: { orders: 3 } };

/** The narration of the first event of `kind`. */
function narrate(events: ReturnType<typeof run>["events"], kind: CoordinatorEventKind, nth = 0): string {
  return describeCoordinatorEvent(events.filter((e) => e.kind === kind)[nth]!);
}

describe("describeCoordinatorEvent", () => {
  it("names session.timeout.ms when a crashed member expires", () => {
    const { events } = run(range, [
      joinDynamic(0, "instance-1"),
      joinDynamic(1000, "instance-2"),
      crash(8500, "instance-2"),
      advanceTo(60000),
    ]);
    expect(narrate(events, "heartbeatsStopped")).toBe(
      "instance-2 stopped heartbeating; its last heartbeat was at 7000 ms, so its session expires at 52000 ms " +
        "(+ session.timeout.ms 45000)",
    );
    expect(narrate(events, "sessionExpired")).toBe(
      "instance-2 missed heartbeats for 45000 ms (session.timeout.ms): the coordinator removed it and started a " +
        "rebalance (generation 3), freeing orders-2",
    );
  });

  it("names KIP-345 when a static member shuts down and comes back", () => {
    const { events } = run(range, [
      joinStatic(0, "instance-1", "app-1"),
      joinDynamic(1000, "instance-2"),
      leave(8000, "instance-1"),
      restart(20000, "instance-1"),
    ]);
    expect(narrate(events, "memberLeft")).toBe(
      "static member instance-1 (group.instance.id app-1) shut down without sending LeaveGroup (KIP-345): it stays " +
        "in the group until it restarts or its session expires; orders-0, orders-1 stay assigned to it, unconsumed",
    );
    expect(narrate(events, "staticMemberRejoined")).toBe(
      "static member instance-1 rejoined within session.timeout.ms: no rebalance, it keeps orders-0, orders-1 " +
        "(KIP-345); generation 2 unchanged, new member id instance-1-1",
    );
  });

  it("tells eager from cooperative revocation", () => {
    const eager = run(range, [joinDynamic(0, "a"), joinDynamic(1000, "b")]);
    expect(narrate(eager.events, "partitionsRevoked")).toBe(
      "a revoked orders-0, orders-1, orders-2 before rejoining (eager protocol: every member gives up all its " +
        "partitions when a rebalance starts)",
    );
    const cooperative = run({ ...range, assignor: "cooperative-sticky", partitionsPerTopic: { orders: 4 } }, [
      joinDynamic(0, "a"),
      joinDynamic(1000, "b"),
    ]);
    expect(narrate(cooperative.events, "partitionsRevoked")).toBe(
      "a revoked orders-2, orders-3, which move to b (cooperative protocol, KIP-429: only partitions that move are " +
        "revoked, and a follow-up rebalance hands them over)",
    );
    expect(narrate(cooperative.events, "generationCompleted", 1)).toBe(
      "generation 2 completed (cooperative-sticky, cooperative; b joined): a: orders-0, orders-1; b: no partitions; " +
        "orders-2, orders-3 wait until their owner has revoked them (cooperative: a follow-up rebalance hands them out)",
    );
  });

  it("says what a rebalance waits for", () => {
    const { events } = run(range, [
      joinDynamic(0, "a"),
      joinDynamic(1000, "b"),
      crash(8500, "b"),
      restart(10000, "b"),
    ]);
    expect(narrate(events, "memberRestarted")).toBe(
      "b restarted as member b-1: a dynamic member comes back under a new member id, as a new member: the " +
        "coordinator started a rebalance (generation 3); the old member b stays in the group until its session " +
        "expires, and the rebalance waits for it",
    );
    expect(narrate(events, "rebalanceStarted", 2)).toBe(
      "rebalance started for generation 3 (b-1 joined after a restart, eager protocol), (re)joining: a, b, b-1; it " +
        "waits for b (session expires at 52000 ms), which cannot rejoin: every member must rejoin or be removed " +
        "before a generation completes",
    );
  });

  it("narrates every event of a busy run in one line", () => {
    const { events } = run({ ...range, assignor: "cooperative-sticky" }, [
      joinStatic(0, "s", "app-s"),
      joinDynamic(10, "d"),
      crash(20, "s"),
      joinDynamic(30, "e"),
      leave(40, "d"),
      crash(50, "nobody"),
      restart(60, "s"),
      crash(70, "e"),
      advanceTo(200000),
    ]);
    for (const e of events) {
      const line = describeCoordinatorEvent(e);
      expect(line).not.toMatch(/undefined|null|\[object|\n/);
      expect(line.length).toBeGreaterThan(20);
    }
  });
});
