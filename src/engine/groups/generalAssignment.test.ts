import { describe, expect, it } from "vitest";
import type { GroupMember } from "./assignor";
import { afterRebalance, member, printed, validityAndBalanceProblems } from "./groupFixtures";
import { stickyAssignor } from "./stickyAssignor";

// Members subscribe to different topics here, so the sticky assignor takes the general path.
const assign = (partitionsPerTopic: Record<string, number>, members: GroupMember[]) =>
  stickyAssignor.assign({ partitionsPerTopic, members });

describe("generalAssignment (sticky, unequal subscriptions), ported from AbstractStickyAssignorTest", () => {
  it("fills topics with the fewest potential consumers first (testMultipleConsumersMixedTopicSubscriptions)", () => {
    const members = [
      member("consumer1", ["topic1"]),
      member("consumer2", ["topic1", "topic2"]),
      member("consumer3", ["topic1"]),
    ];
    expect(printed(assign({ topic1: 3, topic2: 2 }, members))).toEqual({
      consumer1: ["topic1-0", "topic1-2"],
      consumer2: ["topic2-0", "topic2-1"],
      consumer3: ["topic1-1"],
    });
  });

  describe("testRackAwareAssignmentWithNonEqualSubscription, without racks", () => {
    const partitionsPerTopic = { t1: 6, t2: 7, t3: 2 };
    const topics = [
      ["t1", "t2", "t3"],
      ["t1", "t2", "t3"],
      ["t1", "t3"],
    ];
    const expected = {
      consumer0: ["t1-5", "t2-0", "t2-2", "t2-4", "t2-6"],
      consumer1: ["t1-3", "t2-1", "t2-3", "t2-5", "t3-0"],
      consumer2: ["t1-0", "t1-1", "t1-2", "t1-4", "t3-1"],
    };
    const withOwned = (owned: string[][]) =>
      topics.map((t, i) => member(`consumer${i}`, t, { owned: owned[i] ?? [] }));

    it("balances a fresh group by moving partitions off the members that have too many", () => {
      expect(printed(assign(partitionsPerTopic, withOwned([])))).toEqual(expected);
    });

    it("keeps that assignment when the members already own it", () => {
      expect(printed(assign(partitionsPerTopic, withOwned(Object.values(expected))))).toEqual(expected);
    });
  });

  it.each([true, false])(
    "keeps partitions across generations when members leave and come back, equal subscriptions %s (testAssignmentWithMultipleGenerations1)",
    (allEqual) => {
      const all = ["topic", "topic2"];
      const partitionsPerTopic = { topic: 6, topic2: 6 };
      const topics2 = allEqual ? all : ["topic"];
      const r1 = assign(partitionsPerTopic, [
        member("consumer1", all),
        member("consumer2", topics2),
        member("consumer3", all),
      ]);
      expect(Object.values(r1.byMember).map((p) => p.length)).toEqual([4, 4, 4]);

      const r2Members = [
        member("consumer1", all, { owned: printed(r1).consumer1, generation: 1 }),
        member("consumer2", topics2, { owned: printed(r1).consumer2, generation: 1 }),
      ];
      const r2 = assign(partitionsPerTopic, r2Members);
      expect(r2.byMember.consumer1).toHaveLength(6);
      expect(r2.byMember.consumer2).toHaveLength(6);
      if (allEqual) expect(r2.byMember.consumer1).toEqual(expect.arrayContaining(r1.byMember.consumer1!));
      expect(r2.byMember.consumer2).toEqual(expect.arrayContaining(r1.byMember.consumer2!));
      expect(validityAndBalanceProblems({ partitionsPerTopic, members: r2Members }, r2)).toEqual([]);

      // consumer1 leaves; consumer3 comes back claiming its generation-1 partitions, consumer2 is at generation 2.
      const r3Members = [
        member("consumer2", topics2, { owned: printed(r2).consumer2, generation: 2 }),
        member("consumer3", all, { owned: printed(r1).consumer3, generation: 1 }),
      ];
      const r3 = assign(partitionsPerTopic, r3Members);
      expect(r3.byMember.consumer2).toHaveLength(6);
      expect(r3.byMember.consumer3).toHaveLength(6);
      expect(validityAndBalanceProblems({ partitionsPerTopic, members: r3Members }, r3)).toEqual([]);
    },
  );

  it("stays valid when a member's subscription grows (testNewSubscription)", () => {
    const partitionsPerTopic = { t1: 1, t2: 1, t3: 1, t4: 1 };
    const members = [member("c0", []), member("c1", ["t1"]), member("c2", ["t2", "t3", "t4"])];
    const first = assign(partitionsPerTopic, members);
    expect(validityAndBalanceProblems({ partitionsPerTopic, members }, first)).toEqual([]);
    const grown = afterRebalance(members, first, 1).map((m) =>
      m.memberId === "c0" ? { ...m, topics: ["t1"] } : m,
    );
    expect(
      validityAndBalanceProblems({ partitionsPerTopic, members: grown }, assign(partitionsPerTopic, grown)),
    ).toEqual([]);
  });

  it("stays valid when owned partitions must move to balance (testMoveExistingAssignments)", () => {
    const partitionsPerTopic = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`topic${i}`, 1]));
    const members = [
      member("consumer1", ["topic1", "topic2"], { owned: ["topic1-0"], generation: 1 }),
      member("consumer2", ["topic1", "topic2", "topic3", "topic4"], {
        owned: ["topic2-0", "topic3-0"],
        generation: 1,
      }),
      member("consumer3", ["topic2", "topic3", "topic4", "topic5", "topic6"], {
        owned: ["topic4-0", "topic5-0", "topic6-0"],
        generation: 1,
      }),
    ];
    expect(
      validityAndBalanceProblems({ partitionsPerTopic, members }, assign(partitionsPerTopic, members)),
    ).toEqual([]);
  });
});
