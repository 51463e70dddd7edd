import { describe, expect, it } from "vitest";
import type { GroupMember } from "./assignor";
import { afterRebalance, member, printed, validityAndBalanceProblems } from "./groupFixtures";
import { roundRobinAssignor } from "./roundRobinAssignor";
import { stickyAssignor } from "./stickyAssignor";

const assign = (partitionsPerTopic: Record<string, number>, members: GroupMember[]) =>
  stickyAssignor.assign({ partitionsPerTopic, members });

describe("stickyAssignor, StickyAssignor javadoc", () => {
  const topics = { t0: 2, t1: 2, t2: 2, t3: 2 };
  const all = ["t0", "t1", "t2", "t3"];

  it("starts like round robin when all members subscribe to the same topics (example 1)", () => {
    const members = ["C0", "C1", "C2"].map((id) => member(id, all));
    const expected = { C0: ["t0-0", "t1-1", "t3-0"], C1: ["t0-1", "t2-0", "t3-1"], C2: ["t1-0", "t2-1"] };
    expect(printed(assign(topics, members))).toEqual(expected);
    expect(printed(roundRobinAssignor.assign({ partitionsPerTopic: topics, members }))).toEqual(expected);
  });

  it("keeps every previous assignment when C1 leaves, where round robin reshuffles (example 1)", () => {
    const first = assign(
      topics,
      ["C0", "C1", "C2"].map((id) => member(id, all)),
    );
    const remaining = afterRebalance(
      ["C0", "C2"].map((id) => member(id, all)),
      first,
      1,
    );
    expect(printed(roundRobinAssignor.assign({ partitionsPerTopic: topics, members: remaining }))).toEqual({
      C0: ["t0-0", "t1-0", "t2-0", "t3-0"],
      C2: ["t0-1", "t1-1", "t2-1", "t3-1"],
    });
    // The freed t0-1, t2-0, t3-1 are dealt round robin in topic order (the javadoc, older than the constrained path
    // for equal subscriptions, shows C0 + t2-0 and C2 + t0-1, t3-1).
    expect(printed(assign(topics, remaining))).toEqual({
      C0: ["t0-0", "t0-1", "t1-1", "t3-0"],
      C2: ["t1-0", "t2-0", "t2-1", "t3-1"],
    });
  });

  const example2 = () => [member("C0", ["t0"]), member("C1", ["t0", "t1"]), member("C2", ["t0", "t1", "t2"])];
  const topics2 = { t0: 1, t1: 2, t2: 3 };

  it("balances unequal subscriptions better than round robin (example 2)", () => {
    expect(printed(assign(topics2, example2()))).toEqual({
      C0: ["t0-0"],
      C1: ["t1-0", "t1-1"],
      C2: ["t2-0", "t2-1", "t2-2"],
    });
  });

  it("keeps all five remaining assignments when C0 leaves (example 2)", () => {
    const remaining = afterRebalance(example2(), assign(topics2, example2()), 1).slice(1);
    expect(printed(assign(topics2, remaining))).toEqual({
      C1: ["t0-0", "t1-0", "t1-1"],
      C2: ["t2-0", "t2-1", "t2-2"],
    });
  });
});

describe("stickyAssignor, ported from AbstractStickyAssignorTest", () => {
  it("lists a member with no topics with no partitions (testOneConsumerNoTopic)", () => {
    expect(printed(assign({}, [member("consumer", [])]))).toEqual({ consumer: [] });
  });

  it("assigns nothing for a topic without partitions (testOneConsumerNonexistentTopic)", () => {
    expect(printed(assign({ topic: 0 }, [member("consumer", ["topic"])]))).toEqual({ consumer: [] });
  });

  it("ignores owned partitions of unsubscribed topics (testOnlyAssignsPartitionsFromSubscribedTopics)", () => {
    const owner = member("consumer", ["topic"], {
      owned: ["topic-0", "topic-1", "other-0", "other-1"],
      generation: 1,
    });
    expect(printed(assign({ topic: 2 }, [owner]))).toEqual({ consumer: ["topic-0", "topic-1"] });
  });

  it("gives a lone member every partition (testOneConsumerMultipleTopics)", () => {
    expect(printed(assign({ topic1: 1, topic2: 2 }, [member("consumer", ["topic1", "topic2"])]))).toEqual({
      consumer: ["topic1-0", "topic2-0", "topic2-1"],
    });
  });

  it("splits two topics round robin between two fresh members (testTwoConsumersTwoTopicsSixPartitions)", () => {
    const members = ["consumer1", "consumer2"].map((id) => member(id, ["topic1", "topic2"]));
    expect(printed(assign({ topic1: 3, topic2: 3 }, members))).toEqual({
      consumer1: ["topic1-0", "topic1-2", "topic2-1"],
      consumer2: ["topic1-1", "topic2-0", "topic2-2"],
    });
  });

  it("moves only a removed member's partitions to the others (testStickiness)", () => {
    const topic1 = { topic1: 3 };
    const members = ["consumer1", "consumer2", "consumer3", "consumer4"].map((id) => member(id, ["topic1"]));
    const first = assign(topic1, members);
    expect(printed(first)).toEqual({
      consumer1: ["topic1-0"],
      consumer2: ["topic1-1"],
      consumer3: ["topic1-2"],
      consumer4: [],
    });
    const second = assign(topic1, afterRebalance(members, first, 1).slice(1));
    expect(printed(second)).toEqual({
      consumer2: ["topic1-1"],
      consumer3: ["topic1-2"],
      consumer4: ["topic1-0"],
    });
  });

  it("stays valid and balanced on a scenario round robin handles poorly (testPoorRoundRobinAssignmentScenario)", () => {
    const partitionsPerTopic = { topic1: 2, topic2: 1, topic3: 2, topic4: 1, topic5: 2 };
    const all = ["topic1", "topic2", "topic3", "topic4", "topic5"];
    const odd = ["topic1", "topic3", "topic5"];
    const members = [
      member("consumer1", all),
      member("consumer2", odd),
      member("consumer3", odd),
      member("consumer4", all),
    ];
    const assignment = assign(partitionsPerTopic, members);
    expect(validityAndBalanceProblems({ partitionsPerTopic, members }, assignment)).toEqual([]);
    expect(printed(assignment)).toEqual({
      consumer1: ["topic2-0", "topic3-0"],
      consumer2: ["topic1-0", "topic3-1"],
      consumer3: ["topic1-1", "topic5-0"],
      consumer4: ["topic4-0", "topic5-1"],
    });
  });

  it("stays valid and balanced when one of 19 nested subscribers leaves (testReassignmentAfterOneConsumerLeaves)", () => {
    const name = (prefix: string, i: number) => `${prefix}${String(i).padStart(2, "0")}`;
    const partitionsPerTopic = Object.fromEntries(
      Array.from({ length: 19 }, (_, i) => [name("t", i + 1), i + 1]),
    );
    const members = Array.from({ length: 19 }, (_, i) =>
      member(
        name("c", i + 1),
        Array.from({ length: i + 1 }, (_, j) => name("t", j + 1)),
      ),
    );
    const first = assign(partitionsPerTopic, members);
    expect(validityAndBalanceProblems({ partitionsPerTopic, members }, first)).toEqual([]);
    const remaining = afterRebalance(members, first, 1).filter((m) => m.memberId !== "c10");
    const second = assign(partitionsPerTopic, remaining);
    expect(validityAndBalanceProblems({ partitionsPerTopic, members: remaining }, second)).toEqual([]);
  });
});
