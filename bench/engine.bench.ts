/**
 * `npm run -s bench [-- --json] [-- --records N] [-- --rounds N]`: the engine's speed and memory against a plain loop and RxJS,
 * measured in one process.
 *
 * Workload: N generated records (default 1,000,000; 100 keys, one every ms) produced to an 8-partition topic and
 * run through source → map → filter → selectKey → sink into an 8-partition topic. Variants:
 * - plain: a hand-written loop doing the same work (generate, partition with murmur2, append to the input log,
 *   map, filter, re-key, partition again, append to the output log);
 * - rxjs: the same pipeline as RxJS operators;
 * - fast: the engine's fast path (`runFast`);
 * - record: the engine's recording path (`simulate`), which also builds the frame snapshots.
 * All four must produce the same output (same records in the same partitions).
 *
 * A stateful workload beside it: the same records counted per key in 1 s tumbling windows (Kafka Streams, emit on
 * update, a store retention of 2 s) and written to an 8-partition topic, by the fast path (`countFast`) and by a plain loop doing the same
 * count (`countPlain`); both must write the same counts.
 *
 * The variants run round by round, interleaved (plain, rxjs, fast, record, countPlain, countFast, the order turned
 * by one each round), after one warm-up of each; every ratio is the median of its per-round ratios, with the spread
 * (lowest and highest) beside it, so a burst of load on a shared machine lands on one round, not on one variant.
 * Each run is timed twice: by the wall clock (the figures, as the goals were set), and by the CPU time the process
 * used (`process.cpuUsage`, every thread: the main one and the garbage collector's helpers), printed beside them as
 * a cross-check: other work on the machine delays a run without adding to its CPU time, but parallel garbage
 * collection adds CPU time to the variants that allocate most without delaying them on an idle machine.
 * Then 300 seeks to random cursors of the recorded run (`frameAt`).
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
const roundsArg = args.indexOf("--rounds");
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 7;
const WINDOW_MS = 1000;
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
  /** Per output partition, what was written there (as numbers, or as text for the counts). */
  values: (number | string)[][];
}

/** The stateful workload: records counted per key in tumbling windows, each update written to `counts`. */
function countModel(): SimulationModel {
  const m = benchModel();
  return {
    ...m,
    topics: [
      { name: "events", partitions: PARTITIONS },
      { name: "counts", partitions: PARTITIONS },
    ],
    app: {
      ...m.app,
      topology: [
        { id: "src", op: "source", topics: ["events"], inputs: [] },
        {
          id: "count",
          op: "windowedAggregate",
          inputs: [{ node: "src" }],
          aggregation: {
            semantics: "kafka-streams",
            window: { type: "tumbling", size: WINDOW_MS },
            aggregate: { kind: "count" },
            // The store keeps two windows' worth (`Materialized.withRetention`): with the default day, every
            // window of the run stays in the store, which the engine's store scans on each record.
            retentionMs: 2 * WINDOW_MS,
          },
        },
        {
          id: "s",
          op: "sink",
          inputs: [{ node: "count" }],
          topic: "counts",
          partitioner: { kind: "default" },
        },
      ],
    },
  };
}

/** How a written count reads in the comparison: key, window start and count. */
const countText = (key: RecordKey, value: { start: number; value: number }) =>
  `${key}@${value.start}=${value.value}`;

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

/**
 * The count by hand: per input partition (a task) the current window of each key; every record adds one and writes
 * the key's count so far to the output partition of its key. Records of one partition arrive in timestamp order
 * here, so no record is late and a key's earlier windows are never updated again.
 */
