import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { partitionForKey } from "../../engine";
import { cli } from "../testing";

/** kafkajs' port of Kafka's Java murmur2: an independent implementation to check ours against. */
const kafkajsMurmur2 = createRequire(import.meta.url)(
  "kafkajs/src/producer/partitioners/default/murmur2.js",
) as (key: string) => number;

async function partition(...args: string[]) {
  const { code, out, err } = await cli(["partition", ...args]);
  return { code, out, err };
}

const KEYS = ["alice", "bob", "carol", "dave", "key-0", "42", "héllo", "日本"];

describe("partition", () => {
  it("shouldPrintOneLinePerKeyWithTheEnginePartitioner", async () => {
    const { code, out } = await partition("--partitions", "3", ...KEYS);
    expect(code).toBe(0);
    expect(out).toBe(KEYS.map((k) => `${k} ${partitionForKey(k, 3)}\n`).join(""));
  });

  it("shouldMatchKafkasMurmur2AsPortedByKafkajs", async () => {
    for (const n of [1, 3, 7, 10, 64, 10_000]) {
      const { out } = await partition("--partitions", String(n), ...KEYS);
      expect(out).toBe(KEYS.map((k) => `${k} ${(kafkajsMurmur2(k) & 0x7fffffff) % n}\n`).join(""));
    }
  });

  it("shouldKeepTheseLiteralPlacements", async () => {
    // Pinned so a change to the hash shows as a diff here, not only as two implementations agreeing.
    expect((await partition("--partitions", "3", "alice", "bob", "carol", "dave", "42")).out).toBe(
      "alice 0\nbob 0\ncarol 2\ndave 1\n42 1\n",
    );
    expect((await partition("--partitions", "10", "alice", "bob", "日本")).out).toBe(
      "alice 9\nbob 8\n日本 7\n",
    );
  });

  it("shouldQuoteKeysThatWouldNotReadBackFromTheLine", async () => {
    expect((await partition("--partitions", "10", "", "a b")).out).toBe('"" 1\n"a b" 5\n');
  });

  it("shouldTakeKeysThatLookLikeOptionsAfterDoubleDash", async () => {
    expect((await partition("--partitions", "3", "--", "--json")).out).toBe(
      `--json ${partitionForKey("--json", 3)}\n`,
    );
  });

  it("shouldPrintJsonWithKeyAndPartition", async () => {
    const { out } = await partition("-p", "3", "--json", "alice", "carol");
    expect(JSON.parse(out)).toEqual([
      { key: "alice", partition: 0 },
      { key: "carol", partition: 2 },
    ]);
  });

  it.each([["0"], ["10001"], ["2.5"], ["x"], ["-3"]])("shouldRefusePartitionCount %j", async (n) => {
    const { code, out, err } = await partition(`--partitions=${n}`, "alice");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(`--partitions must be an integer from 1 to 10000, got ${JSON.stringify(n)}`);
  });

  it("shouldRequireThePartitionCountAndAKey", async () => {
    expect((await partition("alice")).err).toContain("partition needs --partitions N");
    expect(await partition("--partitions", "3")).toMatchObject({
      code: 2,
      err: expect.stringContaining("at least one <key>"),
    });
  });
});
