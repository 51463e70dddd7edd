/**
 * `npm run -s bench [-- --json] [-- --records N]`: the engine's speed and memory against a plain loop and RxJS,
 * measured in one process.
 *
 * Workload: N generated records (default 1,000,000; 100 keys, one every ms) produced to an 8-partition topic and
 * run through source → map → filter → selectKey → sink into an 8-partition topic. Variants:
 * - plain: a hand-written loop doing the same work (generate, partition with murmur2, append to the input log,
 *   map, filter, re-key, partition again, append to the output log);
 * - rxjs: the same pipeline as RxJS operators;
 * - fast: the engine's fast path (`runFast`);
 * - record: the engine's recording path (`simulate`), which also builds the frame snapshots.
 * All four must produce the same output (same records in the same partitions). Then 300 seeks to random cursors
 * of the recorded run (`frameAt`). Times are the median of several runs after a warm-up.
 */
import { filter, map, range, tap } from "rxjs";
import {
  DEFAULT_LIMITS,
  defaultGroup,
  partitionForKey,
  type RecordKey,
  runFast,
  type SimulationModel,
  simulate,
} from "../src/engine/index";
import { SeededRandom } from "../src/engine/random/seededRandom";

const args = process.argv.slice(2);
const json = args.includes("--json");
const countArg = args.indexOf("--records");
const N = countArg >= 0 ? Number(args[countArg + 1]) : 1_000_000;
const PARTITIONS = 8;
const KEYS = Array.from({ length: 100 }, (_, i) => `user-${i}`);
const SEED = 42;

// The pipeline's logic, shared by every variant.
const mapKey = (key: RecordKey) => key;
const mapValue = (value: number) => value * 3 + 1;
const keep = (value: number) => value % 5 !== 0;
const newKey = (value: number) => `bucket-${value % 64}`;

function benchModel(): SimulationModel {
  return {
    title: "bench",
    seed: SEED,
    topics: [
      { name: "events", partitions: PARTITIONS },
      { name: "out", partitions: PARTITIONS },
    ],
    producers: [
      {
        id: "gen",
        topic: "events",
        delayMs: 0,
        disconnected: [],
        partitioner: { kind: "default" },
        batchSizeBytes: 16384,
        records: [],
        generate: {
          count: N,
          startMs: 0,
          everyMs: 1,
          keys: KEYS.map((key) => ({ key, weight: 1 })),
          jitterMs: 0,
          value: null,
        },
      },
    ],
    app: {
      id: "bench",
      instances: 1,
      pollIntervalMs: 100,
      maxPollRecords: 500,
      commitIntervalMs: 30_000,
      group: defaultGroup(1),
      faults: [],
      topology: [
        { id: "src", op: "source", topics: ["events"], inputs: [] },
        {
          id: "m",
          op: "map",
          inputs: [{ node: "src" }],
          key: (r) => mapKey(r.key),
          value: (r) => mapValue(r.value as number),
        },
        { id: "f", op: "filter", inputs: [{ node: "m" }], predicate: (r) => keep(r.value as number) },
        { id: "k", op: "selectKey", inputs: [{ node: "f" }], key: (r) => newKey(r.value as number) },
        { id: "s", op: "sink", inputs: [{ node: "k" }], topic: "out", partitioner: { kind: "default" } },
      ],
    },
    limits: { ...DEFAULT_LIMITS, maxRecords: Math.max(N, 1), maxSteps: 40_000_000 },
  };
}

interface Output {
  values: number[][];
}

/** The generator's key stream, exactly as the engine's producer draws it. */
function keyStream(): () => string {
  const random = new SeededRandom(SEED).fork("producer:gen");
  return () => KEYS[Math.floor(random.nextFloat() * KEYS.length)] ?? KEYS[KEYS.length - 1]!;
}

