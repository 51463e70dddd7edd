import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BoundedOutOfOrdernessWatermarks } from "./flinkWatermarks";
import { StreamTime } from "./streamTime";
import { StatusWatermarkValve } from "./watermarkValve";

const timestamps = fc.array(fc.integer({ min: 0, max: 1_000 }), { maxLength: 60 });

type ValveStep =
  | { kind: "watermark"; channel: number; watermark: number }
  | { kind: "idle"; channel: number }
  | { kind: "active"; channel: number };

function valveSteps(channels: number, withIdleness: boolean): fc.Arbitrary<ValveStep[]> {
  const channel = fc.integer({ min: 0, max: channels - 1 });
  const watermark = fc.record({
    kind: fc.constant("watermark" as const),
    channel,
    watermark: fc.integer({ min: -50, max: 500 }),
  });
  const status = fc.record({ kind: fc.constantFrom("idle" as const, "active" as const), channel });
  return fc.array(withIdleness ? fc.oneof(watermark, watermark, status) : watermark, { maxLength: 80 });
}

function apply(valve: StatusWatermarkValve, step: ValveStep): void {
  if (step.kind === "watermark") valve.inputWatermark(step.channel, step.watermark);
  else if (step.kind === "idle") valve.markIdle(step.channel);
  else valve.markActive(step.channel);
}

describe("time properties", () => {
  it("stream time never decreases and is the max of what it observed", () => {
    fc.assert(
      fc.property(timestamps, (tss) => {
        const time = new StreamTime();
        let previous = time.current;
        for (const ts of tss) {
          const observed = time.observe(ts);
          expect(observed.streamTime).toBeGreaterThanOrEqual(previous);
          expect(observed.streamTime).toBeGreaterThanOrEqual(ts);
          previous = observed.streamTime;
        }
        expect(time.current).toBe(Math.max(-1, ...tss));
      }),
    );
  });

  it("bounded out-of-orderness watermarks never decrease and never exceed max ts - bound - 1", () => {
    fc.assert(
      fc.property(timestamps, fc.integer({ min: 0, max: 100 }), (tss, bound) => {
        const generator = new BoundedOutOfOrdernessWatermarks(bound);
        let previous = generator.onPeriodicEmit().watermark;
        for (const ts of tss) {
          generator.onEvent(ts);
          const { watermark } = generator.onPeriodicEmit();
          expect(watermark).toBeGreaterThanOrEqual(previous);
          previous = watermark;
        }
        expect(previous).toBe(Math.max(Number.NEGATIVE_INFINITY, ...tss) - bound - 1);
      }),
    );
  });

  it("the valve output never decreases, with or without idleness", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), valveSteps(n, true))),
        ([n, steps]) => {
          const valve = new StatusWatermarkValve(n);
          let previous = valve.watermark;
          for (const step of steps) {
            apply(valve, step);
            expect(valve.watermark).toBeGreaterThanOrEqual(previous);
            previous = valve.watermark;
          }
        },
      ),
    );
  });

  it("without idleness the output is exactly the minimum over all channels", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), valveSteps(n, false))),
        ([n, steps]) => {
          const valve = new StatusWatermarkValve(n);
          for (const step of steps) {
            apply(valve, step);
            expect(valve.watermark).toBe(Math.min(...valve.channels.map((c) => c.watermark)));
          }
        },
      ),
    );
  });

  it("while any channel is active, the output never exceeds an aligned channel's watermark", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), valveSteps(n, true))),
        ([n, steps]) => {
          const valve = new StatusWatermarkValve(n);
          for (const step of steps) {
            apply(valve, step);
            for (const channel of valve.channels) {
              if (channel.aligned) expect(valve.watermark).toBeLessThanOrEqual(channel.watermark);
            }
          }
        },
      ),
    );
  });
});
