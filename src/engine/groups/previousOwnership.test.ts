import { describe, expect, it } from "vitest";
import type { GroupMember } from "./assignor";
import { member, printed } from "./groupFixtures";
import { groupSubscription } from "./groupSubscription";
import { previousOwnership } from "./previousOwnership";
import { stickyAssignor } from "./stickyAssignor";

const assign = (partitionsPerTopic: Record<string, number>, members: GroupMember[]) =>
  printed(stickyAssignor.assign({ partitionsPerTopic, members }));
const sets = (assignment: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(assignment).map(([id, partitions]) => [id, new Set(partitions)]));

describe("previous ownership in the sticky assignors, ported from AbstractStickyAssignorTest and StickyAssignorTest", () => {
  const two = ["topic", "topic2"];

  it.each([9, -1])(
    "lets the newer generation keep a partition also claimed by generation %i (testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration / …WithNoGeneration)",
    (staleGeneration) => {
      const claim = ["topic-0", "topic-2", "topic2-1"];
      const result = assign({ topic: 3, topic2: 3 }, [
        member("consumer1", two, { owned: claim, generation: 10 }),
        member("consumer2", two, { owned: claim, generation: staleGeneration }),
      ]);
      expect(sets(result)).toEqual(
        sets({ consumer1: claim, consumer2: ["topic-1", "topic2-0", "topic2-2"] }),
      );
    },
  );

  it("keeps an older generation's uncontested claims (testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration)", () => {
    const result = assign({ topic: 3, topic2: 3 }, [
      member("consumer1", two, { owned: ["topic-0", "topic2-1", "topic-1"], generation: 10 }),
      member("consumer2", two, { owned: ["topic-0", "topic2-1", "topic2-2"], generation: 8 }),
    ]);
    expect(sets(result)).toEqual(
      sets({ consumer1: ["topic-0", "topic2-1", "topic-1"], consumer2: ["topic-2", "topic2-2", "topic2-0"] }),
    );
  });

  it("gives contested partitions to the highest generation (testEnsurePartitionsAssignedToHighestGeneration)", () => {
    const three = ["topic", "topic2", "topic3"];
    const result = assign({ topic: 3, topic2: 3, topic3: 3 }, [
      member("consumer1", three, { owned: ["topic-0", "topic2-0", "topic3-0"], generation: 10 }),
      member("consumer2", three, { owned: ["topic-1", "topic2-1", "topic3-1"], generation: 9 }),
      member("consumer3", three, { owned: ["topic2-1", "topic3-0", "topic3-2"], generation: 8 }),
    ]);
    expect(sets(result)).toEqual(
      sets({
        consumer1: ["topic-0", "topic2-0", "topic3-0"],
        consumer2: ["topic-1", "topic2-1", "topic3-1"],
        consumer3: ["topic-2", "topic2-2", "topic3-2"],
      }),
    );
  });

  it("does not move current members' partitions to a newcomer beyond balance (testNoReassignmentOnCurrentMembers)", () => {
    const four = ["topic", "topic2", "topic3", "topic1"];
    const result = assign({ topic: 3, topic1: 3, topic2: 3, topic3: 3 }, [
      member("consumer1", four, { owned: [], generation: -1 }),
      member("consumer2", four, { owned: ["topic-0", "topic2-0", "topic1-0"], generation: 9 }),
      member("consumer3", four, { owned: ["topic3-2", "topic2-2", "topic1-1"], generation: 8 }),
      member("consumer4", four, { owned: ["topic3-1", "topic-1", "topic-2"], generation: 7 }),
    ]);
    expect(new Set(result.consumer1)).toEqual(new Set(["topic1-2", "topic2-1", "topic3-0"]));
  });

  it.each([
    [3, { consumer1: ["topic-1"], consumer2: ["topic-2"], consumer3: ["topic-0"] }],
    [4, { consumer1: ["topic-1", "topic-3"], consumer2: ["topic-2"], consumer3: ["topic-0"] }],
  ])(
    "treats a partition claimed twice in one generation as unowned, %i partitions (testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGeneration…)",
    (partitions, expected) => {
      const result = assign({ topic: partitions }, [
        member("consumer1", ["topic"], { owned: ["topic-0", "topic-1"], generation: 1 }),
        member("consumer2", ["topic"], { owned: ["topic-0", "topic-2"], generation: 1 }),
        member("consumer3", ["topic"], { owned: [], generation: 1 }),
      ]);
      expect(result).toEqual(expected);
    },
  );

  it("never assigns a partition twice, whatever the order of three generations (testSubscriptionNotEqualAndAssignSamePartitionWith3Generation)", () => {
    for (const [g1, g2, g3] of [
      [1, 2, 3],
      [1, 3, 2],
      [2, 1, 3],
      [2, 3, 1],
      [3, 1, 2],
      [3, 2, 1],
    ] as const) {
      const result = assign({ topic: 6, topic1: 1 }, [
        member("consumer1", ["topic"], { owned: ["topic-0", "topic-2"], generation: g1 }),
        member("consumer2", ["topic"], { owned: ["topic-1", "topic-2", "topic-3"], generation: g2 }),
        member("consumer3", ["topic"], { owned: ["topic-2", "topic-4", "topic-5"], generation: g3 }),
        member("consumer4", ["topic1"], { owned: ["topic1-0"], generation: 2 }),
      ]);
      const all = Object.values(result).flat();
      expect(new Set(all).size).toBe(all.length);
      for (const partitions of Object.values(result)) expect(partitions.length).toBeGreaterThanOrEqual(1);
      for (const partitions of Object.values(result)) expect(partitions.length).toBeLessThanOrEqual(2);
    }
  });

  it("judges subscriptions equal against the first non-empty one, as Java does", () => {
    // Java's `subscribedTopics.isEmpty()` doubles as "first member": a member with no topics met first does not
    // make the subscriptions unequal; met later, it does.
    const members = (first: string) => [member(first, []), member("b", ["t"]), member("c", ["t"])];
    const equal = (input: GroupMember[]) => {
      const group = groupSubscription({ partitionsPerTopic: { t: 2 }, members: input });
      return previousOwnership(group, group.members).allSubscriptionsEqual;
    };
    expect(equal(members("a"))).toBe(true);
    expect(equal([...members("a").slice(1), member("a", [])])).toBe(false);
  });
});
