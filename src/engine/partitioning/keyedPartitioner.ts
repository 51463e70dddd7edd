/**
 * The keyed partitioner: where a record with a non-null key goes.
 *
 * Kafka's `BuiltInPartitioner#partitionForKey`: `toPositive(murmur2(keyBytes)) % numPartitions`, where the key bytes
 * are the UTF-8 of the key (see `serializeKey.ts`) and `numPartitions` counts all partitions of the topic, available
 * or not. The empty key `""` is a key like any other (it hashes zero bytes); only `null` is "no key".
 * Kafka Streams' repartition and sink topics use the same function.
 */
import { murmur2Utf8, toPositive } from "./murmur2";
import { keyText, type NonNullKey } from "./serializeKey";

/** The hash of a string key: `murmur2` of its UTF-8 bytes, as Java's signed `int` (see `murmur2Utf8`). */
export const hashKey: (key: string) => number = murmur2Utf8;

/**
 * The partition of a string key among `numPartitions`. `numPartitions` must be a positive integer; it is not
 * checked here (this is the per-record hot path): the partitioner strategies check it.
 */
export function partitionForKey(key: string, numPartitions: number): number {
  return toPositive(murmur2Utf8(key)) % numPartitions;
}

/** The partition of any non-null JSON key: a string hashes as itself, any other value as its JSON text. */
export function partitionForJsonKey(key: NonNullKey, numPartitions: number): number {
  if (typeof key === "string") return partitionForKey(key, numPartitions);
  if (key === null)
    throw new TypeError("a null key has no keyed partition: null keys use the sticky partitioner");
  return partitionForKey(keyText(key), numPartitions);
}
