/**
 * The validated input every assignor starts from, and the common shape of its result.
 *
 * Like `AbstractPartitionAssignor#assign(Cluster, GroupSubscription)`, an assignor only sees the topics some member
 * subscribes to that exist with at least one partition ("Topics not in metadata will be excluded"). A real consumer
 * sends a set of topics and a set of owned partitions, so duplicates are dropped here; owned partitions that do not
 * exist in the metadata (a deleted topic, a shrunk test fixture) are dropped too, which changes nothing Kafka would
 * do with them except avoid assigning a partition that does not exist.
 */
import type { Assignment, AssignmentInput, TopicPartition } from "./assignor";
import { compareStrings, formatTopicPartition, sortTopicPartitions, topicPartition } from "./topicPartition";

/** A member after validation: topics and owned partitions without duplicates. */
export interface Subscriber {
  memberId: string;
  groupInstanceId: string | null;
  /** In the member's order, without duplicates. */
  topics: readonly string[];
  topicSet: ReadonlySet<string>;
  /** Existing partitions only, in the member's order, without duplicates. */
  ownedPartitions: readonly TopicPartition[];
  generation: number;
}

export interface GroupSubscription {
  /** Subscribed topics with at least one partition, in topic-name order, with their partition counts. */
  partitionsPerTopic: ReadonlyMap<string, number>;
  /** In input order. */
  members: readonly Subscriber[];
}

export function groupSubscription(input: AssignmentInput): GroupSubscription {
  const counts = new Map<string, number>();
  for (const [topic, count] of Object.entries(input.partitionsPerTopic)) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`topic ${topic} has ${count} partitions; a partition count is an integer >= 0`);
    }
    counts.set(topic, count);
  }
  const seen = new Set<string>();
  const members = input.members.map((member): Subscriber => {
    if (seen.has(member.memberId)) throw new RangeError(`duplicate member id ${member.memberId}`);
    // Results are keyed by member id in plain objects, where "__proto__" would set the prototype instead.
    if (member.memberId === "__proto__") throw new RangeError('"__proto__" cannot be a member id');
    seen.add(member.memberId);
    const topicSet = new Set(member.topics);
    const owned = new Map<string, TopicPartition>();
    for (const tp of member.ownedPartitions) {
      if (!Number.isInteger(tp.partition) || tp.partition < 0) {
        throw new RangeError(
          `member ${member.memberId} owns ${formatTopicPartition(tp)}: not a partition index`,
        );
      }
      if (tp.partition < (counts.get(tp.topic) ?? 0)) {
        owned.set(formatTopicPartition(tp), topicPartition(tp.topic, tp.partition));
      }
    }
    return {
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      topics: [...topicSet],
      topicSet,
      ownedPartitions: [...owned.values()],
      generation: member.generation,
    };
  });
  const subscribed = [...new Set(members.flatMap((member) => member.topics))].sort(compareStrings);
  const partitionsPerTopic = new Map<string, number>();
  for (const topic of subscribed) {
    const count = counts.get(topic) ?? 0;
    if (count > 0) partitionsPerTopic.set(topic, count);
  }
  return { partitionsPerTopic, members };
}

/** Sorts each member's partitions and gives every member an entry, possibly `[]`. */
export function sortedByMember(
  members: readonly Subscriber[],
  partitionsByMember: ReadonlyMap<string, readonly TopicPartition[]>,
): Record<string, TopicPartition[]> {
  const byMember: Record<string, TopicPartition[]> = {};
  for (const member of members) {
    byMember[member.memberId] = sortTopicPartitions(partitionsByMember.get(member.memberId) ?? []);
  }
  return byMember;
}

/** An {@link Assignment} with sorted lists and every member present. */
export function toAssignment(
  members: readonly Subscriber[],
  partitionsByMember: ReadonlyMap<string, readonly TopicPartition[]>,
): Assignment {
  return { byMember: sortedByMember(members, partitionsByMember) };
}
