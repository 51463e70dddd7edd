import { describe, expect, it } from "vitest";
import {
  JavaHashSet,
  javaHashMapOrder,
  javaStringHashCode,
  javaTopicPartitionHashCode,
} from "./javaHashOrder";
import { formatTopicPartition, topicPartition } from "./topicPartition";

describe("javaStringHashCode", () => {
  it("matches Java's String#hashCode, overflow included", () => {
    expect(javaStringHashCode("")).toBe(0);
    expect(javaStringHashCode("hello")).toBe(99162322);
    expect(javaStringHashCode("Aa")).toBe(javaStringHashCode("BB"));
    expect(javaStringHashCode("polygenelubricants")).toBe(-2147483648);
  });

  it("hashes a TopicPartition as Kafka does: 31 * (31 + partition) + topic.hashCode()", () => {
    expect(javaTopicPartitionHashCode(topicPartition("t", 2))).toBe(31 * 33 + 116);
  });
});

describe("javaHashMapOrder", () => {
  const order = (keys: string[]) => javaHashMapOrder(keys, javaStringHashCode);

  it("iterates by bucket, not by insertion or name", () => {
    expect(order(["c", "b", "a"])).toEqual(["a", "b", "c"]);
    // Buckets 12, 11 and 10 of a 16-slot table.
    expect(order(["consumer1", "consumer2", "consumer3"])).toEqual(["consumer3", "consumer2", "consumer1"]);
  });

  it("keeps insertion order within a bucket", () => {
    expect(order(["BB", "Aa"])).toEqual(["BB", "Aa"]);
    expect(order(["Aa", "BB"])).toEqual(["Aa", "BB"]);
  });

  it("grows the table past 12 keys, which changes the buckets", () => {
    // "10" is in bucket 15 of 16 and bucket 31 of 32; "1".."9" stay in buckets 1..9.
    const keys = ["10", "9", "8", "7", "6", "5", "4", "3", "2", "1"];
    expect(order(keys)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    const thirteen = [...keys, "11", "12", "13"];
    expect(order(thirteen).indexOf("10")).toBe(12);
  });
});

describe("JavaHashSet", () => {
  it("yields the first key of the first non-empty bucket, and forgets removed keys", () => {
    const set = new JavaHashSet(javaTopicPartitionHashCode);
    const add = (topic: string, partition: number) => {
      const tp = topicPartition(topic, partition);
      set.add(formatTopicPartition(tp), tp);
    };
    add("t", 3);
    add("t", 1);
    const first = set.first()!;
    expect(set.size).toBe(2);
    set.delete(formatTopicPartition(first));
    expect(set.first()).not.toEqual(first);
    expect(set.size).toBe(1);
  });
});
