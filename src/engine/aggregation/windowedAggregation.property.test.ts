import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apply, run, type ScriptStep } from "../testing/windowedAggregationScript";
import { windowsFor } from "../windows/registry";
import type { WindowSpec } from "../windows/window";
import type { WindowedAggregationConfig } from "./aggregationConfig";
import { createWindowedAggregation } from "./windowedAggregation";
import type { WindowOutput } from "./windowOutput";

const keys = fc.constantFrom("a", "b", "c");
const records = (maxTs: number) =>
  fc.array(fc.tuple(keys, fc.integer({ min: 0, max: maxTs })), { maxLength: 40 }) as fc.Arbitrary<
    [string, number][]
  >;

const timeWindowSpec: fc.Arbitrary<WindowSpec> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((size): WindowSpec => ({ type: "tumbling", size })),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
    .map(([a, b]): WindowSpec => ({ type: "hopping", size: Math.max(a, b), advance: Math.min(a, b) })),
);

const kafkaSpec: fc.Arbitrary<WindowSpec> = fc.oneof(
  timeWindowSpec,
  fc.integer({ min: 0, max: 8 }).map((timeDifference): WindowSpec => ({ type: "sliding", timeDifference })),
  fc.integer({ min: 1, max: 8 }).map((gap): WindowSpec => ({ type: "session", gap })),
);

const windowId = (key: unknown, window: { start: number; end: number }) =>
  `${JSON.stringify(key)} ${window.start} ${window.end}`;

/** The last value each (key, window) was updated to. */
function finalValues(outputs: readonly WindowOutput[]): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const output of outputs) {
    if (output.kind === "updated") values.set(windowId(output.key, output.window), output.value);
    if (output.kind === "sessionMerged") values.delete(windowId(output.key, output.window));
  }
  return values;
}

