/**
 * The scenarios `bench/ui.bench.ts` opens in the lab, as scenario JSON (they reach the page as share links, like
 * any user's scenario).
 *
 * - `busyScenario`: a ~30-node topology (5 producers, 1 input topic, source → branch into 4 paths of mapValues →
 *   filter → selectKey → sink, 4 output topics) whose producers send 5,000 records before the application's first
 *   poll, so 5,000 records are sent and not yet processed when playback starts.
 * - `longScenario`: 100,000 records through source → mapValues → filter → sink (simulated on the worker).
 * - `millionScenario`: the same topology with 1,000,000 records (8.6 million steps): the finished run whose
 *   hand-over, memory and key presses `--million` measures.
 * - `heavyScenario`: with 2,000,000 records (the most a scenario may send): the run during which clicks are timed.
 */
import type { Scenario } from "../src/scenario";

const PATHS = ["a", "b", "c", "d"] as const;

export const BUSY_RECORDS = 5_000;

export function busyScenario(): Scenario {
  const producers = Array.from({ length: 5 }, (_, i) => ({
    id: `producer-${i + 1}`,
    topic: "events",
    generate: {
      count: BUSY_RECORDS / 5,
      keys: Array.from({ length: 40 }, (_, k) => `user-${k}`),
      everyMs: 1,
      startMs: 1,
      value: "{n: value, amount: value % 97}",
    },
  }));
  const topology: Record<string, unknown>[] = [
    { id: "events-in", op: "source", topics: ["events"] },
    {
      id: "route",
      op: "branch",
      from: "events-in",
      branches: PATHS.slice(0, 3).map((p, i) => ({ name: p, predicate: `value.amount % 4 == ${i}` })),
      default: "d",
    },
  ];
  for (const p of PATHS) {
    topology.push(
      {
        id: `${p}-tax`,
        op: "mapValues",
        from: `route.${p}`,
        value: "{n: value.n, amount: value.amount * 2}",
      },
      { id: `${p}-large`, op: "filter", from: `${p}-tax`, predicate: "value.amount > 10" },
      { id: `${p}-rekey`, op: "selectKey", from: `${p}-large`, key: "'bucket-' + (value.n % 8)" },
      { id: `${p}-out`, op: "sink", from: `${p}-rekey`, topic: `out-${p}` },
    );
  }
  return {
    version: 1,
    title: "Bench: 5,000 records on a 30-node topology",
    seed: 7,
    topics: [{ name: "events", partitions: 8 }, ...PATHS.map((p) => ({ name: `out-${p}`, partitions: 4 }))],
    producers,
    app: {
      id: "bench-busy",
      pollIntervalMs: 60_000,
      maxPollRecords: 500,
      commitIntervalMs: 60_000,
      topology,
    },
  } as unknown as Scenario;
}

export const LONG_RECORDS = 100_000;

export const MILLION_RECORDS = 1_000_000;

export function millionScenario(records = MILLION_RECORDS): Scenario {
  const scenario = longScenario(records) as unknown as { limits: Record<string, number> };
  scenario.limits = { maxRecords: records, maxSteps: 40_000_000 };
  return scenario as unknown as Scenario;
}

export const HEAVY_RECORDS = 2_000_000;

export function heavyScenario(): Scenario {
  return millionScenario(HEAVY_RECORDS);
}

export function longScenario(records = LONG_RECORDS): Scenario {
  return {
    version: 1,
    title: `Bench: ${records.toLocaleString("en-US")} records`,
    seed: 7,
    topics: [
      { name: "events", partitions: 8 },
      { name: "out", partitions: 8 },
    ],
    producers: [
      {
        id: "generator",
        topic: "events",
        generate: {
          count: records,
          keys: Array.from({ length: 100 }, (_, k) => `user-${k}`),
          everyMs: 1,
          value: "value % 1000",
        },
      },
    ],
    app: {
      id: "bench-long",
      topology: [
        { id: "in", op: "source", topics: ["events"] },
        { id: "triple", op: "mapValues", from: "in", value: "value * 3" },
        { id: "keep", op: "filter", from: "triple", predicate: "value % 5 != 0" },
        { id: "out", op: "sink", from: "keep", topic: "out" },
      ],
    },
    limits: { maxRecords: records },
  } as unknown as Scenario;
}
