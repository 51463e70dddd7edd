import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "../random/seededRandom";
import { StickyPartitioner } from "./stickyPartitioner";

function run(sticky: StickyPartitioner, sizes: number[]): number[] {
  return sizes.map((size) => sticky.next(size));
}

describe("StickyPartitioner", () => {
  it("stays on one partition until batch.size bytes were sent there, then switches", () => {
    const sticky = new StickyPartitioner(6, 100, new SeededRandom(7));
    const partitions = run(sticky, Array(12).fill(30));
    // 30, 60, 90, 120 ≥ 100: the fourth record still goes to the first partition, the fifth to another one.
    expect(new Set(partitions.slice(0, 4)).size).toBe(1);
    expect(partitions[4]).not.toBe(partitions[3]);
    expect(new Set(partitions.slice(4, 8)).size).toBe(1);
    expect(partitions[8]).not.toBe(partitions[7]);
  });

  it("switches to a different partition every time when there are several", () => {
    const sticky = new StickyPartitioner(2, 1, new SeededRandom(1));
    const partitions = run(sticky, Array(50).fill(1));
    for (let i = 1; i < partitions.length; i++) expect(partitions[i]).not.toBe(partitions[i - 1]);
  });

  it("chooses the same partitions for the same seed", () => {
    const sizes = Array.from({ length: 500 }, (_, i) => 10 + (i % 37));
    const a = run(new StickyPartitioner(12, 200, new SeededRandom(99)), sizes);
    const b = run(new StickyPartitioner(12, 200, new SeededRandom(99)), sizes);
    const c = run(new StickyPartitioner(12, 200, new SeededRandom(100)), sizes);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("never returns a partition out of range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 200 }),
        fc.integer(),
        (numPartitions, batchSizeBytes, sizes, seed) => {
          const sticky = new StickyPartitioner(numPartitions, batchSizeBytes, new SeededRandom(seed));
          for (const p of run(sticky, sizes)) {
            expect(Number.isInteger(p) && p >= 0 && p < numPartitions).toBe(true);
          }
        },
      ),
    );
  });

  it("always returns 0 with a single partition", () => {
    const sticky = new StickyPartitioner(1, 10, new SeededRandom(3));
    expect(new Set(run(sticky, Array(100).fill(7)))).toEqual(new Set([0]));
  });

  it("resumes from a snapshot of its state and its generator's", () => {
    const sizes = Array.from({ length: 300 }, (_, i) => 5 + (i % 11));
    const whole = run(new StickyPartitioner(9, 120, new SeededRandom(5)), sizes);

    const random = new SeededRandom(5);
    const first = new StickyPartitioner(9, 120, random);
    const head = run(first, sizes.slice(0, 137));
    const resumed = new StickyPartitioner(9, 120, SeededRandom.fromState(random.state), first.state);
    expect([...head, ...run(resumed, sizes.slice(137))]).toEqual(whole);
  });

  it("exposes its state as a plain object that the caller cannot mutate through", () => {
    const sticky = new StickyPartitioner(4, 100, new SeededRandom(2));
    expect(sticky.state).toEqual({ partition: -1, producedBytes: 0 });
    const p = sticky.next(40);
    const state = sticky.state;
    expect(state).toEqual({ partition: p, producedBytes: 40 });
    state.producedBytes = 1000;
    expect(sticky.state.producedBytes).toBe(40);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("rejects an invalid partition count, batch size, record size or resumed state", () => {
    const random = new SeededRandom(1);
    expect(() => new StickyPartitioner(0, 100, random)).toThrow(RangeError);
    expect(() => new StickyPartitioner(2.5, 100, random)).toThrow(RangeError);
    expect(() => new StickyPartitioner(3, 0, random)).toThrow(RangeError);
    expect(() => new StickyPartitioner(3, 100, random, { partition: 3, producedBytes: 0 })).toThrow(
      RangeError,
    );
    expect(() => new StickyPartitioner(3, 100, random).next(-1)).toThrow(RangeError);
    expect(() => new StickyPartitioner(3, 100, random).next(Number.NaN)).toThrow(RangeError);
  });
});
