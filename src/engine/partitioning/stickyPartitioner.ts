/**
 * The sticky partitioner: where a record with a null key goes (KIP-480, reworked by KIP-794 into Kafka's
 * `BuiltInPartitioner`).
 *
 * Spreading keyless records one by one over all partitions makes many tiny batches. Instead the producer *sticks* to
 * one partition until it has sent about `batch.size` bytes there, then switches. Kafka's rule
 * (`BuiltInPartitioner#updatePartitionInfo`): after appending a record, add its size to the bytes produced to the
 * sticky partition; once that reaches `batch.size`, choose the next sticky partition. So the record that crosses the
 * threshold still goes to the old partition, and the first partition is chosen at the first keyless record.
 *
 * Differences from Kafka, on purpose:
 * - The next partition is drawn uniformly from the *other* partitions with the seeded generator (as KIP-480's
 *   `StickyPartitionCache` did), so every switch is visible. KIP-794 draws from all partitions (it may pick the same
 *   one again) and, by default, weights the draw by each partition's queue length; a simulation has no queues.
 * - Kafka may delay a switch until the current batch is ready to send (up to 2 × `batch.size`); we switch at
 *   `batch.size`.
 * - Record sizes are estimates (see `recordSize.ts`).
 */
import type { SeededRandom } from "../random/seededRandom";

export { estimateRecordBytes } from "./recordSize";

/** Kafka's default `batch.size`, in bytes. */
export const DEFAULT_BATCH_SIZE_BYTES = 16384;

/** Everything the sticky partitioner remembers, as a plain object (for snapshots). */
export interface StickyPartitionerState {
  /** The current sticky partition; -1 before the first keyless record. */
  partition: number;
  /** Bytes sent to `partition` since it was chosen. */
  producedBytes: number;
}

export class StickyPartitioner {
  private readonly s: StickyPartitionerState;

  /**
   * @param numPartitions the topic's partition count (a positive integer)
   * @param batchSizeBytes bytes to send to one partition before switching (Kafka's `batch.size`, at least 1)
   * @param random the generator that chooses partitions (one per producer, e.g. from `SeededRandom#fork`)
   * @param state a state to resume from (copied), e.g. from a snapshot
   */
  constructor(
    readonly numPartitions: number,
    readonly batchSizeBytes: number,
    private readonly random: SeededRandom,
    state: StickyPartitionerState = { partition: -1, producedBytes: 0 },
  ) {
    if (!Number.isInteger(numPartitions) || numPartitions < 1) {
      throw new RangeError(`a topic needs at least one partition, got ${numPartitions}`);
    }
    if (!(batchSizeBytes >= 1) || !Number.isFinite(batchSizeBytes)) {
      throw new RangeError(`batch.size must be at least 1 byte, got ${batchSizeBytes}`);
    }
    if (!Number.isInteger(state.partition) || state.partition < -1 || state.partition >= numPartitions) {
      throw new RangeError(`sticky partition ${state.partition} is not one of ${numPartitions} partitions`);
    }
    if (!(state.producedBytes >= 0) || !Number.isFinite(state.producedBytes)) {
      throw new RangeError(`produced bytes must be a finite number ≥ 0, got ${state.producedBytes}`);
    }
    this.s = { partition: state.partition, producedBytes: state.producedBytes };
  }

  /** A copy of the current state. */
  get state(): StickyPartitionerState {
    return { ...this.s };
  }

  /** The partition for the next keyless record of `recordBytes` bytes; may switch partitions after it. */
  next(recordBytes: number): number {
    if (!(recordBytes >= 0) || !Number.isFinite(recordBytes)) {
      throw new RangeError(`a record's size must be a finite number of bytes ≥ 0, got ${recordBytes}`);
    }
    const s = this.s;
    if (s.partition < 0) s.partition = this.choose(-1);
    const partition = s.partition;
    s.producedBytes += recordBytes;
    if (s.producedBytes >= this.batchSizeBytes) {
      s.partition = this.choose(partition);
      s.producedBytes = 0;
    }
    return partition;
  }

  /** A partition other than `previous` (any partition when `previous` is -1), uniformly; 0 with one partition. */
  private choose(previous: number): number {
    const n = this.numPartitions;
    if (n === 1) return 0;
    if (previous < 0) return this.random.nextInt(n);
    const drawn = this.random.nextInt(n - 1);
    return drawn >= previous ? drawn + 1 : drawn;
  }
}
