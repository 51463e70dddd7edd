/**
 * The sticky assignors' general path, used when members subscribe to different topics
 * (`AbstractStickyAssignor.GeneralAssignmentBuilder`). It guarantees an assignment that is as balanced as possible:
 * partition counts differ by at most one, or a member with 2+ fewer partitions than another cannot take any of that
 * member's partitions (it is not subscribed to their topics). Then it keeps as many previous owners as it can.
 *
 * 1. Keep every member's previously owned partitions of topics it still subscribes to.
 * 2. Give each unassigned partition (topics with the fewest potential consumers first, then by name) to the
 *    subscribed member holding the fewest partitions (ties by member id).
 * 3. Move partitions from members with 2+ more than another subscriber of the topic until balanced, preferring to
 *    give a partition back to the member of an older generation that owned it, and undoing earlier moves of the same
 *    topic between the same two members. If that did not improve the balance score (sum of count differences over
 *    all member pairs) and some member owned partitions before, keep the assignment from before step 3.
 *
 * Example (`StickyAssignor` javadoc, example 2): C0 subscribes to t0; C1 to t0, t1; C2 to t0, t1, t2 (1, 2 and 3
 * partitions). Topics by potential consumers: t2, t1, t0, so C2 gets [t2-0, t2-1, t2-2], C1 [t1-0, t1-1], C0 [t0-0].
 * When C0 leaves, t0-0 goes to C1, the least loaded subscriber, and nothing else moves.
 *
 * Differences from Java, for inputs a real group cannot produce: a previous owner that is not subscribed to the
 * topic (any more) or whose assignment is fixed is not given the partition back (Java would assign it to a member
 * not subscribed to its topic, or fail with a `NullPointerException`). Rack-aware steps are skipped.
 */
import type { TopicPartition } from "./assignor";
import type { Subscriber } from "./groupSubscription";
import { MembersBySize } from "./membersBySize";
import { PartitionMovements } from "./partitionMovements";
import type { StickyResult } from "./stickyAssignment";
import { compareStrings, formatTopicPartition, partitionsOf } from "./topicPartition";

export interface GeneralInput {
  partitionsPerTopic: ReadonlyMap<string, number>;
  /** In the order Java iterates its subscriptions `HashMap` (see `stickyAssignment`). */
  members: readonly Subscriber[];
  /** Per member: previously owned partitions it may keep (see `previousOwnership`). */
  ownedByMember: ReadonlyMap<string, ReadonlyMap<string, TopicPartition>>;
  maxGeneration: number;
}

