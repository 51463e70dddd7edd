import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "./seededRandom";

/** The widely used one-function JavaScript sfc32 (as in bryc's "PRNGs" collection), as an independent reference. */
function referenceSfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  };
}

const draw = (random: SeededRandom, n: number) => Array.from({ length: n }, () => random.nextUint32());

describe("SeededRandom", () => {
  it("keeps its golden first outputs for seed 42 (a change here changes every scenario's run)", () => {
    expect(draw(new SeededRandom(42), 5)).toEqual([
      1264412219, 1947509147, 3919439299, 1251167922, 656401615,
    ]);
    const floats = new SeededRandom(42);
    expect([floats.nextFloat(), floats.nextFloat(), floats.nextFloat()]).toEqual([
      0.29439391079358757, 0.4534398082178086, 0.9125655747484416,
    ]);
    const ints = new SeededRandom(42);
    expect(Array.from({ length: 5 }, () => ints.nextInt(10))).toEqual([2, 4, 9, 2, 1]);
  });

  it("is sfc32 seeded as PractRand does: a=0, b=seed, c=0, counter=1, 12 outputs discarded", () => {
    for (const seed of [0, 1, 42, 123456789, 0xffffffff]) {
      const reference = referenceSfc32(0, seed, 0, 1);
      for (let i = 0; i < 12; i++) reference();
      expect(draw(new SeededRandom(seed), 50)).toEqual(Array.from({ length: 50 }, reference));
    }
  });

  it("takes the seed modulo 2^32", () => {
    expect(draw(new SeededRandom(-1), 5)).toEqual(draw(new SeededRandom(0xffffffff), 5));
    expect(draw(new SeededRandom(2 ** 32 + 7), 5)).toEqual(draw(new SeededRandom(7), 5));
    expect(new SeededRandom(-1).seed).toBe(0xffffffff);
  });

  it("draws floats in [0, 1) and integers in [0, n)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const random = new SeededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const u = random.nextFloat();
          expect(u >= 0 && u < 1).toBe(true);
          const k = random.nextInt(n);
          expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
        }
      }),
    );
  });

  it("spreads nextInt roughly evenly", () => {
    const random = new SeededRandom(2024);
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 80000; i++) counts[random.nextInt(8)]!++;
    for (const count of counts) expect(Math.abs(count - 10000)).toBeLessThan(400);
  });

  it("rejects a bound that is not a positive integer up to 2^32", () => {
    const random = new SeededRandom(1);
    for (const n of [0, -3, 2.5, Number.NaN, 2 ** 32 + 1])
      expect(() => random.nextInt(n)).toThrow(RangeError);
  });

  it("continues exactly where a saved state left off", () => {
    const random = new SeededRandom(77);
    draw(random, 10);
    const state = random.state;
    const expected = draw(random, 20);
    const restored = SeededRandom.fromState(JSON.parse(JSON.stringify(state)));
    expect(draw(restored, 20)).toEqual(expected);
    expect(restored.seed).toBe(77);
  });

  it("forks the same stream for the same seed and label, whatever was drawn before", () => {
    const used = new SeededRandom(42);
    draw(used, 100);
    expect(draw(used.fork("producer:p1"), 10)).toEqual(draw(new SeededRandom(42).fork("producer:p1"), 10));
    expect(new SeededRandom(42).fork("producer:p1").seed).toBe(4102671790);
  });

  it("forks different streams for different labels or seeds", () => {
    const root = new SeededRandom(42);
    const a = draw(root.fork("producer:p1"), 10);
    expect(draw(root.fork("producer:p2"), 10)).not.toEqual(a);
    expect(draw(root.fork(""), 10)).not.toEqual(a);
    expect(draw(new SeededRandom(43).fork("producer:p1"), 10)).not.toEqual(a);
    expect(draw(root.fork("producer:p1").fork("x"), 10)).not.toEqual(a);
  });
});
