import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { partitionForJsonKey, partitionForKey } from "./keyedPartitioner";

// kafkajs's DefaultPartitioner (its former JavaCompatiblePartitioner) is `toPositive(murmur2(key)) % numPartitions`
// with a Java-compatible murmur2 (`default/murmur2.js`, 64-bit Long arithmetic). Its LegacyPartitioner uses a
// murmur2 in plain JS number arithmetic that loses bits, so it is not an oracle for Java.
type KafkajsPartition = (args: {
  topic: string;
  partitionMetadata: { partitionId: number; leader: number }[];
  message: { key: string | null; partition?: number };
}) => number;
const require = createRequire(import.meta.url);
const createKafkajsPartitioner =
  require("kafkajs/src/producer/partitioners/default/index.js") as () => KafkajsPartition;
const kafkajs = createKafkajsPartitioner();

function kafkajsPartition(key: string, numPartitions: number): number {
  const partitionMetadata = Array.from({ length: numPartitions }, (_, i) => ({ partitionId: i, leader: 0 }));
  return kafkajs({ topic: "t", partitionMetadata, message: { key } });
}

// kafkajs encodes with Buffer.from, which writes U+FFFD for a lone surrogate where Java writes '?': only
// well-formed strings can be compared.
const keys = fc.oneof(
  fc.string({ unit: "binary-ascii", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc
    .array(fc.constantFrom("user-", "é", "ß", "中文", "😀", "👩‍💻", "🇫🇷", "\u{10ffff}", "0", "z"), {
      maxLength: 12,
    })
    .map((parts) => parts.join("")),
);

describe("partitionForKey", () => {
  it("agrees with kafkajs's Java-compatible DefaultPartitioner on random keys and 1..64 partitions", () => {
    fc.assert(
      fc.property(keys, fc.integer({ min: 1, max: 64 }), (key, numPartitions) => {
        expect(partitionForKey(key, numPartitions)).toBe(kafkajsPartition(key, numPartitions));
      }),
      { numRuns: 6000 },
    );
  });

  it("puts Kafka's test vectors where toPositive(hash) % N says", () => {
    // murmur2("foobar") = -790332482, toPositive = 1357151166.
    expect(partitionForKey("foobar", 50)).toBe(1357151166 % 50);
    expect(partitionForKey("foobar", 1)).toBe(0);
  });

  it("hashes the empty key instead of treating it as no key", () => {
    expect(partitionForKey("", 12)).toBe(kafkajsPartition("", 12));
  });
});

describe("partitionForJsonKey", () => {
  it("partitions a string key as the string itself", () => {
    expect(partitionForJsonKey("alice", 7)).toBe(partitionForKey("alice", 7));
  });

  it("partitions other keys by their JSON text", () => {
    expect(partitionForJsonKey(42, 7)).toBe(partitionForKey("42", 7));
    expect(partitionForJsonKey({ id: 1 }, 7)).toBe(partitionForKey('{"id":1}', 7));
    expect(partitionForJsonKey([true, null], 7)).toBe(partitionForKey("[true,null]", 7));
  });

  it("refuses the null key, which has no hash", () => {
    expect(() => partitionForJsonKey(null as never, 3)).toThrow(TypeError);
  });
});
