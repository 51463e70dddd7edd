import { describe, expect, it } from "vitest";
import { member, printed } from "./groupFixtures";
import { rangeAssignor } from "./rangeAssignor";

const assign = (partitionsPerTopic: Record<string, number>, members: Parameters<typeof member>[]) =>
  printed(rangeAssignor.assign({ partitionsPerTopic, members: members.map((args) => member(...args)) }));

describe("rangeAssignor", () => {
  it("gives the first members the extra partition of every topic, as in the RangeAssignor javadoc", () => {
    expect(
      assign({ t0: 3, t1: 3 }, [
        ["C0", ["t0", "t1"]],
        ["C1", ["t0", "t1"]],
      ]),
    ).toEqual({ C0: ["t0-0", "t0-1", "t1-0", "t1-1"], C1: ["t0-2", "t1-2"] });
  });

  it("swaps ranges when dynamic members come back with new member ids, but not static ones (javadoc)", () => {
    // After a rolling bounce C0 -> C3 and C1 -> C2: C2 now sorts first and takes C0's old range.
    expect(
      assign({ t0: 3, t1: 3 }, [
        ["C3", ["t0", "t1"]],
        ["C2", ["t0", "t1"]],
      ]),
    ).toEqual({ C3: ["t0-2", "t1-2"], C2: ["t0-0", "t0-1", "t1-0", "t1-1"] });
    // With instance ids I0 (was C0, now C3) and I1 (was C1, now C2) the ranges stay put.
    expect(
      assign({ t0: 3, t1: 3 }, [
        ["C3", ["t0", "t1"], { instance: "I0" }],
        ["C2", ["t0", "t1"], { instance: "I1" }],
      ]),
    ).toEqual({ C3: ["t0-0", "t0-1", "t1-0", "t1-1"], C2: ["t0-2", "t1-2"] });
  });

  it("lists a member with no subscribed topics with no partitions (testOneConsumerNoTopic)", () => {
    expect(assign({}, [["consumer1", []]])).toEqual({ consumer1: [] });
  });

  it("assigns nothing for a topic that does not exist (testOneConsumerNonexistentTopic)", () => {
    expect(assign({}, [["consumer1", ["topic1"]]])).toEqual({ consumer1: [] });
  });

  it("assigns only partitions from subscribed topics (testOnlyAssignsPartitionsFromSubscribedTopics)", () => {
    expect(assign({ topic1: 3, other: 3 }, [["consumer1", ["topic1"]]])).toEqual({
      consumer1: ["topic1-0", "topic1-1", "topic1-2"],
    });
  });

  it("gives a lone member every partition of every topic (testOneConsumerMultipleTopics)", () => {
    expect(assign({ topic1: 1, topic2: 2 }, [["consumer1", ["topic1", "topic2"]]])).toEqual({
      consumer1: ["topic1-0", "topic2-0", "topic2-1"],
    });
  });

  it("leaves the second member idle when there is one partition (testTwoConsumersOneTopicOnePartition)", () => {
    expect(
      assign({ topic1: 1 }, [
        ["consumer1", ["topic1"]],
        ["consumer2", ["topic1"]],
      ]),
    ).toEqual({ consumer1: ["topic1-0"], consumer2: [] });
  });

  it("ranges each topic over its own subscribers only (testMultipleConsumersMixedTopics)", () => {
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

  it("sorts static members by instance id, not member id (testTwoStaticConsumersTwoTopicsSixPartitions)", () => {
    expect(
      assign({ topic1: 3, topic2: 3 }, [
        ["consumer-b", ["topic1", "topic2"], { instance: "instance1" }],
        ["consumer-a", ["topic1", "topic2"], { instance: "instance2" }],
      ]),
    ).toEqual({
      "consumer-b": ["topic1-0", "topic1-1", "topic2-0", "topic2-1"],
      "consumer-a": ["topic1-2", "topic2-2"],
    });
  });

  it("sorts a static member before a dynamic one (testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions)", () => {
    expect(
      assign({ topic1: 3, topic2: 3 }, [
        ["consumer-b", ["topic1", "topic2"], { instance: "instance1" }],
        ["consumer-a", ["topic1", "topic2"]],
      ]),
    ).toEqual({
      "consumer-b": ["topic1-0", "topic1-1", "topic2-0", "topic2-1"],
      "consumer-a": ["topic1-2", "topic2-2"],
    });
  });

  it("keeps static members' ranges when a dynamic member is replaced (testStaticMemberRangeAssignmentPersistent)", () => {
    const statics: Parameters<typeof member>[] = [1, 2, 3].map((i) => [
      `consumer${i}`,
      ["topic1", "topic2"],
      { instance: `instance${i}` },
    ]);
    const expected = {
      consumer1: ["topic1-0", "topic1-1", "topic2-0"],
      consumer2: ["topic1-2", "topic2-1"],
      consumer3: ["topic1-3", "topic2-2"],
    };
    expect(assign({ topic1: 5, topic2: 4 }, [...statics, ["consumer4", ["topic1", "topic2"]]])).toEqual({
      ...expected,
      consumer4: ["topic1-4", "topic2-3"],
    });
    expect(assign({ topic1: 5, topic2: 4 }, [...statics, ["consumer5", ["topic1", "topic2"]]])).toEqual({
      ...expected,
      consumer5: ["topic1-4", "topic2-3"],
    });
  });

  it("keeps ranges by instance id when member ids change (testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges)", () => {
    const byInstance = (ids: string[]) => {
      const result = assign(
        { topic1: 5, topic2: 5 },
        ids.map((id, i) => [id, ["topic1", "topic2"], { instance: `instance${i + 1}` }]),
      );
      return Object.fromEntries(ids.map((id, i) => [`instance${i + 1}`, result[id]]));
    };
    const before = byInstance(["consumer1", "consumer2", "consumer3"]);
    expect(before).toEqual({
      instance1: ["topic1-0", "topic1-1", "topic2-0", "topic2-1"],
      instance2: ["topic1-2", "topic1-3", "topic2-2", "topic2-3"],
      instance3: ["topic1-4", "topic2-4"],
    });
    expect(byInstance(["consumer1", "consumer5", "consumer4"])).toEqual(before);
  });
});
