/**
 * FNV-1a, 32-bit (Fowler–Noll–Vo): a tiny, well-known byte hash. Used to turn a text label into a seed; it is not
 * a good enough mixer to be a random generator itself.
 *
 * `h = 0x811c9dc5; for each byte: h ^= byte; h *= 0x01000193` (modulo 2^32).
 */

/** FNV-1a's 32-bit offset basis: the hash of no bytes. */
export const FNV1A_OFFSET_BASIS = 0x811c9dc5;
/** FNV-1a's 32-bit prime. */
const FNV1A_PRIME = 0x01000193;

/** FNV-1a of `bytes`, continuing from `hash` (the offset basis by default), as an unsigned 32-bit integer. */
export function fnv1a32(bytes: Uint8Array, hash: number = FNV1A_OFFSET_BASIS): number {
  let h = hash | 0;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, FNV1A_PRIME);
  return h >>> 0;
}
