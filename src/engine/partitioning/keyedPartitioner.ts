/**
 * The keyed partitioner: where a record with a non-null key goes.
 *
 * Kafka's `BuiltInPartitioner#partitionForKey`: `toPositive(murmur2(keyBytes)) % numPartitions`, where the key bytes
 * are the UTF-8 of the key (see `serializeKey.ts`) and `numPartitions` counts all partitions of the topic, available
 * or not. The empty key `""` is a key like any other (it hashes zero bytes); only `null` is "no key".
 *
 * This is the hot path of every simulated producer and sink, so it hashes without allocating: an ASCII key is read
 * straight from `charCodeAt` (an ASCII character is its own UTF-8 byte), and any other key is encoded into a reused
 * scratch buffer first.
 */
import { encodeUtf8Into, utf8Bytes } from "./utf8";
import { finalMix, initialHash, mixBlock, murmur2, murmur2Prefix, toPositive } from "./murmur2";
import { keyText, type NonNullKey } from "./serializeKey";

/** murmur2's multiplier, for the tail of the ASCII fast path (see `murmur2.ts`). */
const M = 0x5bd1e995;
/** Keys longer than this (in UTF-16 units) are encoded into a fresh array, so the scratch buffer stays small. */
const MAX_SCRATCH_UNITS = 1 << 14;
/** Reused UTF-8 buffer for non-ASCII keys; 3 bytes per UTF-16 unit is always enough. */
let scratch = new Uint8Array(3 * 256);

/** `murmur2(utf8(key))`, as Java's signed `int`, without allocating for keys up to 16,384 units. */
export function hashKey(key: string): number {
  const n = key.length;
  const blocksEnd = n & ~3;
  let h = initialHash(n); // An ASCII string has as many bytes as units; if it isn't ASCII we start over.
  for (let i = 0; i < blocksEnd; i += 4) {
    const c0 = key.charCodeAt(i);
    const c1 = key.charCodeAt(i + 1);
    const c2 = key.charCodeAt(i + 2);
    const c3 = key.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) > 0x7f) return hashNonAscii(key);
    h = mixBlock(h, c0 | (c1 << 8) | (c2 << 16) | (c3 << 24));
  }
  const tail = n & 3;
  if (tail !== 0) {
    const c0 = key.charCodeAt(blocksEnd);
    const c1 = tail >= 2 ? key.charCodeAt(blocksEnd + 1) : 0;
    const c2 = tail === 3 ? key.charCodeAt(blocksEnd + 2) : 0;
    if ((c0 | c1 | c2) > 0x7f) return hashNonAscii(key);
    h = Math.imul(h ^ c0 ^ (c1 << 8) ^ (c2 << 16), M);
  }
  return finalMix(h);
}

function hashNonAscii(key: string): number {
  const needed = 3 * key.length;
  if (needed > 3 * MAX_SCRATCH_UNITS) return murmur2(utf8Bytes(key));
  if (scratch.length < needed) scratch = new Uint8Array(Math.max(needed, 2 * scratch.length));
  return murmur2Prefix(scratch, encodeUtf8Into(key, scratch));
}

/**
 * The partition of a string key among `numPartitions` (a positive integer, not checked here: the partitioner
 * strategies check it once per call).
 */
export function partitionForKey(key: string, numPartitions: number): number {
  return toPositive(hashKey(key)) % numPartitions;
}

/** The partition of any non-null JSON key: strings hash as themselves, other values as their JSON text. */
export function partitionForJsonKey(key: NonNullKey, numPartitions: number): number {
  if (key === null) throw new TypeError("a null key has no keyed partition: null keys use the sticky partitioner");
  return partitionForKey(typeof key === "string" ? key : keyText(key), numPartitions);
}
