import { describe, expect, it } from "vitest";
import { SeededRandom } from "../random/seededRandom";
import { partitionForKey } from "./keyedPartitioner";
import {
  builtInPartitioners,
  createCustomPartitioner,
  createDefaultPartitioner,
  customPartitionIndex,
  type PartitionInput,
} from "./partitioner";
import { StickyPartitioner } from "./stickyPartitioner";

const input = (key: PartitionInput["key"], explicitPartition?: number, sizeBytes = 20): PartitionInput => ({
  key,
  explicitPartition,
  sizeBytes,
});

describe("createDefaultPartitioner", () => {
  it("lets an explicit partition win over the key and over stickiness", () => {
    const partitioner = createDefaultPartitioner(new SeededRandom(1));
    expect(partitioner.partition(input("alice", 2), 3)).toEqual({ partition: 2, rule: "explicit" });
    expect(partitioner.partition(input(null, 0), 3)).toEqual({ partition: 0, rule: "explicit" });
  });

  it("throws a RangeError for an explicit partition outside the topic", () => {
    const partitioner = createDefaultPartitioner(new SeededRandom(1));
    expect(() => partitioner.partition(input("a", 3), 3)).toThrow(RangeError);
    expect(() => partitioner.partition(input("a", 3), 3)).toThrow(
      /explicit partition 3 .* 3 partitions \(valid: 0..2\)/,
    );
    expect(() => partitioner.partition(input("a", -1), 3)).toThrow(RangeError);
    expect(() => partitioner.partition(input("a", 1.5), 3)).toThrow(RangeError);
  });

  it("hashes a non-null key with murmur2, the empty string included", () => {
    const partitioner = createDefaultPartitioner(new SeededRandom(1));
    for (const key of ["alice", "bob", "", "😀"]) {
      expect(partitioner.partition(input(key), 7)).toEqual({
        partition: partitionForKey(key, 7),
        rule: "murmur2",
      });
    }
    expect(partitioner.partition(input(42), 7)).toEqual({
      partition: partitionForKey("42", 7),
      rule: "murmur2",
    });
  });

  it("sends null keys to the sticky partitioner, drawing from the given generator", () => {
    const sizes = Array.from({ length: 200 }, (_, i) => 10 + (i % 13));
    const partitioner = createDefaultPartitioner(new SeededRandom(8), { batchSizeBytes: 100 });
    const reference = new StickyPartitioner(5, 100, new SeededRandom(8));
    for (const size of sizes) {
      expect(partitioner.partition(input(null, undefined, size), 5)).toEqual({
        partition: reference.next(size),
        rule: "sticky",
      });
    }
  });

  it("does not let keyed or explicit records move the sticky partition", () => {
    const partitioner = createDefaultPartitioner(new SeededRandom(4), { batchSizeBytes: 1000 });
    const first = partitioner.partition(input(null), 8).partition;
    for (let i = 0; i < 100; i++) partitioner.partition(input(`k${i}`, undefined, 500), 8);
    partitioner.partition(input(null, 3, 5000), 8);
    expect(partitioner.partition(input(null), 8).partition).toBe(first);
  });

  it("uses Kafka's default batch.size of 16384 bytes", () => {
    const partitioner = createDefaultPartitioner(new SeededRandom(4));
    const first = partitioner.partition(input(null, undefined, 16383), 4).partition;
    expect(partitioner.stickyState).toEqual({ partition: first, producedBytes: 16383 });
    partitioner.partition(input(null, undefined, 1), 4);
    expect(partitioner.stickyState?.partition).not.toBe(first);
  });

  it("resumes its sticky state from a snapshot", () => {
    const partitioner = createDefaultPartitioner(new SeededRandom(4), {
      batchSizeBytes: 50,
      stickyState: { partition: 2, producedBytes: 40 },
    });
    expect(partitioner.stickyState).toEqual({ partition: 2, producedBytes: 40 });
    expect(partitioner.partition(input(null, undefined, 5), 4).partition).toBe(2);
    expect(partitioner.partition(input(null, undefined, 5), 4).partition).toBe(2);
    expect(partitioner.stickyState?.partition).not.toBe(2);
  });

  it("rejects a partition count that is not a positive integer", () => {
    const partitioner = createDefaultPartitioner(new SeededRandom(1));
    expect(() => partitioner.partition(input("a"), 0)).toThrow(RangeError);
    expect(() => partitioner.partition(input("a"), 2.5)).toThrow(RangeError);
  });

  it("is registered as the built-in 'default' strategy", () => {
    expect(builtInPartitioners.default(new SeededRandom(1)).name).toBe("default");
  });
});

describe("createCustomPartitioner", () => {
  it("lets an explicit partition win over the user function", () => {
    const partitioner = createCustomPartitioner("byRegion", () => 1);
    expect(partitioner.partition(input("eu", 0), 4)).toEqual({ partition: 0, rule: "explicit" });
    expect(() => partitioner.partition(input("eu", 4), 4)).toThrow(RangeError);
  });

  it("calls the user function for keyed and keyless records alike", () => {
    const seen: unknown[] = [];
    const partitioner = createCustomPartitioner("echo", (key, n) => {
      seen.push([key, n]);
      return 3;
    });
    expect(partitioner.name).toBe("echo");
    expect(partitioner.partition(input("eu"), 4)).toEqual({ partition: 3, rule: "custom" });
    expect(partitioner.partition(input(null), 4)).toEqual({ partition: 3, rule: "custom" });
    expect(seen).toEqual([
      ["eu", 4],
      [null, 4],
    ]);
  });

  it("maps any number to a partition with toPositive(trunc(n)) % N", () => {
    expect(customPartitionIndex(5, 4)).toBe(1);
    expect(customPartitionIndex(2.9, 4)).toBe(2);
    expect(customPartitionIndex(-1, 4)).toBe(0x7fffffff % 4);
    expect(customPartitionIndex(-2.9, 5)).toBe(toPositiveOf(-2) % 5);
    expect(customPartitionIndex(Number.NaN, 4)).toBe(0);
    expect(customPartitionIndex(Number.POSITIVE_INFINITY, 4)).toBe(0);
    expect(customPartitionIndex(2 ** 32 + 6, 4)).toBe(2);
  });

  it("throws a TypeError when the user function returns something other than a number", () => {
    const partitioner = createCustomPartitioner("bad", () => "1" as unknown as number);
    expect(() => partitioner.partition(input("k"), 3)).toThrow(
      /partitioner "bad" must return a number, got the string "1"/,
    );
  });
});

function toPositiveOf(n: number): number {
  return n & 0x7fffffff;
}
