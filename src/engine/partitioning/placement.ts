/**
 * Placement: the partition a producer (or a sink) sends a record to, with the rule that chose it. This is the
 * Kafka producer's order of rules (`KafkaProducer#partition`, `BuiltInPartitioner`):
 *
 * 1. an explicit partition on the record wins;
 * 2. else a configured custom partitioner (a user expression) decides: any number `n` it returns becomes
 *    `toPositive(trunc(n)) % numPartitions`;
 * 3. else a non-null key goes to `toPositive(murmur2(keyBytes)) % numPartitions`;
 * 4. else (a null key) the sticky partitioner keeps filling one partition until a batch is full (KIP-480/794).
 *
 * A placement is returned packed as `partition * 4 + rule` so the hot path allocates nothing; {@link PlacementRule}
 * names the rule.
 *
 * Example (3 partitions): `alice` → `toPositive(murmur2("alice")) = 1951417749`, `1951417749 % 3 = 0`: partition 0,
 * rule murmur2.
 */
import type { Json, PartitionerSpec, RecordContext, RecordKey } from "../model";
import type { SeededRandom } from "../random/seededRandom";
import { hashKey, partitionForJsonKey } from "./keyedPartitioner";
import { toPositive } from "./murmur2";
import { keyText } from "./serializeKey";
import { DEFAULT_BATCH_SIZE_BYTES, estimateRecordBytes, StickyPartitioner } from "./stickyPartitioner";

/** Chooses a partition; returns `partition * 4 + rule` (see {@link PlacementRule}). */
export type Placement = (key: RecordKey, value: Json, explicitPartition: number | undefined) => number;

/** Rule names by their packed number: 0 explicit, 1 murmur2, 2 sticky, 3 custom. */
export const PlacementRule = ["explicit", "murmur2", "sticky", "custom"] as const;

const EXPLICIT = 0;
const MURMUR2 = 1;
const STICKY = 2;
const CUSTOM = 3;

/** The partition of a packed placement. */
export function placedPartition(placement: number): number {
  return placement >> 2;
}

/** The rule of a packed placement. */
export function placedRule(placement: number): (typeof PlacementRule)[number] {
  return PlacementRule[placement & 3]!;
}

/** A custom partitioner's number as a partition: `toPositive(trunc(n)) % numPartitions`. */
export function customPartitionIndex(n: number, numPartitions: number): number {
  return toPositive(Math.trunc(n)) % numPartitions;
}

export function createPlacement(
  spec: PartitionerSpec,
  partitions: number,
  random: SeededRandom,
  batchSizeBytes = DEFAULT_BATCH_SIZE_BYTES,
): Placement {
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new RangeError(`a topic needs a positive whole number of partitions, got ${partitions}`);
  }
  const checkExplicit = (explicit: number) => {
    if (!Number.isInteger(explicit) || explicit < 0 || explicit >= partitions) {
      throw new RangeError(
        `explicit partition ${explicit} is not a partition of the topic: it has ${partitions} partitions (valid: 0..${partitions - 1})`,
      );
    }
    return explicit * 4 + EXPLICIT;
  };
  if (spec.kind === "custom") {
    const context: RecordContext = {
      key: null,
      value: null,
      timestamp: 0,
      partition: -1,
      offset: -1,
      topic: "",
    };
    const fn = spec.partition;
    return (key, value, explicit) => {
      if (explicit !== undefined) return checkExplicit(explicit);
      context.key = key;
      context.value = value;
      const chosen = fn(context);
      if (typeof chosen !== "number" || !Number.isFinite(chosen)) {
        throw new TypeError(
          `the partitioner \`${spec.source}\` must return a number, got ${JSON.stringify(chosen)}`,
        );
      }
      return customPartitionIndex(chosen, partitions) * 4 + CUSTOM;
    };
  }
  let sticky: StickyPartitioner | null = null;
  return (key, value, explicit) => {
    if (explicit !== undefined) return checkExplicit(explicit);
    if (typeof key === "string") return (toPositive(hashKey(key)) % partitions) * 4 + MURMUR2;
    if (key !== null) return partitionForJsonKey(key, partitions) * 4 + MURMUR2;
    sticky ??= new StickyPartitioner(partitions, batchSizeBytes, random);
    return sticky.next(estimateRecordBytes(key, value)) * 4 + STICKY;
  };
}

/** `toPositive(murmur2("alice")) = 1951417749, 1951417749 % 3 = 0`, for narration. */
export function explainKeyedPlacement(key: unknown, partitions: number): string {
  if (key === null || key === undefined) return "null key";
  const text = typeof key === "string" ? key : keyText(key as Exclude<RecordKey, null>);
  const positive = toPositive(hashKey(text));
  return `toPositive(murmur2(${JSON.stringify(text)})) = ${positive}, ${positive} % ${partitions} = ${positive % partitions}`;
}
