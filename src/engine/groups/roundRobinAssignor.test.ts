import { describe, expect, it } from "vitest";
import { member, printed } from "./groupFixtures";
import { roundRobinAssignor } from "./roundRobinAssignor";

const assign = (partitionsPerTopic: Record<string, number>, members: Parameters<typeof member>[]) =>
  printed(roundRobinAssignor.assign({ partitionsPerTopic, members: members.map((args) => member(...args)) }));

describe("roundRobinAssignor", () => {
  it("deals all partitions through one circular iterator, as in the RoundRobinAssignor javadoc", () => {
    expect(
      assign({ t0: 3, t1: 3 }, [
        ["C0", ["t0", "t1"]],
        ["C1", ["t0", "t1"]],
      ]),
    ).toEqual({ C0: ["t0-0", "t0-2", "t1-1"], C1: ["t0-1", "t1-0", "t1-2"] });
  });

  it("skips members not subscribed to a topic, which can unbalance the result (javadoc)", () => {
    expect(
      assign({ t0: 1, t1: 2, t2: 3 }, [
        ["C0", ["t0"]],
        ["C1", ["t0", "t1"]],
        ["C2", ["t0", "t1", "t2"]],
      ]),
    ).toEqual({ C0: ["t0-0"], C1: ["t1-0"], C2: ["t1-1", "t2-0", "t2-1", "t2-2"] });
  });

  it("reshuffles dynamic members after a rolling bounce but not static ones (javadoc)", () => {
    const topics = ["t0", "t1"];
    expect(
      assign({ t0: 3, t1: 3 }, [
        ["C0", topics],
        ["C1", topics],
        ["C2", topics],
      ]),
    ).toEqual({ C0: ["t0-0", "t1-0"], C1: ["t0-1", "t1-1"], C2: ["t0-2", "t1-2"] });
    // C0 -> C5, C1 -> C3, C2 -> C4: every member gets another member's partitions.
    expect(
      assign({ t0: 3, t1: 3 }, [
        ["C5", topics],
        ["C3", topics],
        ["C4", topics],
      ]),
    ).toEqual({ C3: ["t0-0", "t1-0"], C4: ["t0-1", "t1-1"], C5: ["t0-2", "t1-2"] });
    // With instance ids I0, I1, I2 the assignment follows the instance, whatever the member id.
    expect(
      assign({ t0: 3, t1: 3 }, [
        ["C5", topics, { instance: "I0" }],
        ["C3", topics, { instance: "I1" }],
        ["C4", topics, { instance: "I2" }],
      ]),
    ).toEqual({ C5: ["t0-0", "t1-0"], C3: ["t0-1", "t1-1"], C4: ["t0-2", "t1-2"] });
  });

  it("lists a member with no subscribed topics with no partitions (testOneConsumerNoTopic)", () => {
    expect(assign({}, [["consumer", []]])).toEqual({ consumer: [] });
  });

  it("assigns nothing for a topic that does not exist (testOneConsumerNonexistentTopic)", () => {
    expect(assign({}, [["consumer", ["topic"]]])).toEqual({ consumer: [] });
  });

  it("assigns only partitions from subscribed topics (testOnlyAssignsPartitionsFromSubscribedTopics)", () => {
    expect(assign({ topic: 3, other: 3 }, [["consumer", ["topic"]]])).toEqual({
      consumer: ["topic-0", "topic-1", "topic-2"],
    });
  });

  it("gives each of two members one partition of a two-partition topic (testTwoConsumersOneTopicTwoPartitions)", () => {
    expect(
      assign({ topic: 2 }, [
        ["consumer1", ["topic"]],
        ["consumer2", ["topic"]],
      ]),
    ).toEqual({ consumer1: ["topic-0"], consumer2: ["topic-1"] });
  });

  it("does not reset the iterator between topics (testMultipleConsumersMixedTopics)", () => {
    expect(
      assign({ topic1: 3, topic2: 2 }, [
        ["consumer1", ["topic1"]],
        ["consumer2", ["topic1", "topic2"]],
        ["consumer3", ["topic1"]],
      ]),
    ).toEqual({
      consumer1: ["topic1-0"],
      consumer2: ["topic1-1", "topic2-0", "topic2-1"],
      consumer3: ["topic1-2"],
    });
  });

  it("sorts static members by instance id (testTwoStaticConsumersTwoTopicsSixPartitions)", () => {
    expect(
      assign({ topic1: 3, topic2: 3 }, [
        ["consumer-b", ["topic1", "topic2"], { instance: "instance1" }],
        ["consumer-a", ["topic1", "topic2"], { instance: "instance2" }],
      ]),
    ).toEqual({
      "consumer-b": ["topic1-0", "topic1-2", "topic2-1"],
      "consumer-a": ["topic1-1", "topic2-0", "topic2-2"],
    });
  });

  it("sorts a static member before a dynamic one (testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions)", () => {
    expect(
      assign({ topic1: 3, topic2: 3 }, [
        ["consumer-b", ["topic1", "topic2"], { instance: "instance1" }],
        ["consumer-a", ["topic1", "topic2"]],
      ]),
    ).toEqual({
      "consumer-b": ["topic1-0", "topic1-2", "topic2-1"],
      "consumer-a": ["topic1-1", "topic2-0", "topic2-2"],
    });
  });

  it("keeps static members' partitions when a dynamic member is replaced (testStaticMemberRoundRobinAssignmentPersistent)", () => {
    const topics = ["topic1", "topic2"];
    const statics: Parameters<typeof member>[] = [1, 2, 3].map((i) => [
      `consumer${i}`,
      topics,
      { instance: `instance${i}` },
    ]);
    const expected = {
      consumer1: ["topic1-0", "topic2-1"],
      consumer2: ["topic1-1", "topic2-2"],
      consumer3: ["topic1-2"],
    };
    expect(assign({ topic1: 3, topic2: 3 }, [...statics, ["consumer4", topics]])).toEqual({
      ...expected,
      consumer4: ["topic2-0"],
    });
    expect(assign({ topic1: 3, topic2: 3 }, [...statics, ["consumer5", topics]])).toEqual({
      ...expected,
      consumer5: ["topic2-0"],
    });
  });

  it("keeps partitions by instance id when member ids change (testStaticMemberRoundRobinAssignmentPersistentAfterMemberIdChanges)", () => {
    const byInstance = (ids: string[]) => {
      const result = assign(
        { topic1: 5, topic2: 5 },
        ids.map((id, i) => [id, ["topic1", "topic2"], { instance: `instance${i + 1}` }]),
      );
      return Object.fromEntries(ids.map((id, i) => [`instance${i + 1}`, result[id]]));
    };
    const before = byInstance(["consumer1", "consumer2", "consumer3"]);
    expect(before).toEqual({
      instance1: ["topic1-0", "topic1-3", "topic2-1", "topic2-4"],
      instance2: ["topic1-1", "topic1-4", "topic2-2"],
      instance3: ["topic1-2", "topic2-0", "topic2-3"],
    });
    expect(byInstance(["consumer1", "consumer5", "consumer4"])).toEqual(before);
  });
});