describe("windowed aggregation properties", () => {
  it("Kafka stream time never decreases and is the largest timestamp processed", () => {
    fc.assert(
      fc.property(kafkaSpec, fc.integer({ min: 0, max: 20 }), records(80), (window, graceMs, steps) => {
        const op = createWindowedAggregation({
          semantics: "kafka-streams",
          window,
          graceMs,
          aggregate: { kind: "count" },
        });
        let max = -1;
        for (const step of steps) {
          apply(op, step);
          max = Math.max(max, step[1]);
          const time = op.time();
          expect(time).toEqual({ semantics: "kafka-streams", streamTime: max });
        }
      }),
    );
  });

  it("Kafka time windows count every accepted record in exactly its windows (brute force)", () => {
    fc.assert(
      fc.property(timeWindowSpec, fc.integer({ min: 0, max: 20 }), records(80), (window, graceMs, steps) => {
        const { outputs } = run(
          { semantics: "kafka-streams", window, graceMs, aggregate: { kind: "count" } },
          steps,
        );
        // Brute force: stream time is the running max; a window takes the record iff end > stream time − grace.
        const expected = new Map<string, number>();
        let streamTime = -1;
        for (const [key, ts] of steps) {
          streamTime = Math.max(streamTime, ts);
          for (const w of windowsFor("kafka-streams", window, ts)) {
            if (w.end > streamTime - graceMs)
              expected.set(windowId(key, w), (expected.get(windowId(key, w)) ?? 0) + 1);
          }
        }
        expect(finalValues(outputs)).toEqual(expected);
        // Each record: its windows are exactly the updated ones plus the refused ones.
        const perRecord = outputs.filter(
          (output) => output.kind === "updated" || output.kind === "late",
        ).length;
        const assigned = steps.reduce(
          (sum, [, ts]) => sum + windowsFor("kafka-streams", window, ts).length,
          0,
        );
        expect(perRecord).toBe(assigned);
      }),
    );
  });

  it("Kafka sliding windows hold exactly KIP-450's windows with the right counts (brute force)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), records(40), (timeDifference, steps) => {
        const config: WindowedAggregationConfig = {
          semantics: "kafka-streams",
          window: { type: "sliding", timeDifference },
          graceMs: 1_000,
          aggregate: { kind: "count" },
        };
        const { op } = run(config, steps);
        // Every record has its left window [max(0, t − d), that + d], and its right window [t + 1, t + 1 + d] when a
        // record falls in (t, t + 1 + d]; a window's count is the records in it, both ends included.
        const expected = new Map<string, number>();
        for (const key of ["a", "b", "c"]) {
          const ts = steps.filter(([k]) => k === key).map(([, t]) => t);
          const starts = new Set<number>();
          for (const t of ts) {
            starts.add(Math.max(0, t - timeDifference));
            if (ts.some((u) => u > t && u <= t + 1 + timeDifference)) starts.add(t + 1);
          }
          for (const start of starts) {
            const end = start + timeDifference;
            expected.set(windowId(key, { start, end }), ts.filter((t) => start <= t && t <= end).length);
          }
        }
        const actual = new Map(
          op.openWindows().map((window) => [windowId(window.key, window.window), window.value]),
        );
        expect(actual).toEqual(expected);
      }),
    );
  });

  it("Flink's watermark never decreases, and every accepted record is counted in exactly its windows (brute force)", () => {
    const steps = fc.array(
      fc.oneof(
        fc.tuple(keys, fc.integer({ min: -10, max: 60 })) as fc.Arbitrary<ScriptStep>,
        fc.integer({ min: -5, max: 60 }).map((watermark): ScriptStep => ({ watermark })),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        timeWindowSpec,
        fc.integer({ min: 0, max: 10 }),
        steps,
        (window, allowedLatenessMs, script) => {
          const config: WindowedAggregationConfig = {
            semantics: "flink",
            window,
            allowedLatenessMs,
            aggregate: { kind: "count" },
          };
          const op = createWindowedAggregation(config);
          const outputs: WindowOutput[] = [];
          let highest = Number.NEGATIVE_INFINITY;
          for (const step of script) {
            outputs.push(...apply(op, step));
            if ("watermark" in step) highest = Math.max(highest, step.watermark);
            expect(op.time()).toEqual({ semantics: "flink", watermark: highest });
          }
          const expected = new Map<string, number>();
          let watermark = Number.NEGATIVE_INFINITY;
          for (const step of script) {
            if ("watermark" in step) {
              watermark = Math.max(watermark, step.watermark);
              continue;
            }
            const [key, ts] = step;
            for (const w of windowsFor("flink", window, ts)) {
              const id = windowId(key, w);
              if (w.end - 1 + allowedLatenessMs > watermark) expected.set(id, (expected.get(id) ?? 0) + 1);
            }
          }
          const closed = new Map<string, unknown>();
          for (const output of [...outputs, ...op.advanceWatermark(1_000)]) {
            if (output.kind === "windowClosed") closed.set(windowId(output.key, output.window), output.value);
          }
          expect(closed).toEqual(expected);
          expect(op.openWindows()).toEqual([]);
        },
      ),
    );
  });

  it("sessions merge into exactly the brute-force sessions, in any arrival order (both semantics)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), records(60), (gap, steps) => {
        const kafka = run(
          {
            semantics: "kafka-streams",
            window: { type: "session", gap },
            graceMs: 1_000,
            aggregate: { kind: "count" },
          },
          steps,
        ).op;
        const flink = run(
          { semantics: "flink", window: { type: "session", gap }, aggregate: { kind: "count" } },
          steps,
        ).op;
        const expectedKafka = new Map<string, number>();
        const expectedFlink = new Map<string, number>();
        for (const key of ["a", "b", "c"]) {
          const ts = steps
            .filter(([k]) => k === key)
            .map(([, t]) => t)
            .sort((x, y) => x - y);
          // Kafka: records within gap of each other (inclusive) chain into [first, last].
          // Flink: windows [t, t + gap) that touch merge, i.e. records within gap of each other too.
          let first = 0;
          for (let i = 1; i <= ts.length; i++) {
            if (i < ts.length && ts[i]! - ts[i - 1]! <= gap) continue;
            const start = ts[first]!;
            const end = ts[i - 1]!;
            expectedKafka.set(windowId(key, { start, end }), i - first);
            expectedFlink.set(windowId(key, { start, end: end + gap }), i - first);
            first = i;
          }
        }
        const actual = (op: typeof kafka) =>
          new Map(op.openWindows().map((window) => [windowId(window.key, window.window), window.value]));
        expect(actual(kafka)).toEqual(expectedKafka);
        expect(actual(flink)).toEqual(expectedFlink);
      }),
    );
  });

  it("emit-on-close results equal the final emit-on-update values of the closed windows", () => {
    fc.assert(
      fc.property(kafkaSpec, fc.integer({ min: 0, max: 10 }), records(60), (window, graceMs, steps) => {
        const base = { semantics: "kafka-streams", window, graceMs, aggregate: { kind: "count" } } as const;
        const onUpdate = run({ ...base, emit: "onUpdate" }, steps).outputs;
        const onClose = run({ ...base, emit: "onWindowClose" }, steps).outputs;
        const finals = finalValues(onUpdate);
        const emitted = new Set<string>();
        for (const output of onClose) {
          if (output.kind !== "emitted") continue;
          const id = windowId(output.key, output.window);
          expect(emitted.has(id)).toBe(false);
          emitted.add(id);
          expect(output.value).toEqual(finals.get(id));
        }
        // Every window closed under emit-on-update was either emitted or lost to retention, never both (sliding
        // windows may still wait: Kafka checks for final results only after a record that is neither early nor late).
        const lost = new Set(
          onClose
            .filter((output) => output.kind === "expired" && !output.emitted)
            .map((output) => windowId(output.key, output.window!)),
        );
        for (const output of onUpdate) {
          if (output.kind !== "windowClosed") continue;
          const id = windowId(output.key, output.window);
          if (window.type === "sliding") expect(emitted.has(id) && lost.has(id)).toBe(false);
          else expect(emitted.has(id) !== lost.has(id)).toBe(true);
        }
      }),
    );
  });

  it("is deterministic and resumes from a JSON snapshot exactly where it stopped", () => {
    const configs = fc.oneof(
      fc
        .tuple(
          kafkaSpec,
          fc.integer({ min: 0, max: 10 }),
          fc.constantFrom("onUpdate" as const, "onWindowClose" as const),
        )
        .map(
          ([window, graceMs, emit]): WindowedAggregationConfig => ({
            semantics: "kafka-streams",
            window,
            graceMs,
            emit,
            aggregate: { kind: "collect" },
          }),
        ),
      fc
        .tuple(
          fc.oneof(
            timeWindowSpec,
            fc.integer({ min: 1, max: 8 }).map((gap): WindowSpec => ({ type: "session", gap })),
          ),
          fc.integer({ min: 0, max: 10 }),
          fc.constantFrom("accumulating" as const, "discarding" as const),
        )
        .map(
          ([window, allowedLatenessMs, accumulation]): WindowedAggregationConfig => ({
            semantics: "flink",
            window,
            allowedLatenessMs,
            accumulation,
            aggregate: { kind: "collect" },
          }),
        ),
    );
    const script = fc.array(
      fc.oneof(
        fc.tuple(keys, fc.integer({ min: 0, max: 60 }), fc.integer()) as fc.Arbitrary<ScriptStep>,
        fc.integer({ min: 0, max: 60 }).map((watermark): ScriptStep => ({ watermark })),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(configs, script, fc.nat(), (config, steps0, cut) => {
        const steps = config.semantics === "flink" ? steps0 : steps0.filter((step) => !("watermark" in step));
        const whole = run(config, steps);
        expect(run(config, steps).outputs).toEqual(whole.outputs);
        const at = steps.length === 0 ? 0 : cut % (steps.length + 1);
        const first = run(config, steps.slice(0, at));
        const saved = JSON.parse(JSON.stringify(first.op.snapshot()));
        const resumed = createWindowedAggregation(config, saved);
        const rest = steps.slice(at).flatMap((step) => apply(resumed, step));
        expect([...first.outputs, ...rest]).toEqual(whole.outputs);
        expect(resumed.openWindows()).toEqual(whole.op.openWindows());
      }),
    );
  });
});
