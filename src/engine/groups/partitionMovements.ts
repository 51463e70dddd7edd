/**
 * Book-keeping of partition moves during one general sticky assignment (`AbstractStickyAssignor.PartitionMovements`).
 *
 * Each moved partition remembers the member it started on (`src`) and the member it is on now (`dst`). When the
 * balancer wants to move a partition of topic T from member A to member B although some partition of T already
 * moved from B to A in this assignment, it moves that earlier partition back instead: stickiness means partitions of
 * a topic should not swap between two members (`getTheActualPartitionToBeMoved`).
 *
 * Example: t-0 moved C1 -> C2; later the balancer wants to move t-3 from C2 to C1. It moves t-0 back to C1 instead,
 * and t-0's record disappears, as if it had never moved.
 */
import type { TopicPartition } from "./assignor";
import { JavaHashSet, javaTopicPartitionHashCode } from "./javaHashOrder";
import { formatTopicPartition } from "./topicPartition";

interface Move {
  src: string;
  dst: string;
}

const pairKey = (src: string, dst: string): string => JSON.stringify([src, dst]);

export class PartitionMovements {
  /** Partition key -> its move. */
  private readonly movements = new Map<string, Move>();
  /** Topic -> pair key -> partitions (by key) that moved between that pair. */
  private readonly byTopic = new Map<string, Map<string, JavaHashSet<TopicPartition>>>();

  /**
   * The partition to move when `partition` should go from `oldConsumer` to `newConsumer`: an earlier move of the
   * same topic the other way, if any: the first element Java's `HashSet` of such moves iterates.
   */
  actualPartitionToBeMoved(
    partition: TopicPartition,
    oldConsumer: string,
    newConsumer: string,
  ): TopicPartition {
    const forTopic = this.byTopic.get(partition.topic);
    if (forTopic === undefined) return partition;
    const earlier = this.movements.get(formatTopicPartition(partition));
    const from = earlier === undefined ? oldConsumer : earlier.src;
    const reverse = forTopic.get(pairKey(newConsumer, from));
    if (reverse === undefined) return partition;
    return reverse.first()!;
  }

  /** Records that `partition` moved from `oldConsumer` to `newConsumer` (`PartitionMovements#movePartition`). */
  movePartition(partition: TopicPartition, oldConsumer: string, newConsumer: string): void {
    const key = formatTopicPartition(partition);
    const existing = this.movements.get(key);
    if (existing === undefined) {
      this.add(partition, { src: oldConsumer, dst: newConsumer });
      return;
    }
    this.remove(partition, existing);
    // A partition moving back to where it started has not moved at all.
    if (existing.src !== newConsumer) this.add(partition, { src: existing.src, dst: newConsumer });
  }

  private add(partition: TopicPartition, move: Move): void {
    const key = formatTopicPartition(partition);
    this.movements.set(key, move);
    let forTopic = this.byTopic.get(partition.topic);
    if (forTopic === undefined) {
      forTopic = new Map();
      this.byTopic.set(partition.topic, forTopic);
    }
    const pair = pairKey(move.src, move.dst);
    let partitions = forTopic.get(pair);
    if (partitions === undefined) {
      partitions = new JavaHashSet(javaTopicPartitionHashCode);
      forTopic.set(pair, partitions);
    }
    partitions.add(key, partition);
  }

  private remove(partition: TopicPartition, move: Move): void {
    const key = formatTopicPartition(partition);
    this.movements.delete(key);
    const forTopic = this.byTopic.get(partition.topic)!;
    const pair = pairKey(move.src, move.dst);
    const partitions = forTopic.get(pair)!;
    partitions.delete(key);
    if (partitions.size === 0) forTopic.delete(pair);
    if (forTopic.size === 0) this.byTopic.delete(partition.topic);
  }
}
