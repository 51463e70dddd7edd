import { describe, expect, it } from "vitest";
import type { GroupMember } from "./assignor";
import { cooperativeStickyAssignor } from "./cooperativeStickyAssignor";
import { afterRebalance, member, printed, printedPending } from "./groupFixtures";
import { stickyAssignor } from "./stickyAssignor";

const assign = (partitionsPerTopic: Record<string, number>, members: GroupMember[]) =>
  cooperativeStickyAssignor.assign({ partitionsPerTopic, members });
const owning = (id: string, topics: string[], owned: string[], generation = 1) =>
  member(id, topics, { owned, generation });

describe("cooperativeStickyAssignor", () => {
  it("prefers the cooperative protocol and also supports eager", () => {
    expect(cooperativeStickyAssignor.supportedProtocols).toEqual(["cooperative", "eager"]);
    expect(stickyAssignor.supportedProtocols).toEqual(["eager"]);
  });

  it("withholds a moving partition until its owner revoked it, then hands it over (testAddRemoveConsumerOneTopic)", () => {
    const members = [
      owning("consumer1", ["topic"], ["topic-0", "topic-1", "topic-2"]),
      owning("consumer2", ["topic"], []),
    ];
    const first = assign({ topic: 3 }, members);
    expect(printed(first)).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: [] });
    expect(printedPending(first)).toEqual({ consumer1: [], consumer2: ["topic-2"] });
    // consumer1 revokes topic-2 and rejoins: nobody owns it now, so the follow-up rebalance assigns it.
    const followUp = assign({ topic: 3 }, afterRebalance(members, first, 2));
    expect(printed(followUp)).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: ["topic-2"] });
    expect(printedPending(followUp)).toEqual({ consumer1: [], consumer2: [] });
  });

  it("withholds the partition taken from a member over its quota (testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers)", () => {
    const both = ["topic1", "topic2"];
    const result = assign({ topic1: 2, topic2: 2 }, [
      owning("consumer1", both, ["topic1-0", "topic2-0"]),
      owning("consumer2", both, ["topic1-1", "topic2-1"]),
      owning("consumer3", both, []),
    ]);
    expect(printed(result)).toEqual({
      consumer1: ["topic1-0"],
      consumer2: ["topic1-1", "topic2-1"],
      consumer3: [],
    });
    expect(printedPending(result)).toEqual({ consumer1: [], consumer2: [], consumer3: ["topic2-0"] });
  });

  it("withholds the partition that moves to a joining member (the Assignment.pendingRevocation example)", () => {
    const result = assign({ t: 2 }, [owning("C0", ["t"], ["t-0", "t-1"]), owning("C1", ["t"], [])]);
    expect(printed(result)).toEqual({ C0: ["t-0"], C1: [] });
    expect(printedPending(result)).toEqual({ C0: [], C1: ["t-1"] });
  });

  it("withholds every partition that moves to a newcomer (testAddRemoveTwoConsumersTwoTopics)", () => {
    const both = ["topic1", "topic2"];
    const result = assign({ topic1: 3, topic2: 4 }, [
      owning("consumer1", both, ["topic1-0", "topic1-2", "topic2-1", "topic2-3"]),
      owning("consumer2", both, ["topic1-1", "topic2-0", "topic2-2"]),
      owning("consumer3", both, []),
      owning("consumer4", both, []),
    ]);
    expect(printedPending(result)).toEqual({
      consumer1: [],
      consumer2: [],
      consumer3: ["topic1-2", "topic2-3"],
      consumer4: ["topic2-2"],
    });
    expect(printed(result)).toEqual({
      consumer1: ["topic1-0", "topic2-1"],
      consumer2: ["topic1-1", "topic2-0"],
      consumer3: [],
      consumer4: [],
    });
  });

  it.each([
    [3, { consumer1: ["topic-1"], consumer2: ["topic-2"], consumer3: [] }],
    [4, { consumer1: ["topic-1", "topic-3"], consumer2: ["topic-2"], consumer3: [] }],
  ])(
    "keeps a partition claimed twice in one generation away until both revoked it, %i partitions (testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGeneration…)",
    (partitions, expected) => {
      const result = assign({ topic: partitions }, [
        owning("consumer1", ["topic"], ["topic-0", "topic-1"]),
        owning("consumer2", ["topic"], ["topic-0", "topic-2"]),
        owning("consumer3", ["topic"], []),
      ]);
      expect(printed(result)).toEqual(expected);
      expect(printedPending(result).consumer3).toEqual(["topic-0"]);
    },
  );

  it("moves nothing when every member keeps what it owns (testAssignorWithOldVersionSubscriptions)", () => {
    const result = assign({ topic1: 3 }, [
      owning("consumer1", ["topic1"], ["topic1-0"]),
      owning("consumer2", ["topic1"], ["topic1-1"]),
      owning("consumer3", ["topic1"], []),
    ]);
    expect(printed(result)).toEqual({
      consumer1: ["topic1-0"],
      consumer2: ["topic1-1"],
      consumer3: ["topic1-2"],
    });
    expect(printedPending(result)).toEqual({ consumer1: [], consumer2: [], consumer3: [] });
  });

  it("computes the moves on the general path and converges in a second round (testRackAwareAssignmentWithNonEqualSubscription, without racks)", () => {
    const partitionsPerTopic = { t1: 6, t2: 7, t3: 2 };
    const topics = [
      ["t1", "t2", "t3"],
      ["t1", "t2", "t3"],
      ["t1", "t3"],
    ];
    const withOwned = (owned: string[][]) =>
      topics.map((t, i) => member(`consumer${i}`, t, { owned: owned[i]! }));
    const lopsided = [
      ["t1-0", "t1-1", "t1-2", "t1-3", "t1-4"],
      ["t1-5", "t2-0", "t2-1", "t2-2", "t2-3"],
      ["t2-4", "t2-5", "t2-6", "t3-0", "t3-1"],
    ];
    const intermediate = assign(partitionsPerTopic, withOwned(lopsided));
    expect(printed(intermediate)).toEqual({
      consumer0: ["t1-2", "t1-3", "t1-4"],
      consumer1: ["t2-0", "t2-1", "t2-2", "t2-3"],
      consumer2: ["t3-0", "t3-1"],
    });
    const final = assign(partitionsPerTopic, withOwned(Object.values(printed(intermediate))));
    expect(printed(final)).toEqual({
      consumer0: ["t1-2", "t1-3", "t1-4", "t2-4", "t2-5"],
      consumer1: ["t2-0", "t2-1", "t2-2", "t2-3", "t2-6"],
      consumer2: ["t1-0", "t1-1", "t1-5", "t3-0", "t3-1"],
    });
    expect(Object.values(printedPending(final)).flat()).toEqual([]);
  });
});
