/**
 * Partitioner strategies: how a producer (or a Kafka Streams sink) chooses the partition of each record.
 *
 * A strategy is a {@link Partitioner}: a name plus `partition(input, numPartitions)`, like Kafka's `Partitioner`
 * interface (`partition(topic, key, keyBytes, value, valueBytes, cluster)`). Create one partitioner per producer
 * and topic, as Kafka keeps one `BuiltInPartitioner` per topic: the sticky state is per topic.
 *
 * In every strategy an explicit partition on the record wins (`KafkaProducer#partition`), and must be a valid index.
 */
import type { PartitionIndex, RecordKey } from "../model";
import type { SeededRandom } from "../random/seededRandom";
import type { PartitionRule } from "../trace/traceEvent";
import { partitionForJsonKey } from "./keyedPartitioner";
import { toPositive } from "./murmur2";
import {
  DEFAULT_BATCH_SIZE_BYTES,
  StickyPartitioner,
  type StickyPartitionerState,
} from "./stickyPartitioner";

export type { PartitionRule };

/** What a partitioner sees of a record. */
export interface PartitionInput {
  key: RecordKey;
  /** The record's explicit partition, if it has one. */
  explicitPartition: PartitionIndex | undefined;
  /** The record's estimated size (`estimateRecordBytes`); only the sticky partitioner reads it. */
  sizeBytes: number;
}

/** The chosen partition and the rule that chose it (shown in the trace). */
export interface PartitionChoice {
  partition: PartitionIndex;
  rule: PartitionRule;
}

export interface Partitioner {
  readonly name: string;
  /** Chooses a partition in [0, numPartitions). Throws a `RangeError` for an invalid explicit partition. */
  partition(input: PartitionInput, numPartitions: number): PartitionChoice;
}

/** Options of the built-in partitioner. */
export interface DefaultPartitionerOptions {
  /** Kafka's `batch.size`: bytes of keyless records sent to one partition before switching (default 16384). */
  batchSizeBytes?: number;
  /** Sticky state to resume from (e.g. a snapshot's). */
  stickyState?: StickyPartitionerState;
}

/** The built-in partitioner, whose sticky state can be read for snapshots. */
export interface DefaultPartitioner extends Partitioner {
  /** The sticky partitioner's state; `undefined` until the first keyless record. */
  readonly stickyState: StickyPartitionerState | undefined;
}

/**
 * Kafka's default partitioning (`KafkaProducer#partition` + `BuiltInPartitioner`), in order:
 * 1. an explicit partition wins (`explicit`);
 * 2. a non-null key goes to `toPositive(murmur2(keyBytes)) % numPartitions` (`murmur2`);
 * 3. a null key goes to the sticky partition (`sticky`), which switches after about `batch.size` bytes.
 *
 * `random` chooses sticky partitions; give each producer its own stream (`SeededRandom#fork`).
 */
export function createDefaultPartitioner(
  random: SeededRandom,
  options: DefaultPartitionerOptions = {},
): DefaultPartitioner {
  const batchSizeBytes = options.batchSizeBytes ?? DEFAULT_BATCH_SIZE_BYTES;
  let resumeFrom = options.stickyState;
  let sticky: StickyPartitioner | undefined;
  return {
    name: "default",
    get stickyState() {
      return sticky?.state ?? (resumeFrom && { ...resumeFrom });
    },
    partition(input, numPartitions) {
      checkPartitionCount(numPartitions);
      if (input.explicitPartition !== undefined) {
        return {
          partition: checkExplicitPartition(input.explicitPartition, numPartitions),
          rule: "explicit",
        };
      }
      if (input.key !== null)
        return { partition: partitionForJsonKey(input.key, numPartitions), rule: "murmur2" };
      if (sticky === undefined || sticky.numPartitions !== numPartitions) {
        // A topic's partition count is fixed during a run; if a caller changes it, stickiness starts over.
        sticky = new StickyPartitioner(numPartitions, batchSizeBytes, random, resumeFrom);
        resumeFrom = undefined;
      }
      return { partition: sticky.next(input.sizeBytes), rule: "sticky" };
    },
  };
}

/** A user-defined partition function: any number, made a valid partition by {@link customPartitionIndex}. */
export type CustomPartitionFunction = (key: RecordKey, numPartitions: number) => number;

/**
 * A partitioner around a user function (Kafka's `partitioner.class`). An explicit partition still wins; every
 * other record, keyless or not, goes to `customPartitionIndex(fn(key, numPartitions), numPartitions)` (`custom`).
 * A function that returns a non-number throws a `TypeError`.
 */
export function createCustomPartitioner(name: string, fn: CustomPartitionFunction): Partitioner {
  return {
    name,
    partition(input, numPartitions) {
      checkPartitionCount(numPartitions);
      if (input.explicitPartition !== undefined) {
        return {
          partition: checkExplicitPartition(input.explicitPartition, numPartitions),
          rule: "explicit",
        };
      }
      const result: unknown = fn(input.key, numPartitions);
      if (typeof result !== "number") {
        throw new TypeError(`partitioner "${name}" must return a number, got ${describeValue(result)}`);
      }
      return { partition: customPartitionIndex(result, numPartitions), rule: "custom" };
    },
  };
}

/**
 * Maps any number to a partition: `toPositive(Math.trunc(n)) % numPartitions`. Fractions are truncated toward
 * zero; `toPositive` (`n & 0x7fffffff`) first wraps the integer to 32 bits like a Java `int`, then clears the sign
 * bit, so `-1` becomes `2147483647 % numPartitions` (not 1); `NaN` and `±Infinity` become 0. Kafka itself rejects
 * an out-of-range result; we map it so any expression a learner writes gives a valid partition.
 */
export function customPartitionIndex(n: number, numPartitions: number): PartitionIndex {
  return toPositive(Math.trunc(n)) % numPartitions;
}

/** The strategies a scenario names, by name (Kafka's `partitioner.class`). Custom ones are built from user code. */
export const builtInPartitioners = {
  default: createDefaultPartitioner,
} as const satisfies Record<
  string,
  (random: SeededRandom, options?: DefaultPartitionerOptions) => Partitioner
>;

function checkPartitionCount(numPartitions: number): void {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`a topic needs a positive whole number of partitions, got ${numPartitions}`);
  }
}

/** Kafka's producer refuses an explicit partition outside the topic (`KafkaProducer#waitOnMetadata`). */
function checkExplicitPartition(partition: number, numPartitions: number): PartitionIndex {
  if (!Number.isInteger(partition) || partition < 0 || partition >= numPartitions) {
    throw new RangeError(
      `explicit partition ${partition} is not a partition of the topic: it has ${numPartitions} partition` +
        `${numPartitions === 1 ? "" : "s"} (valid: 0..${numPartitions - 1})`,
    );
  }
  return partition;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `the string ${JSON.stringify(value)}` : typeof value;
}