/** A growable column of numbers, as a careful hand-written loop would keep timestamps. */
class NumberColumn {
  data = new Float64Array(64);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

function plainLoop(): Output {
  const nextKey = keyStream();
  const inKeys: string[][] = Array.from({ length: PARTITIONS }, () => []);
  const inValues: number[][] = Array.from({ length: PARTITIONS }, () => []);
  const inTimes = Array.from({ length: PARTITIONS }, () => new NumberColumn());
  const outKeys: string[][] = Array.from({ length: PARTITIONS }, () => []);
  const outValues: number[][] = Array.from({ length: PARTITIONS }, () => []);
  const outTimes = Array.from({ length: PARTITIONS }, () => new NumberColumn());
  for (let i = 0; i < N; i++) {
    const key = nextKey();
    const p = partitionForKey(key, PARTITIONS);
    inKeys[p]!.push(key);
    inValues[p]!.push(i);
    inTimes[p]!.push(i);
    const value = mapValue(i);
    if (!keep(value)) continue;
    const k2 = newKey(value);
    const q = partitionForKey(k2, PARTITIONS);
    outKeys[q]!.push(k2);
    outValues[q]!.push(value);
    outTimes[q]!.push(i);
  }
  return { values: outValues };
}

function rxjsPipeline(): Output {
  const nextKey = keyStream();
  const inKeys: string[][] = Array.from({ length: PARTITIONS }, () => []);
  const inValues: number[][] = Array.from({ length: PARTITIONS }, () => []);
  const inTimes: number[][] = Array.from({ length: PARTITIONS }, () => []);
  const outKeys: string[][] = Array.from({ length: PARTITIONS }, () => []);
  const outValues: number[][] = Array.from({ length: PARTITIONS }, () => []);
  const outTimes: number[][] = Array.from({ length: PARTITIONS }, () => []);
  range(0, N)
    .pipe(
      map((i) => ({ key: nextKey(), value: i as number, timestamp: i as number })),
      tap((r) => {
        const p = partitionForKey(r.key, PARTITIONS);
        inKeys[p]!.push(r.key);
        inValues[p]!.push(r.value);
        inTimes[p]!.push(r.timestamp);
      }),
      map((r) => ({ key: mapKey(r.key) as string, value: mapValue(r.value), timestamp: r.timestamp })),
      filter((r) => keep(r.value)),
      map((r) => ({ key: newKey(r.value), value: r.value, timestamp: r.timestamp })),
    )
    .subscribe((r) => {
      const q = partitionForKey(r.key, PARTITIONS);
      outKeys[q]!.push(r.key);
      outValues[q]!.push(r.value);
      outTimes[q]!.push(r.timestamp);
    });
  return { values: outValues };
}

// Each timed variant returns its raw result; the output is read after timing, so only the work is timed.
function fastPath(): () => Output {
  const run = runFast(benchModel());
  return () => ({ values: run.logs.out!.map((p) => Array.from(p.values as number[])) });
}

let lastSimulation: ReturnType<typeof simulate> | null = null;
function recordingPath(): () => Output {
  lastSimulation = null;
  const sim = simulate(benchModel());
  lastSimulation = sim;
  return () => ({ values: sim.logs.out!.map((p) => p.map((e) => sim.record(e.record).value as number)) });
}

/** Same records in the same partitions (order within a partition may differ: tasks process in turn). */
function sameOutput(a: Output, b: Output): boolean {
  return a.values.every((values, p) => {
    const x = [...values].sort((m, n) => m - n);
    const y = [...b.values[p]!].sort((m, n) => m - n);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => Output | (() => Output), runs: number): { ms: number; output: Output } {
  let result = fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), output: typeof result === "function" ? result() : result };
}

const runs = N >= 500_000 ? 3 : 5;
const plain = time(plainLoop, runs);
const rx = time(rxjsPipeline, runs);
const fast = time(fastPath, runs);
const record = time(recordingPath, runs);

const checks = {
  rxjs: sameOutput(plain.output, rx.output),
  fast: sameOutput(plain.output, fast.output),
  record: sameOutput(plain.output, record.output),
};

const sim = lastSimulation!;
// A seeded stream of cursors (the bench may use its own randomness; only the engine may not).
const cursorRandom = new SeededRandom(7);
// Snapshots are taken lazily; time the one pass that takes them all (a jump to the end) on its own.
const indexStart = performance.now();
sim.frameAt(sim.stepCount);
const snapshotPassMs = performance.now() - indexStart;
const seekTimes: number[] = [];
for (let i = 0; i < 300; i++) {
  const cursor = Math.floor(cursorRandom.nextFloat() * (sim.stepCount + 1));
  const t0 = performance.now();
  sim.frameAt(cursor);
  seekTimes.push(performance.now() - t0);
}
seekTimes.sort((a, b) => a - b);
const stats = sim.stats();
const seekP95Ms = seekTimes[Math.floor(seekTimes.length * 0.95)]!;

const perSecond = (ms: number) => Math.round(N / (ms / 1000));
const result = {
  records: N,
  steps: sim.stepCount,
  recordsPerSecond: {
    plain: perSecond(plain.ms),
    rxjs: perSecond(rx.ms),
    fast: perSecond(fast.ms),
    record: perSecond(record.ms),
  },
  ms: { plain: plain.ms, rxjs: rx.ms, fast: fast.ms, record: record.ms },
  fastVsPlain: fast.ms / plain.ms,
  fastVsRxjs: fast.ms / rx.ms,
  recordVsFast: record.ms / fast.ms,
  bytesPerStep: stats.stepBytes / sim.stepCount,
  snapshotBytesPerStep: stats.snapshotBytes / sim.stepCount,
  seekP95Ms,
  snapshotPassMs,
  sameOutput: checks,
  goals: { fastVsPlain: 1.6, fastVsRxjs: 1, recordVsFast: 2, bytesPerStep: 20, seekP95Ms: 2 },
};

const round = (x: number) => Math.round(x * 100) / 100;
if (json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(34)}${value}\n`);
  line("records", N.toLocaleString("en-US"));
  line("trace steps", sim.stepCount.toLocaleString("en-US"));
  for (const [name, ms] of Object.entries(result.ms)) {
    line(
      `${name} (median of ${runs})`,
      `${round(ms)} ms  ${perSecond(ms).toLocaleString("en-US")} records/s`,
    );
  }
  const goal = (value: number, limit: number, strict = false) =>
    `${round(value)}  (goal ${strict ? "<" : "≤"} ${limit}: ${(strict ? value < limit : value <= limit) ? "met" : "MISSED"})`;
  line("fast ÷ plain [fastVsPlain]", goal(result.fastVsPlain, 1.6));
  line("fast ÷ rxjs [fastVsRxjs]", goal(result.fastVsRxjs, 1, true));
  line("record ÷ fast [recordVsFast]", goal(result.recordVsFast, 2));
  line("bytes per step [bytesPerStep]", goal(result.bytesPerStep, 20));
  line("snapshot bytes per step", `${round(result.snapshotBytesPerStep)}`);
  line("snapshot pass (first jump to end)", `${round(snapshotPassMs)} ms`);
  line("seek p95 [seekP95Ms]", goal(seekP95Ms, 2));
  line("same output (rxjs, fast, record)", `${checks.rxjs}, ${checks.fast}, ${checks.record}`);
}
if (!checks.rxjs || !checks.fast || !checks.record) {
  process.stderr.write("bench: the variants disagree on the output\n");
  process.exit(1);
}
