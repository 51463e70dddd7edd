import { describe, expect, it } from "vitest";
import type { RebalanceProtocol } from "../assignor";
import type { CoordinatorConfig } from "./coordinatorConfig";
import { joinDynamic, leave, names, ofKind, printedAssignment, run } from "./coordinatorFixtures";

const orders = ["orders"];
const config = (protocol: RebalanceProtocol): CoordinatorConfig => ({
  groupId: "g",
  assignor: "cooperative-sticky",
  protocol,
  partitionsPerTopic: { orders: 6 },
});

/** a and b share orders (6 partitions), then c joins at 5000. */
function thirdJoins(protocol: RebalanceProtocol) {
  const before = run(config(protocol), [joinDynamic(0, "a", orders), joinDynamic(1000, "b", orders)]);
  const after = run(before.state, [joinDynamic(5000, "c", orders)]);
  return { before: printedAssignment(before.state), generation: before.state.generation, after };
}

describe("eager and cooperative rebalancing of the same membership change", () => {
  it("eager: every member revokes everything it owned, and one generation follows", () => {
    const { before, after } = thirdJoins("eager");
    const revoked = ofKind(after.events, "partitionsRevoked");
    expect(Object.fromEntries(revoked.map((e) => [e.memberId, names(e.partitions)]))).toEqual({
      a: before.a,
      b: before.b,
    });
    const completed = ofKind(after.events, "generationCompleted");
    expect(completed.map((e) => e.generation)).toEqual([3]);
    expect(
      Object.fromEntries(Object.entries(completed[0]!.revoked).map(([id, ps]) => [id, names(ps)])),
    ).toEqual({
      a: before.a,
      b: before.b,
    });
    expect(Object.values(printedAssignment(after.state)).map((ps) => ps.length)).toEqual([2, 2, 2]);
  });

  it("cooperative (KIP-429): only moving partitions are revoked, and a follow-up generation hands them out", () => {
    const { before, generation, after } = thirdJoins("cooperative");
    // b's join already took two generations (b's own partitions came from a in a follow-up): 1, 2, 3.
    expect(generation).toBe(3);
    const completed = ofKind(after.events, "generationCompleted");
    expect(completed.map((e) => [e.generation, e.reason, e.atMs])).toEqual([
      [4, "joined", 5000],
      [5, "follow-up (cooperative)", 5000],
    ]);
    const [first, followUp] = completed;
    const revoked = Object.fromEntries(Object.entries(first!.revoked).map(([id, ps]) => [id, names(ps)]));
    const moving = Object.values(revoked).flat().sort();
    expect(moving).toHaveLength(2);
    // The first round withholds exactly what was revoked, for c, and gives c nothing yet.
    expect(names(first!.pendingRevocation.c ?? []).sort()).toEqual(moving);
    expect(first!.members.find((m) => m.memberId === "c")!.partitions).toEqual([]);
    // a and b keep everything they did not revoke, and never revoke it.
    for (const id of ["a", "b"]) {
      const kept = before[id]!.filter((p) => !(revoked[id] ?? []).includes(p));
      expect(names(first!.members.find((m) => m.memberId === id)!.partitions)).toEqual(kept);
      expect(before[id]!.length - kept.length).toBeLessThan(before[id]!.length);
    }
    // The follow-up revokes nothing and gives c the withheld partitions.
    expect(followUp!.revoked).toEqual({});
    expect(names(followUp!.assigned.c ?? []).sort()).toEqual(moving);
    expect(printedAssignment(after.state).c!.sort()).toEqual(moving);
    expect(ofKind(after.events, "partitionsRevoked").every((e) => e.generation === 4)).toBe(true);
  });

  it("sticky keeps its partitions under eager, through its user data, though everything was revoked", () => {
    const sticky: CoordinatorConfig = { groupId: "g", assignor: "sticky", partitionsPerTopic: { orders: 6 } };
    const three = run(sticky, [joinDynamic(0, "a"), joinDynamic(1000, "b"), joinDynamic(2000, "c")]);
    const before = printedAssignment(three.state);
    const after = printedAssignment(run(three.state, [leave(5000, "c")]).state);
    for (const id of ["a", "b"]) expect(after[id]).toEqual(expect.arrayContaining(before[id]!));
  });
});
