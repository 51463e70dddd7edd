import { describe, expect, it } from "vitest";
import { assignorNames, assignors, findAssignor } from "./assignors";
import { member, printed } from "./groupFixtures";

describe("assignors registry", () => {
  it("registers each built-in assignor under its partition.assignment.strategy name", () => {
    for (const name of assignorNames) {
      expect(assignors[name].name).toBe(name);
      expect(findAssignor(name)).toBe(assignors[name]);
    }
    expect(Object.keys(assignors).sort()).toEqual([...assignorNames].sort());
  });

  it("finds nothing for an unknown name", () => {
    expect(findAssignor("org.apache.kafka.clients.consumer.RangeAssignor")).toBeUndefined();
    expect(findAssignor("toString")).toBeUndefined();
  });
});

describe("assignor input validation", () => {
  it.each(assignorNames)("%s rejects duplicate member ids and malformed counts or partitions", (name) => {
    const assign = assignors[name].assign;
    expect(() =>
      assign({ partitionsPerTopic: { t: 1 }, members: [member("a", ["t"]), member("a", ["t"])] }),
    ).toThrow(RangeError);
    expect(() => assign({ partitionsPerTopic: { t: -1 }, members: [member("a", ["t"])] })).toThrow(
      RangeError,
    );
    expect(() => assign({ partitionsPerTopic: { t: 1.5 }, members: [member("a", ["t"])] })).toThrow(
      RangeError,
    );
    const badOwned = { ...member("a", ["t"]), ownedPartitions: [{ topic: "t", partition: -1 }] };
    expect(() => assign({ partitionsPerTopic: { t: 1 }, members: [badOwned] })).toThrow(RangeError);
  });

  it.each(assignorNames)("%s ignores duplicate topics and owned partitions that no longer exist", (name) => {
    const result = assignors[name].assign({
      partitionsPerTopic: { t: 2 },
      members: [member("a", ["t", "t"], { owned: ["t-0", "t-0", "t-5", "gone-0"], generation: 1 })],
    });
    expect(printed(result)).toEqual({ a: ["t-0", "t-1"] });
  });

  it.each(assignorNames)("%s returns an empty assignment for an empty group", (name) => {
    expect(assignors[name].assign({ partitionsPerTopic: { t: 3 }, members: [] }).byMember).toEqual({});
  });
});
