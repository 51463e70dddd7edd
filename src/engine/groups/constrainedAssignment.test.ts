import { describe, expect, it } from "vitest";
import type { GroupMember } from "./assignor";
import { afterRebalance, member, printed } from "./groupFixtures";
import { stickyAssignor } from "./stickyAssignor";

// Every member subscribes to the same topics here, so the sticky assignor takes the constrained path.
const assign = (partitionsPerTopic: Record<string, number>, members: GroupMember[]) =>
  printed(stickyAssignor.assign({ partitionsPerTopic, members }));
const owning = (id: string, topics: string[], owned: string[]) =>
  member(id, topics, { owned, generation: 1 });

describe("constrainedAssignment (sticky, equal subscriptions), ported from AbstractStickyAssignorTest", () => {
  const both = ["topic1", "topic2"];

  it("tops up a member that owns minQuota to maxQuota (testConsumerOwningMinQuotaExpectedMaxQuota)", () => {
    expect(
      assign({ topic1: 2, topic2: 3 }, [
        owning("consumer1", both, ["topic1-0", "topic2-1"]),
        owning("consumer2", both, ["topic1-1", "topic2-2"]),
      ]),
    ).toEqual({ consumer1: ["topic1-0", "topic2-0", "topic2-1"], consumer2: ["topic1-1", "topic2-2"] });
  });

  it("lets only as many members keep maxQuota as there are larger slots (testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers)", () => {
    // 4 partitions over 3 members: one member may keep 2. Both consumer1 and consumer2 own 2; Java's HashMap visits
    // consumer3, consumer2, consumer1 (buckets 10, 11, 12), so consumer2 keeps both and consumer1 revokes topic2-0.
    expect(
      assign({ topic1: 2, topic2: 2 }, [
        owning("consumer1", both, ["topic1-0", "topic2-0"]),
        owning("consumer2", both, ["topic1-1", "topic2-1"]),
        owning("consumer3", both, []),
      ]),
    ).toEqual({ consumer1: ["topic1-0"], consumer2: ["topic1-1", "topic2-1"], consumer3: ["topic2-0"] });
  });

  it("deals to members below minQuota before topping anyone up (testAllConsumersAreUnderMinQuota)", () => {
    expect(
      assign({ topic1: 2, topic2: 3 }, [
        owning("consumer1", both, ["topic1-0"]),
        owning("consumer2", both, ["topic1-1"]),
        owning("consumer3", both, []),
      ]),
    ).toEqual({
      consumer1: ["topic1-0", "topic2-1"],
      consumer2: ["topic1-1", "topic2-2"],
      consumer3: ["topic2-0"],
    });
  });

  it("keeps previous owners as members come and go (testAddRemoveConsumerOneTopic)", () => {
    const topic = { topic: 3 };
    const first = stickyAssignor.assign({
      partitionsPerTopic: topic,
      members: [member("consumer1", ["topic"])],
    });
    expect(printed(first)).toEqual({ consumer1: ["topic-0", "topic-1", "topic-2"] });
    const two = [
      ...afterRebalance([member("consumer1", ["topic"])], first, 1),
      owning("consumer2", ["topic"], []),
    ];
    const second = stickyAssignor.assign({ partitionsPerTopic: topic, members: two });
    expect(printed(second)).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: ["topic-2"] });
    expect(assign(topic, afterRebalance(two, second, 1).slice(1))).toEqual({
      consumer2: ["topic-0", "topic-1", "topic-2"],
    });
  });

  it("revokes partitions over quota, lowest partition numbers kept (testAddRemoveTwoConsumersTwoTopics)", () => {
    const partitionsPerTopic = { topic1: 3, topic2: 4 };
    const fresh = ["consumer1", "consumer2"].map((id) => member(id, both));
    const first = stickyAssignor.assign({ partitionsPerTopic, members: fresh });
    expect(printed(first)).toEqual({
      consumer1: ["topic1-0", "topic1-2", "topic2-1", "topic2-3"],
      consumer2: ["topic1-1", "topic2-0", "topic2-2"],
    });
    const four = [
      ...afterRebalance(fresh, first, 1),
      owning("consumer3", both, []),
      owning("consumer4", both, []),
    ];
    const second = stickyAssignor.assign({ partitionsPerTopic, members: four });
    expect(printed(second)).toEqual({
      consumer1: ["topic1-0", "topic2-1"],
      consumer2: ["topic1-1", "topic2-0"],
      consumer3: ["topic1-2", "topic2-3"],
      consumer4: ["topic2-2"],
    });
    expect(assign(partitionsPerTopic, afterRebalance(four, second, 1).slice(2))).toEqual({
      consumer3: ["topic1-0", "topic1-2", "topic2-1", "topic2-3"],
      consumer4: ["topic1-1", "topic2-0", "topic2-2"],
    });
  });

  it("counts members that reach minQuota as filled (testAllConsumersReachExpectedQuotaAndAreConsideredFilled)", () => {
    expect(
      assign({ topic: 4 }, [
        owning("consumer1", ["topic"], ["topic-0", "topic-1"]),
        owning("consumer2", ["topic"], ["topic-2"]),
        owning("consumer3", ["topic"], []),
      ]),
    ).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: ["topic-2"], consumer3: ["topic-3"] });
  });

  it("lays out partitions like round robin without rack information (testRackAwareAssignmentWithUniformSubscription)", () => {
    const all = ["t1", "t2", "t3"];
    const expected = {
      consumer0: ["t1-0", "t1-3", "t2-0", "t2-3", "t2-6"],
      consumer1: ["t1-1", "t1-4", "t2-1", "t2-4", "t3-0"],
      consumer2: ["t1-2", "t1-5", "t2-2", "t2-5", "t3-1"],
    };
    const partitionsPerTopic = { t1: 6, t2: 7, t3: 2 };
    expect(
      assign(
        partitionsPerTopic,
        Object.keys(expected).map((id) => member(id, all)),
      ),
    ).toEqual(expected);
    // Owning exactly that assignment (generation unknown) changes nothing.
    const owned = Object.entries(expected).map(([id, partitions]) => member(id, all, { owned: partitions }));
    expect(assign(partitionsPerTopic, owned)).toEqual(expected);
  });
});
