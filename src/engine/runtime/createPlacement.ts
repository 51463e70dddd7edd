/**
 * Builds the function that places a producer's (or a sink's) records on partitions, following the Kafka
 * producer's order of rules: an explicit partition wins; else a custom partitioner if configured; else
 * murmur2 of the key (`BuiltInPartitioner#partitionForKey`); else, for a null key, the sticky partitioner.
 */
import type { Json, PartitionerSpec, RecordContext, RecordKey } from "../model";
import { hashKey, partitionForJsonKey } from "../partitioning/keyedPartitioner";
import { toPositive } from "../partitioning/murmur2";
import { keyText } from "../partitioning/serializeKey";
import {
  DEFAULT_BATCH_SIZE_BYTES,
  estimateRecordBytes,
  StickyPartitioner,
} from "../partitioning/stickyPartitioner";
import type { SeededRandom } from "../random/seededRandom";
import type { Placement } from "../topology/operatorEnv";

const EXPLICIT = 0;
const MURMUR2 = 1;
const STICKY = 2;
const CUSTOM = 3;

export function createPlacement(
  spec: PartitionerSpec,
  partitions: number,
  random: SeededRandom,
  batchSizeBytes = DEFAULT_BATCH_SIZE_BYTES,
): Placement {
  let sticky: StickyPartitioner | null = null;
  const checkExplicit = (explicit: number) => {
    if (!Number.isInteger(explicit) || explicit < 0 || explicit >= partitions) {
      throw new RangeError(
        `explicit partition ${explicit} is not a partition of the topic: it has ${partitions} partitions (valid: 0..${partitions - 1})`,
      );
    }
    return explicit * 4 + EXPLICIT;
  };
  const stickyFor = () => {
    sticky ??= new StickyPartitioner(partitions, batchSizeBytes, random);
    return sticky;
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
        throw new TypeError(`the partitioner must return a number, got ${JSON.stringify(chosen)}`);
      }
      return (toPositive(Math.trunc(chosen)) % partitions) * 4 + CUSTOM;
    };
  }
  return (key: RecordKey, value: Json, explicit: number | undefined) => {
    if (explicit !== undefined) return checkExplicit(explicit);
    if (typeof key === "string") return (toPositive(hashKey(key)) % partitions) * 4 + MURMUR2;
    if (key !== null) return partitionForJsonKey(key, partitions) * 4 + MURMUR2;
    return stickyFor().next(estimateRecordBytes(key, value)) * 4 + STICKY;
  };
}

/** `toPositive(murmur2("alice")) = 1234 → 1234 % 3 = 1`, for narration. */
export function explainKeyedPlacement(key: unknown, partitions: number): string {
  if (key === null || key === undefined) return "null key";
  const text = typeof key === "string" ? key : keyText(key as Exclude<RecordKey, null>);
  const positive = toPositive(hashKey(text));
  return `toPositive(murmur2(${JSON.stringify(text)})) = ${positive}, ${positive} % ${partitions} = ${positive % partitions}`;
}