export function generalAssignment(input: GeneralInput): StickyResult {
  const { partitionsPerTopic, members } = input;
  if (members.length === 0) return { byMember: new Map(), partitionsTransferringOwnership: null };
  const memberById = new Map(members.map((m) => [m.memberId, m]));
  // GeneralAssignmentBuilder's constructor
  const topic2AllPotentialConsumers = new Map<string, string[]>(
    [...partitionsPerTopic.keys()].map((t) => [t, []]),
  );
  const consumer2AllPotentialTopics = new Map<string, string[]>();
  for (const member of members) {
    const topics = member.topics.filter((topic) => partitionsPerTopic.has(topic));
    consumer2AllPotentialTopics.set(member.memberId, topics);
    for (const topic of topics) topic2AllPotentialConsumers.get(topic)!.push(member.memberId);
  }
  const currentAssignment = new Map<string, TopicPartition[]>(
    members.map((m) => [m.memberId, [...(input.ownedByMember.get(m.memberId)?.values() ?? [])]]),
  );
  let currentPartitionConsumer = new Map<string, string>();
  for (const [memberId, partitions] of currentAssignment) {
    for (const tp of partitions) currentPartitionConsumer.set(formatTopicPartition(tp), memberId);
  }
  // TopicComparator: fewest potential consumers first, then by name.
  const sortedAllTopics = [...topic2AllPotentialConsumers.keys()].sort(
    (a, b) =>
      topic2AllPotentialConsumers.get(a)!.length - topic2AllPotentialConsumers.get(b)!.length ||
      compareStrings(a, b),
  );
  const sortedAllPartitions = sortedAllTopics.flatMap((t) => partitionsOf(t, partitionsPerTopic.get(t)!));
  const sizeOf = (memberId: string): number => currentAssignment.get(memberId)!.length;
  const sortedCurrentSubscriptions = new MembersBySize(sizeOf);
  const partitionMovements = new PartitionMovements();
  const canTopicParticipateInReassignment = (topic: string): boolean =>
    topic2AllPotentialConsumers.get(topic)!.length >= 2;
  const maxAssignmentSize = (memberId: string): number =>
    consumer2AllPotentialTopics
      .get(memberId)!
      .reduce((sum, topic) => sum + partitionsPerTopic.get(topic)!, 0);
  const subscribes = (memberId: string, topic: string): boolean =>
    consumer2AllPotentialTopics.get(memberId)!.includes(topic);

  // GeneralAssignmentBuilder#prepopulateCurrentAssignments: the latest claim of an older generation, per partition.
  const prevAssignment = new Map<string, { memberId: string; generation: number }>();
  for (const member of members) {
    if (member.generation >= input.maxGeneration) continue;
    for (const tp of member.ownedPartitions) {
      const key = formatTopicPartition(tp);
      const previous = prevAssignment.get(key);
      if (previous === undefined || member.generation > previous.generation) {
        prevAssignment.set(key, { memberId: member.memberId, generation: member.generation });
      }
    }
  }

  // GeneralAssignmentBuilder#assignOwnedPartitions: drop partitions of topics a member no longer subscribes to.
  let revocationRequired = false;
  const assignedPartitions = new Set<string>();
  for (const [memberId, partitions] of currentAssignment) {
    const kept = partitions.filter((tp) => memberById.get(memberId)!.topicSet.has(tp.topic));
    if (kept.length < partitions.length) revocationRequired = true;
    for (const tp of kept) assignedPartitions.add(formatTopicPartition(tp));
    currentAssignment.set(memberId, kept);
  }
  const unassignedPartitions = sortedAllPartitions.filter(
    (tp) => !assignedPartitions.has(formatTopicPartition(tp)),
  );
  for (const memberId of currentAssignment.keys()) sortedCurrentSubscriptions.add(memberId);

  const isBalanced = (): boolean => {
    const first = sortedCurrentSubscriptions.first();
    const last = sortedCurrentSubscriptions.last();
    if (first === undefined || last === undefined || sizeOf(first) >= sizeOf(last) - 1) return true;
    const allPartitions = new Map<string, string>();
    for (const [memberId, partitions] of currentAssignment) {
      for (const tp of partitions) allPartitions.set(formatTopicPartition(tp), memberId);
    }
    for (const consumer of sortedCurrentSubscriptions.toArray()) {
      const count = sizeOf(consumer);
      if (count === maxAssignmentSize(consumer)) continue;
      const own = new Set(currentAssignment.get(consumer)!.map(formatTopicPartition));
      for (const topic of consumer2AllPotentialTopics.get(consumer)!) {
        for (const tp of partitionsOf(topic, partitionsPerTopic.get(topic)!)) {
          const key = formatTopicPartition(tp);
          const other = allPartitions.get(key);
          if (!own.has(key) && other !== undefined && count + 1 < sizeOf(other)) return false;
        }
      }
    }
    return true;
  };

  const processPartitionMovement = (partition: TopicPartition, newConsumer: string): void => {
    const key = formatTopicPartition(partition);
    const oldConsumer = currentPartitionConsumer.get(key)!;
    sortedCurrentSubscriptions.remove(oldConsumer);
    sortedCurrentSubscriptions.remove(newConsumer);
    partitionMovements.movePartition(partition, oldConsumer, newConsumer);
    const from = currentAssignment.get(oldConsumer)!;
    from.splice(from.map(formatTopicPartition).indexOf(key), 1);
    currentAssignment.get(newConsumer)!.push(partition);
    currentPartitionConsumer.set(key, newConsumer);
    sortedCurrentSubscriptions.add(newConsumer);
    sortedCurrentSubscriptions.add(oldConsumer);
  };

  const reassignPartition = (partition: TopicPartition, newConsumer?: string): void => {
    // Without a target: the least loaded member subscribed to the topic.
    const target =
      newConsumer ??
      sortedCurrentSubscriptions.toArray().find((member) => subscribes(member, partition.topic))!;
    const consumer = currentPartitionConsumer.get(formatTopicPartition(partition))!;
    processPartitionMovement(
      partitionMovements.actualPartitionToBeMoved(partition, consumer, target),
      target,
    );
  };

  const performReassignments = (reassignablePartitions: readonly TopicPartition[]): boolean => {
    let reassignmentPerformed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const partition of reassignablePartitions) {
        if (isBalanced()) break;
        const consumer = currentPartitionConsumer.get(formatTopicPartition(partition))!;
        const previous = prevAssignment.get(formatTopicPartition(partition));
        if (
          previous !== undefined &&
          currentAssignment.has(previous.memberId) &&
          subscribes(previous.memberId, partition.topic) &&
          sizeOf(consumer) > sizeOf(previous.memberId) + 1
        ) {
          reassignPartition(partition, previous.memberId);
          reassignmentPerformed = modified = true;
          continue;
        }
        for (const other of topic2AllPotentialConsumers.get(partition.topic)!) {
          if (currentAssignment.has(other) && sizeOf(consumer) > sizeOf(other) + 1) {
            reassignPartition(partition);
            reassignmentPerformed = modified = true;
            break;
          }
        }
      }
    } while (modified);
    return reassignmentPerformed;
  };

  // GeneralAssignmentBuilder#balance
  const initializing = sizeOf(sortedCurrentSubscriptions.last()!) === 0;
  for (const partition of unassignedPartitions) {
    // maybeAssignPartition: the least loaded member subscribed to the topic.
    const consumer = sortedCurrentSubscriptions
      .toArray()
      .find((member) => subscribes(member, partition.topic));
    if (consumer === undefined) continue;
    sortedCurrentSubscriptions.remove(consumer);
    currentAssignment.get(consumer)!.push(partition);
    currentPartitionConsumer.set(formatTopicPartition(partition), consumer);
    sortedCurrentSubscriptions.add(consumer);
  }

  // Narrow the reassignment down to partitions of topics with 2+ potential consumers, and to members that could
  // take or give a partition.
  const reassignable = (partitions: readonly TopicPartition[]): TopicPartition[] =>
    partitions.filter((tp) => canTopicParticipateInReassignment(tp.topic));
  const fixedAssignments = new Map<string, TopicPartition[]>();
  for (const memberId of consumer2AllPotentialTopics.keys()) {
    const partitions = currentAssignment.get(memberId)!;
    const canParticipate =
      partitions.length < maxAssignmentSize(memberId) ||
      partitions.some((tp) => canTopicParticipateInReassignment(tp.topic));
    if (!canParticipate) {
      sortedCurrentSubscriptions.remove(memberId);
      fixedAssignments.set(memberId, partitions);
      currentAssignment.delete(memberId);
    }
  }

  const preBalanceAssignment = deepCopy(currentAssignment);
  const preBalancePartitionConsumers = new Map(currentPartitionConsumer);
  // First try to balance by moving only newly assigned partitions, unless subscriptions changed.
  if (!revocationRequired) performReassignments(reassignable(unassignedPartitions));
  const reassignmentPerformed = performReassignments(reassignable(sortedAllPartitions));
  if (
    !initializing &&
    reassignmentPerformed &&
    balanceScore(currentAssignment) >= balanceScore(preBalanceAssignment)
  ) {
    currentAssignment.clear();
    for (const [memberId, partitions] of deepCopy(preBalanceAssignment))
      currentAssignment.set(memberId, partitions);
    currentPartitionConsumer = preBalancePartitionConsumers;
  }
  for (const [memberId, partitions] of fixedAssignments) currentAssignment.set(memberId, partitions);
  return { byMember: currentAssignment, partitionsTransferringOwnership: null };
}

function deepCopy(assignment: ReadonlyMap<string, readonly TopicPartition[]>): Map<string, TopicPartition[]> {
  return new Map([...assignment].map(([memberId, partitions]) => [memberId, [...partitions]]));
}

/** `GeneralAssignmentBuilder#getBalanceScore`: the sum of count differences over all member pairs; 0 is perfect. */
function balanceScore(assignment: ReadonlyMap<string, readonly TopicPartition[]>): number {
  const sizes = [...assignment.values()].map((partitions) => partitions.length);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) {
    for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
  }
  return score;
}
