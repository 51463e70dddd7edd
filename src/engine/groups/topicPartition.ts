/**
 * Helpers for {@link TopicPartition}: printing, ordering and keys.
 *
 * Strings compare by UTF-16 code units, as Java's `String#compareTo` does (not `localeCompare`).
 */
import type { TopicPartition } from "./assignor";

export function topicPartition(topic: string, partition: number): TopicPartition {
  return { topic, partition };
}

/** `orders-2`, like Kafka's `TopicPartition#toString`. Unique per partition, so it doubles as a map key. */
export function formatTopicPartition(tp: TopicPartition): string {
  return `${tp.topic}-${tp.partition}`;
}

/** Java's `String#compareTo` sign: UTF-16 code unit order. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By topic, then partition: the order of every list in an `Assignment`. */
export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  return compareStrings(a.topic, b.topic) || a.partition - b.partition;
}

/** Partitions 0..count-1 of a topic (`AbstractPartitionAssignor#partitions`). */
export function partitionsOf(topic: string, count: number): TopicPartition[] {
  return Array.from({ length: count }, (_, partition) => topicPartition(topic, partition));
}

/** A sorted copy. */
export function sortTopicPartitions(partitions: readonly TopicPartition[]): TopicPartition[] {
  return [...partitions].sort(compareTopicPartitions);
}
