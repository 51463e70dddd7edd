/**
 * A scenario with 6,400 partitions: 100 topics of 64 partitions each (the most the schema allows). Ten sources
 * each read nine input topics (so every source's topics are copartitioned: 10 sub-topologies × 64 partitions = 640
 * tasks on 16 instances) and write through a sink into one of ten output topics. Every input topic gets a few
 * records from its own producer. Used by the end-to-end test of the lab at scale.
 */
import type { Scenario } from "../src/scenario/schema";

export const TOPICS = 100;
export const PARTITIONS = 64;
const SOURCES = 10;

const input = (i: number) => `payments-${String(i).padStart(2, "0")}`;
const output = (s: number) => `audited-${s}`;

export function manyPartitionsScenario(): Scenario {
  const inputs = TOPICS - SOURCES;
  const perSource = inputs / SOURCES;
  const topics = [
    ...Array.from({ length: inputs }, (_, i) => ({ name: input(i), partitions: PARTITIONS })),
    ...Array.from({ length: SOURCES }, (_, s) => ({ name: output(s), partitions: PARTITIONS })),
  ];
  const producers = Array.from({ length: inputs }, (_, i) => ({
    id: `till-${String(i).padStart(2, "0")}`,
    topic: input(i),
    generate: {
      count: 8,
      everyMs: 10,
      keys: ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"],
      value: "{amount: value * 3}",
    },
  }));
  const topology: Record<string, unknown>[] = [];
  for (let s = 0; s < SOURCES; s++) {
    topology.push(
      {
        id: `in-${s}`,
        op: "source",
        topics: Array.from({ length: perSource }, (_, k) => input(s * perSource + k)),
      },
      { id: `out-${s}`, op: "sink", from: `in-${s}`, topic: output(s) },
    );
  }
  return {
    version: 1,
    title: "6,400 partitions: 100 topics of 64",
    seed: 3,
    topics,
    producers,
    app: { id: "payments-audit", instances: 16, topology },
  } as Scenario;
}
