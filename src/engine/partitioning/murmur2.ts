/**
 * Kafka's 32-bit murmur2 hash, bit for bit.
 *
 * Port of `org.apache.kafka.common.utils.Utils#murmur2` (Austin Appleby's MurmurHash2 with Kafka's fixed seed).
 * Java does the arithmetic in wrap-around `int`s; here `Math.imul` multiplies modulo 2^32 and `>>>` is Java's
 * unsigned shift, so the result is the same signed 32-bit int Java returns.
 *
 * Terms: the input is read as little-endian 4-byte *blocks*; the last 1–3 bytes are the *tail*, folded in the way
 * Java's fall-through `switch` does; the *final mix* then spreads every input bit over the whole hash.
 */
import { encodeUtf8Into, utf8Bytes } from "./utf8";

/** Kafka's seed (`Utils.murmur2`: `int seed = 0x9747b28c`). */
const SEED = 0x9747b28c;
/** Mixing constant `m`. */
const M = 0x5bd1e995;
/** Shift `r`. */
const R = 24;

/** `murmur2` of all of `bytes`, as Java's signed `int`. */
export function murmur2(bytes: Uint8Array): number {
  return murmur2Prefix(bytes, bytes.length);
}

/** `murmur2` of the first `length` bytes of `bytes` (so a reused buffer can be hashed without copying). */
export function murmur2Prefix(bytes: Uint8Array, length: number): number {
  let h = SEED ^ length;
  const blocksEnd = length & ~3;
  for (let i = 0; i < blocksEnd; i += 4) {
    h = mixBlock(h, bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
  }
  // Java: `switch (length % 4) { case 3: ... case 2: ... case 1: ...; h *= m; }`, falling through.
  const tail = length & 3;
  if (tail === 3) h ^= bytes[blocksEnd + 2]! << 16;
  if (tail >= 2) h ^= bytes[blocksEnd + 1]! << 8;
  if (tail >= 1) h = Math.imul(h ^ bytes[blocksEnd]!, M);
  return finalMix(h);
}

/** Keys longer than this (in UTF-16 units) are encoded into a fresh array, so the scratch buffer stays small. */
const MAX_SCRATCH_UNITS = 1 << 14;
/** Reused UTF-8 buffer for non-ASCII strings; 3 bytes per UTF-16 unit is always enough. */
let scratch = new Uint8Array(3 * 256);

/**
 * `murmur2(utf8Bytes(s))` without allocating (for strings up to 16,384 units): an ASCII string is hashed straight
 * from `charCodeAt`, since an ASCII character is its own UTF-8 byte; any other string is encoded into a reused
 * scratch buffer first. This is the hot path of every simulated producer, so the helpers stay in this module
 * where V8 inlines them.
 */
export function murmur2Utf8(s: string): number {
  const n = s.length;
  const blocksEnd = n & ~3;
  // Hash as if `s` were ASCII (one byte per unit, so `n` bytes); `units` collects every unit's bits, and if any
  // unit turns out not to be ASCII we start over on its real UTF-8 bytes. Checking once at the end keeps the
  // loop free of branches.
  let h = SEED ^ n;
  let units = 0;
  for (let i = 0; i < blocksEnd; i += 4) {
    const c0 = s.charCodeAt(i);
    const c1 = s.charCodeAt(i + 1);
    const c2 = s.charCodeAt(i + 2);
    const c3 = s.charCodeAt(i + 3);
    units |= c0 | c1 | c2 | c3;
    h = mixBlock(h, c0 | (c1 << 8) | (c2 << 16) | (c3 << 24));
  }
  const tail = n & 3;
  if (tail !== 0) {
    if (tail === 3) {
      const c = s.charCodeAt(blocksEnd + 2);
      units |= c;
      h ^= c << 16;
    }
    if (tail >= 2) {
      const c = s.charCodeAt(blocksEnd + 1);
      units |= c;
      h ^= c << 8;
    }
    const c = s.charCodeAt(blocksEnd);
    units |= c;
    h = Math.imul(h ^ c, M);
  }
  if (units > 0x7f) return murmur2NonAscii(s);
  return finalMix(h);
}

function murmur2NonAscii(s: string): number {
  const needed = 3 * s.length;
  if (needed > 3 * MAX_SCRATCH_UNITS) return murmur2(utf8Bytes(s));
  if (scratch.length < needed) scratch = new Uint8Array(Math.max(needed, 2 * scratch.length));
  return murmur2Prefix(scratch, encodeUtf8Into(s, scratch));
}

/** One 4-byte block `k` mixed into the hash `h`: the body of murmur2's main loop. */
function mixBlock(h: number, k: number): number {
  k = Math.imul(k, M);
  k ^= k >>> R;
  k = Math.imul(k, M);
  return Math.imul(h, M) ^ k;
}

/** The final mix: `h ^= h >>> 13; h *= m; h ^= h >>> 15`. */
function finalMix(h: number): number {
  h ^= h >>> 13;
  h = Math.imul(h, M);
  return h ^ (h >>> 15);
}

/** Kafka's `Utils#toPositive`: clears the sign bit (not `Math.abs`, which maps two hashes to one). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}
