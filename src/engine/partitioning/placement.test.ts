import { describe, expect, it } from "vitest";
import type { Json, PartitionerSpec, RecordKey } from "../model";
import { SeededRandom } from "../random/seededRandom";
import { partitionForKey } from "./keyedPartitioner";
import {
  createPlacement,
  customPartitionIndex,
  explainKeyedPlacement,
  placedPartition,
  placedRule,
} from "./placement";
import { estimateRecordBytes, StickyPartitioner } from "./stickyPartitioner";

const DEFAULT: PartitionerSpec = { kind: "default" };

function place(spec: PartitionerSpec, partitions: number, random = new SeededRandom(1), batch?: number) {
  const placement = createPlacement(spec, partitions, random, batch);
  return (key: RecordKey, explicit?: number, value: Json = null) => {
    const packed = placement(key, value, explicit);
    return { partition: placedPartition(packed), rule: placedRule(packed) };
  };
}

const custom = (fn: (key: RecordKey) => Json): PartitionerSpec => ({
  kind: "custom",
  source: "user expression",
  partition: (r) => fn(r.key),
});

describe("the default placement", () => {
  it("lets an explicit partition win over the key and over stickiness", () => {
    const p = place(DEFAULT, 3);
    expect(p("alice", 2)).toEqual({ partition: 2, rule: "explicit" });
    expect(p(null, 0)).toEqual({ partition: 0, rule: "explicit" });
  });

  it("throws a RangeError for an explicit partition outside the topic", () => {
    const p = place(DEFAULT, 3);
    expect(() => p("a", 3)).toThrow(/explicit partition 3 .* 3 partitions \(valid: 0..2\)/);
    expect(() => p("a", -1)).toThrow(RangeError);
    expect(() => p("a", 1.5)).toThrow(RangeError);
  });

  it("hashes a non-null key with murmur2, the empty string included", () => {
    const p = place(DEFAULT, 7);
    for (const key of ["alice", "bob", "", "😀"]) {
      expect(p(key)).toEqual({ partition: partitionForKey(key, 7), rule: "murmur2" });
    }
    expect(p(42)).toEqual({ partition: partitionForKey("42", 7), rule: "murmur2" });
  });

  it("sends null keys to the sticky partitioner with the producer's batch size", () => {
    const p = place(DEFAULT, 5, new SeededRandom(8), 100);
    const reference = new StickyPartitioner(5, 100, new SeededRandom(8));
    for (let i = 0; i < 200; i++) {
      const value = "x".repeat(i % 13);
      expect(p(null, undefined, value).partition).toBe(reference.next(estimateRecordBytes(null, value)));
    }
  });

  it("does not let keyed or explicit records move the sticky partition", () => {
    const p = place(DEFAULT, 8, new SeededRandom(4), 1000);
    const first = p(null).partition;
    for (let i = 0; i < 100; i++) p(`k${i}`, undefined, "x".repeat(500));
    p(null, 3, "x".repeat(5000));
    expect(p(null).partition).toBe(first);
  });

  it("rejects a partition count that is not a positive integer", () => {
    expect(() => createPlacement(DEFAULT, 0, new SeededRandom(1))).toThrow(RangeError);
    expect(() => createPlacement(DEFAULT, 2.5, new SeededRandom(1))).toThrow(RangeError);
  });

  it("explains a keyed placement with the hash and the modulo", () => {
    expect(explainKeyedPlacement("alice", 3)).toBe(
      'toPositive(murmur2("alice")) = 1951417749, 1951417749 % 3 = 0',
    );
    expect(partitionForKey("alice", 3)).toBe(0);
  });
});

describe("a custom placement", () => {
  it("lets an explicit partition win over the user function", () => {
    const p = place(
      custom(() => 1),
      4,
    );
    expect(p("eu", 0)).toEqual({ partition: 0, rule: "explicit" });
    expect(() => p("eu", 4)).toThrow(RangeError);
  });

  it("calls the user function for keyed and keyless records alike", () => {
    const seen: RecordKey[] = [];
    const p = place(
      custom((key) => {
        seen.push(key);
        return 3;
      }),
      4,
    );
    expect(p("eu")).toEqual({ partition: 3, rule: "custom" });
    expect(p(null)).toEqual({ partition: 3, rule: "custom" });
    expect(seen).toEqual(["eu", null]);
  });

  it("maps any number to a partition with toPositive(trunc(n)) % N", () => {
    expect(customPartitionIndex(5, 4)).toBe(1);
    expect(customPartitionIndex(2.9, 4)).toBe(2);
    expect(customPartitionIndex(-1, 4)).toBe(0x7fffffff % 4);
    expect(customPartitionIndex(-2.9, 5)).toBe((-2 & 0x7fffffff) % 5);
    expect(customPartitionIndex(2 ** 32 + 6, 4)).toBe(2);
  });

  it("throws a TypeError naming the expression when it returns something other than a finite number", () => {
    expect(() =>
      place(
        custom(() => "1"),
        3,
      )("k"),
    ).toThrow(/`user expression` must return a number, got "1"/);
    expect(() =>
      place(
        custom(() => null),
        3,
      )("k"),
    ).toThrow(TypeError);
  });
});
