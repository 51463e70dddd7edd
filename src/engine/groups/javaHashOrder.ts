/**
 * Java's `HashMap` / `HashSet` iteration order, for the few places where the sticky assignors' result depends on
 * it (which member gets one of the larger quotas first, which earlier move is undone first).
 *
 * A `HashMap` iterates its table bucket by bucket; a key's bucket is `spread(hashCode) & (capacity - 1)` with
 * `spread(h) = h ^ (h >>> 16)`, and keys in one bucket come in insertion order. The default capacity is 16 and
 * doubles when the size exceeds 3/4 of it, or when a bucket gets a 9th key while the capacity is below 64; it never
 * shrinks. Not emulated: a bucket of 9+ keys in a table of 64+ (a "tree bin", ordered differently) -- it needs
 * dozens of members whose hashes collide.
 *
 * For example `consumer1`, `consumer2`, `consumer3` hash to buckets 12, 11 and 10 of a 16-slot table, so a map
 * filled in that order iterates `consumer3, consumer2, consumer1` (which `testMaxQuotaConsumerMoreThanNum…`
 * relies on).
 */
import type { TopicPartition } from "./assignor";

/** Java's `String#hashCode`: `s[0]*31^(n-1) + ... + s[n-1]` over UTF-16 code units, in 32-bit arithmetic. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's `TopicPartition#hashCode`: `31 * (31 + partition) + topic.hashCode()`. */
export function javaTopicPartitionHashCode(tp: TopicPartition): number {
  return (Math.imul(31, 31 + tp.partition) + javaStringHashCode(tp.topic)) | 0;
}

const bucketOf = (hash: number, capacity: number): number => (hash ^ (hash >>> 16)) & (capacity - 1);

/** The capacity after a key with `hash` was inserted among `hashes` (already inserted), at `capacity` before. */
function capacityAfterInsert(
  hashes: readonly number[],
  hash: number,
  size: number,
  capacity: number,
): number {
  const bucket = bucketOf(hash, capacity);
  const inBucket = hashes.filter((h) => bucketOf(h, capacity) === bucket).length + 1;
  let next = inBucket >= 9 && capacity < 64 ? capacity * 2 : capacity; // HashMap#treeifyBin resizes small tables
  if (size > next * 0.75) next *= 2;
  return next;
}

/** `keys`, given in insertion order into a `new HashMap<>()`, in the order that map iterates them. */
export function javaHashMapOrder<K>(keys: readonly K[], hashCode: (key: K) => number): K[] {
  const hashes: number[] = [];
  let capacity = 16;
  for (const key of keys) {
    const hash = hashCode(key);
    capacity = capacityAfterInsert(hashes, hash, hashes.length + 1, capacity);
    hashes.push(hash);
  }
  return keys
    .map((key, index) => ({ key, index, bucket: bucketOf(hashes[index]!, capacity) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.key);
}

/** A `new HashSet<>()` that tracks insertion order and capacity, to tell which element its iterator yields first. */
export class JavaHashSet<V> {
  private readonly entries = new Map<string, { value: V; hash: number; sequence: number }>();
  private capacity = 16;
  private sequence = 0;

  constructor(private readonly hashCode: (value: V) => number) {}

  get size(): number {
    return this.entries.size;
  }

  add(key: string, value: V): void {
    if (this.entries.has(key)) return;
    const hash = this.hashCode(value);
    const hashes = [...this.entries.values()].map((entry) => entry.hash);
    this.capacity = capacityAfterInsert(hashes, hash, this.entries.size + 1, this.capacity);
    this.entries.set(key, { value, hash, sequence: this.sequence++ });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** `iterator().next()`: the first key of the first non-empty bucket. */
  first(): V | undefined {
    let best: { value: V; bucket: number; sequence: number } | undefined;
    for (const { value, hash, sequence } of this.entries.values()) {
      const bucket = bucketOf(hash, this.capacity);
      if (
        best === undefined ||
        bucket < best.bucket ||
        (bucket === best.bucket && sequence < best.sequence)
      ) {
        best = { value, bucket, sequence };
      }
    }
    return best?.value;
  }
}