function countPlain(): Output {
  const nextKey = keyStream();
  const inKeys: string[][] = Array.from({ length: PARTITIONS }, () => []);
  const inValues: number[][] = Array.from({ length: PARTITIONS }, () => []);
  const inTimes = Array.from({ length: PARTITIONS }, () => new NumberColumn());
  const windows = Array.from(
    { length: PARTITIONS },
    () => new Map<string, { start: number; count: number }>(),
  );
  const outKeys: string[][] = Array.from({ length: PARTITIONS }, () => []);
  const outValues: { start: number; end: number; value: number }[][] = Array.from(
    { length: PARTITIONS },
    () => [],
  );
  const outTimes = Array.from({ length: PARTITIONS }, () => new NumberColumn());
  for (let i = 0; i < N; i++) {
    const key = nextKey();
    const p = partitionForKey(key, PARTITIONS);
    inKeys[p]!.push(key);
    inValues[p]!.push(i);
    inTimes[p]!.push(i);
    const start = i - (i % WINDOW_MS);
    let window = windows[p]!.get(key);
    if (window === undefined || window.start !== start) {
      window = { start, count: 0 };
      windows[p]!.set(key, window);
    }
    window.count++;
    const q = partitionForKey(key, PARTITIONS);
    outKeys[q]!.push(key);
    outValues[q]!.push({ start, end: start + WINDOW_MS, value: window.count });
    outTimes[q]!.push(i);
  }
  return { values: outValues.map((values, q) => values.map((v, i) => countText(outKeys[q]![i]!, v))) };
}

function countFast(): () => Output {
  const run = runFast(countModel());
  return () => ({
    values: run.logs.counts!.map((p) =>
      (p.values as { start: number; value: number }[]).map((v, i) => countText(p.keys[i] as RecordKey, v)),
    ),
  });
}

/** Same records in the same partitions (order within a partition may differ: tasks process in turn). */
function sameOutput(a: Output, b: Output): boolean {
  const order = (x: number | string, y: number | string) =>
    typeof x === "number" && typeof y === "number" ? x - y : String(x) < String(y) ? -1 : 1;
  return a.values.every((values, p) => {
    const x = [...values].sort(order);
    const y = [...b.values[p]!].sort(order);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const variants = {
  plain: plainLoop,
  rxjs: rxjsPipeline,
  fast: fastPath,
  record: recordingPath,
  countPlain,
  countFast,
} satisfies Record<string, () => Output | (() => Output)>;
type VariantName = keyof typeof variants;
const names = Object.keys(variants) as VariantName[];

/** CPU time the process has used so far, in ms (user and system, all threads). */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Runs a variant once; its wall-clock and CPU times, and its output read after the clocks stopped. */
function timeOnce(name: VariantName): { ms: number; cpu: number; output: () => Output } {
  const c0 = cpuMs();
  const t0 = performance.now();
  const result = variants[name]();
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  return { ms, cpu, output: typeof result === "function" ? result : () => result };
}

const outputs = {} as Record<VariantName, Output>;
for (const name of names) outputs[name] = timeOnce(name).output(); // warm-up, and the outputs compared
const perVariant = () =>
  Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<VariantName, number[]>;
const times = perVariant();
const cpuTimes = perVariant();
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + round) % names.length]!;
    const timed = timeOnce(name);
    times[name].push(timed.ms);
    cpuTimes[name].push(timed.cpu);
  }
}

/** A figure: the median of its per-round ratios (of CPU times, or of wall-clock times), and their spread. */
function ratio(
  top: VariantName,
  bottom: VariantName,
  of: Record<VariantName, number[]> = times,
): { median: number; low: number; high: number } {
  const perRound = of[top].map((ms, round) => ms / of[bottom][round]!);
  return { median: median(perRound), low: Math.min(...perRound), high: Math.max(...perRound) };
}

