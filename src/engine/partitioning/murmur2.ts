/**
 * Kafka's 32-bit murmur2 hash, bit for bit.
 *
 * Port of `org.apache.kafka.common.utils.Utils#murmur2` (Austin Appleby's MurmurHash2 with Kafka's fixed seed).
 * Java does the arithmetic in wrap-around `int`s; here `Math.imul` multiplies modulo 2^32 and `>>>` is Java's
 * unsigned shift, so the result is the same signed 32-bit int Java returns.
 */

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

/**
 * `murmur2` of the first `length` bytes of `bytes` (so a reused scratch buffer can be hashed without copying).
 * The data is read as little-endian 4-byte blocks; the last 1–3 bytes (the *tail*) are folded in the way Java's
 * fall-through `switch` does, then the final mix avalanches the bits.
 */
export function murmur2Prefix(bytes: Uint8Array, length: number): number {
  let h = SEED ^ length;
  const blocksEnd = length & ~3;
  for (let i = 0; i < blocksEnd; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // Java: `switch (length % 4) { case 3: ... case 2: ... case 1: ...; h *= m; }` with fall-through.
  const tail = length & 3;
  if (tail === 3) h ^= bytes[blocksEnd + 2]! << 16;
  if (tail >= 2) h ^= bytes[blocksEnd + 1]! << 8;
  if (tail >= 1) h = Math.imul(h ^ bytes[blocksEnd]!, M);
  return finalMix(h);
}

/** murmur2's final avalanche: `h ^= h >>> 13; h *= m; h ^= h >>> 15`. Returns a signed 32-bit int. */
export function finalMix(h: number): number {
  h ^= h >>> 13;
  h = Math.imul(h, M);
  return h ^ (h >>> 15);
}

/** One 4-byte block `k` (little-endian) mixed into `h`: the body of murmur2's main loop. */
export function mixBlock(h: number, k: number): number {
  k = Math.imul(k, M);
  k ^= k >>> R;
  k = Math.imul(k, M);
  return Math.imul(h, M) ^ k;
}

/** The hash's starting value for an input of `length` bytes. */
export function initialHash(length: number): number {
  return SEED ^ length;
}

/** Kafka's `Utils#toPositive`: clears the sign bit (not `Math.abs`, which would map two hashes to one). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}
