/**
 * The engine's only source of randomness: a seeded, deterministic pseudo-random generator.
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's "Small Fast Chaotic" generator from PractRand): 128 bits of state, 32-bit
 * integer arithmetic only, passes PractRand and BigCrush, and a built-in counter guarantees a period of at least
 * 2^32 for every seed. It is seeded the way PractRand seeds it (`a = 0, b = seed, c = 0, counter = 1`, then 12
 * outputs discarded), so nearby seeds give unrelated streams.
 *
 * *Streams*: a scenario has one seed; each producer (or anything else that draws) gets its own stream with
 * `fork(label)`, so adding a producer or drawing more numbers in one place never changes what another place sees.
 * The state is a plain object ({@link SeededRandomState}) so snapshots can copy and restore it.
 */
import { utf8Bytes } from "../partitioning/utf8";
import { fnv1a32 } from "./fnv1a";

/**
 * A generator's complete state: the seed it was created with (forks derive from it) and sfc32's four 32-bit words,
 * stored as signed ints.
 */
export interface SeededRandomState {
  readonly seed: number;
  a: number;
  b: number;
  c: number;
  /** sfc32's counter. */
  d: number;
}

/** 2^-32: turns an unsigned 32-bit integer into a float in [0, 1). */
const UINT32_TO_UNIT = 1 / 4294967296;

export class SeededRandom {
  private readonly s: SeededRandomState;

  /** A generator for `seed`, taken modulo 2^32 (so `-1` is `4294967295`; fractions are truncated). */
  constructor(seed: number) {
    const seed32 = Math.trunc(seed) >>> 0;
    this.s = { seed: seed32, a: 0, b: seed32 | 0, c: 0, d: 1 };
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A generator that continues exactly where the one that produced `state` was. */
  static fromState(state: SeededRandomState): SeededRandom {
    const random = new SeededRandom(state.seed);
    Object.assign(random.s, { a: state.a | 0, b: state.b | 0, c: state.c | 0, d: state.d | 0 });
    return random;
  }

  /** The seed this generator was created with (modulo 2^32). */
  get seed(): number {
    return this.s.seed;
  }

  /** A copy of the current state. */
  get state(): SeededRandomState {
    return { ...this.s };
  }

  /** The next unsigned 32-bit integer (one sfc32 step). */
  nextUint32(): number {
    // Words are kept as signed 32-bit ints (`| 0`) so V8 stores them unboxed.
    const s = this.s;
    const t = (((s.a + s.b) | 0) + s.d) | 0;
    s.d = (s.d + 1) | 0;
    s.a = s.b ^ (s.b >>> 9);
    s.b = (s.c + (s.c << 3)) | 0;
    s.c = (((s.c << 21) | (s.c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1), in steps of 2^-32. */
  nextFloat(): number {
    return this.nextUint32() * UINT32_TO_UNIT;
  }

  /**
   * An integer in [0, n) for a positive integer `n` ≤ 2^32: `floor(nextFloat() * n)`. Uniform up to a bias below
   * n / 2^32 (invisible for the partition and key counts a scenario uses).
   */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 4294967296) {
      throw new RangeError(`nextInt needs a positive integer bound of at most 2^32, got ${n}`);
    }
    return Math.floor(this.nextFloat() * n);
  }

  /**
   * An independent generator for `label` (e.g. `"producer:orders-writer"`): seeded with FNV-1a over this
   * generator's seed (4 bytes, little-endian) followed by the label's UTF-8. It depends only on the seed and the
   * label, not on how many numbers were drawn, so the same label always gives the same stream.
   */
  fork(label: string): SeededRandom {
    const seed = this.s.seed;
    const seedBytes = new Uint8Array([seed & 0xff, (seed >>> 8) & 0xff, (seed >>> 16) & 0xff, seed >>> 24]);
    return new SeededRandom(fnv1a32(utf8Bytes(label), fnv1a32(seedBytes)));
  }
}