const checks = {
  rxjs: sameOutput(outputs.plain, outputs.rxjs),
  fast: sameOutput(outputs.plain, outputs.fast),
  record: sameOutput(outputs.plain, outputs.record),
  countFast: sameOutput(outputs.countPlain, outputs.countFast),
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

const ms = Object.fromEntries(names.map((name) => [name, median(times[name])])) as Record<
  VariantName,
  number
>;
const cpu = Object.fromEntries(names.map((name) => [name, median(cpuTimes[name])])) as Record<
  VariantName,
  number
>;
const perSecond = (millis: number) => Math.round(N / (millis / 1000));
const figures = {
  fastVsPlain: ratio("fast", "plain"),
  fastVsRxjs: ratio("fast", "rxjs"),
  recordVsFast: ratio("record", "fast"),
  statefulVsPlain: ratio("countFast", "countPlain"),
};
const cpuFigures = {
  fastVsPlain: ratio("fast", "plain", cpuTimes),
  fastVsRxjs: ratio("fast", "rxjs", cpuTimes),
  recordVsFast: ratio("record", "fast", cpuTimes),
  statefulVsPlain: ratio("countFast", "countPlain", cpuTimes),
};
const goals = {
  fastVsPlain: 1.3,
  fastVsRxjs: 1,
  recordVsFast: 1.8,
  statefulVsPlain: 1.5,
  bytesPerStep: 15,
  seekP95Ms: 2,
};
const result = {
  records: N,
  rounds: ROUNDS,
  steps: sim.stepCount,
  /** Per variant: records per second, its median wall-clock time and its median CPU time. */
  recordsPerSecond: Object.fromEntries(names.map((name) => [name, perSecond(ms[name])])),
  ms,
  cpuMs: cpu,
  fastVsPlain: figures.fastVsPlain.median,
  fastVsRxjs: figures.fastVsRxjs.median,
  recordVsFast: figures.recordVsFast.median,
  statefulVsPlain: figures.statefulVsPlain.median,
  /** Per figure: the lowest and highest of its per-round ratios. */
  spread: Object.fromEntries(Object.entries(figures).map(([key, f]) => [key, [f.low, f.high]])),
  /** The same figures from CPU times (median of the per-round ratios). */
  cpu: Object.fromEntries(Object.entries(cpuFigures).map(([key, f]) => [key, f.median])),
  bytesPerStep: stats.stepBytes / sim.stepCount,
  snapshotBytesPerStep: stats.snapshotBytes / sim.stepCount,
  seekP95Ms,
  snapshotPassMs,
  sameOutput: checks,
  goals,
};

const round2 = (x: number) => Math.round(x * 100) / 100;
if (json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(38)}${value}\n`);
  line("records", N.toLocaleString("en-US"));
  line("trace steps", sim.stepCount.toLocaleString("en-US"));
  line("rounds (interleaved)", String(ROUNDS));
  for (const name of names) {
    line(
      `${name} (median)`,
      `${round2(ms[name])} ms  ${perSecond(ms[name]).toLocaleString("en-US")} records/s  (CPU ${round2(cpu[name])} ms)`,
    );
  }
  const met = (value: number, limit: number, strict: boolean) => (strict ? value < limit : value <= limit);
  const goal = (value: number, limit: number, strict = false) =>
    `${round2(value)}  (goal ${strict ? "<" : "≤"} ${limit}: ${met(value, limit, strict) ? "met" : "MISSED"})`;
  const figure = (key: keyof typeof figures, strict = false) => {
    const f = figures[key];
    const spread = `rounds ${round2(f.low)}–${round2(f.high)}`;
    return `${goal(f.median, goals[key], strict)}  ${spread}, CPU ${round2(cpuFigures[key].median)}`;
  };
  line("fast ÷ plain [fastVsPlain]", figure("fastVsPlain"));
  line("fast ÷ rxjs [fastVsRxjs]", figure("fastVsRxjs", true));
  line("record ÷ fast [recordVsFast]", figure("recordVsFast"));
  line("count: fast ÷ plain [statefulVsPlain]", figure("statefulVsPlain"));
  line("bytes per step [bytesPerStep]", goal(result.bytesPerStep, goals.bytesPerStep));
  line("snapshot bytes per step", `${round2(result.snapshotBytesPerStep)}`);
  line("snapshot pass (first jump to end)", `${round2(snapshotPassMs)} ms`);
  line("seek p95 [seekP95Ms]", goal(seekP95Ms, goals.seekP95Ms));
  line(
    "same output (rxjs, fast, record, count)",
    `${checks.rxjs}, ${checks.fast}, ${checks.record}, ${checks.countFast}`,
  );
}
if (!checks.rxjs || !checks.fast || !checks.record || !checks.countFast) {
  process.stderr.write("bench: the variants disagree on the output\n");
  process.exit(1);
}
