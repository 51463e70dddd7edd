/**
 * The sticky assignors' fast path when every member subscribes to the same topics
 * (`AbstractStickyAssignor.ConstrainedAssignmentBuilder`; KAFKA-9987, reworked by KAFKA-12464).
 *
 * With `T` partitions and `N` members, every member ends with `minQuota = floor(T / N)` or
 * `maxQuota = ceil(T / N)` partitions, and exactly `T % N` members get `maxQuota`.
 * 1. in the subscriptions map's order (see `stickyAssignment`), each member keeps its previously owned partitions
 *    (lowest partition numbers first, across topics), up to `maxQuota` while some of the `T % N` larger slots are
 *    free, otherwise up to `minQuota`; the rest are revoked;
 * 2. the unassigned partitions (topics by name, partitions in order) are dealt round robin to the members below
 *    `minQuota`, then one each to members at `minQuota` until the larger slots are used up.
 *
 * So each member keeps `min(previously owned, new count)` of its partitions: it loses one only when all of its new
 * partitions are previously owned ones.
 *
 * Example (`testAddRemoveTwoConsumersTwoTopics`): C1 owns [t1-0, t1-2, t2-1, t2-3] and C2 owns [t1-1, t2-0, t2-2];
 * C3 and C4 join. 7 partitions over 4 members: quotas 1..2, three members get 2. C1 keeps [t1-0, t2-1] (revokes
 * t1-2, t2-3), C2 keeps [t2-0, t1-1] (revokes t2-2); then C3 gets t1-2, C4 t2-2, C3 t2-3.
 *
 * Step 1's order decides who gets the larger slots when more members own `maxQuota` than there are slots: in
 * `testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers` consumer1 and consumer2 both own 2 of 4 partitions
 * and only one may keep 2; Java's `HashMap` visits consumer2 first, so consumer2 keeps 2. Step 2 deals to members
 * sorted by id. Rack-aware steps are skipped (no racks in this model).
 */
import type { TopicPartition } from "./assignor";
import type { StickyResult } from "./stickyAssignment";
import { compareStrings, formatTopicPartition, partitionsOf } from "./topicPartition";

export interface ConstrainedInput {
  /** Subscribed topics with their partition counts. */
  partitionsPerTopic: ReadonlyMap<string, number>;
  /** Every member id, in the order Java iterates its subscriptions `HashMap` (see `stickyAssignment`). */
  memberIds: readonly string[];
  /** Per member: previously owned partitions it may keep (see `previousOwnership`). */
  ownedByMember: ReadonlyMap<string, ReadonlyMap<string, TopicPartition>>;
  partitionsWithMultiplePreviousOwners: ReadonlyMap<string, TopicPartition>;
}

/** Sorts by partition number, then topic: `Comparator.comparing(TopicPartition::partition).thenComparing(topic)`. */
function byPartitionThenTopic(a: TopicPartition, b: TopicPartition): number {
  return a.partition - b.partition || compareStrings(a.topic, b.topic);
}

export function constrainedAssignment(input: ConstrainedInput): StickyResult {
  const { partitionsPerTopic, memberIds, partitionsWithMultiplePreviousOwners } = input;
  const transferring = new Map<string, { partition: TopicPartition; memberId: string }>();
  const assignment = new Map<string, TopicPartition[]>(memberIds.map((id) => [id, []]));
  if (memberIds.length === 0) return { byMember: assignment, partitionsTransferringOwnership: transferring };

  let totalPartitionsCount = 0;
  for (const count of partitionsPerTopic.values()) totalPartitionsCount += count;
  const minQuota = Math.floor(totalPartitionsCount / memberIds.length);
  const maxQuota = Math.ceil(totalPartitionsCount / memberIds.length);
  const expectedNumMembersWithOverMinQuotaPartitions = totalPartitionsCount % memberIds.length;
  let currentNumMembersWithOverMinQuotaPartitions = 0;

  const unfilledUnderMinQuota: string[] = [];
  let unfilledExactlyMinQuota: string[] = [];
  const assigned = new Set<string>();
  const allRevokedPartitions = new Set<string>();
  const keep = (memberId: string, partitions: readonly TopicPartition[]): void => {
    assignment.get(memberId)!.push(...partitions);
    for (const tp of partitions) assigned.add(formatTopicPartition(tp));
  };

  // ConstrainedAssignmentBuilder#assignOwnedPartitions
  for (const memberId of memberIds) {
    const owned = [...(input.ownedByMember.get(memberId)?.values() ?? [])]
      .filter((tp) => !partitionsWithMultiplePreviousOwners.has(formatTopicPartition(tp)))
      .sort(byPartitionThenTopic);
    if (owned.length < minQuota) {
      keep(memberId, owned);
      unfilledUnderMinQuota.push(memberId);
    } else if (
      owned.length >= maxQuota &&
      currentNumMembersWithOverMinQuotaPartitions < expectedNumMembersWithOverMinQuotaPartitions
    ) {
      currentNumMembersWithOverMinQuotaPartitions++;
      if (currentNumMembersWithOverMinQuotaPartitions === expectedNumMembersWithOverMinQuotaPartitions) {
        unfilledExactlyMinQuota = [];
      }
      keep(memberId, owned.slice(0, maxQuota));
      for (const tp of owned.slice(maxQuota)) allRevokedPartitions.add(formatTopicPartition(tp));
    } else {
      keep(memberId, owned.slice(0, minQuota));
      for (const tp of owned.slice(minQuota)) allRevokedPartitions.add(formatTopicPartition(tp));
      if (currentNumMembersWithOverMinQuotaPartitions < expectedNumMembersWithOverMinQuotaPartitions) {
        unfilledExactlyMinQuota.push(memberId);
      }
    }
  }

  // ConstrainedAssignmentBuilder#getUnassignedPartitions: all partitions, topics sorted, minus the kept ones.
  const unassigned: TopicPartition[] = [];
  for (const topic of [...partitionsPerTopic.keys()].sort(compareStrings)) {
    for (const tp of partitionsOf(topic, partitionsPerTopic.get(topic)!)) {
      if (!assigned.has(formatTopicPartition(tp))) unassigned.push(tp);
    }
  }
  unfilledUnderMinQuota.sort(compareStrings);
  unfilledExactlyMinQuota.sort(compareStrings);

  // ConstrainedAssignmentBuilder#assignRoundRobin. `cursor` emulates the Java iterator over the under-minQuota list:
  // it is restarted when exhausted, and `remove()` drops the member it just returned.
  let cursor = 0;
  for (const partition of unassigned) {
    let memberId: string;
    if (cursor < unfilledUnderMinQuota.length) {
      memberId = unfilledUnderMinQuota[cursor++]!;
    } else if (unfilledUnderMinQuota.length === 0 && unfilledExactlyMinQuota.length === 0) {
      throw new Error(
        "constrained sticky assignment: no more unfilled consumers to be assigned (assignor bug)",
      );
    } else if (unfilledUnderMinQuota.length === 0) {
      memberId = unfilledExactlyMinQuota.shift()!;
    } else {
      cursor = 0;
      memberId = unfilledUnderMinQuota[cursor++]!;
    }
    // ConstrainedAssignmentBuilder#assignNewPartition
    const partitions = assignment.get(memberId)!;
    partitions.push(partition);
    const key = formatTopicPartition(partition);
    if (allRevokedPartitions.has(key) || partitionsWithMultiplePreviousOwners.has(key)) {
      transferring.set(key, { partition, memberId });
    }
    if (partitions.length === minQuota) {
      cursor--;
      unfilledUnderMinQuota.splice(cursor, 1);
      unfilledExactlyMinQuota.push(memberId);
    } else if (partitions.length === maxQuota) {
      currentNumMembersWithOverMinQuotaPartitions++;
    }
  }

  // ConstrainedAssignmentBuilder#verifyUnfilledMembers
  if (
    unfilledUnderMinQuota.length > 0 &&
    (currentNumMembersWithOverMinQuotaPartitions !== expectedNumMembersWithOverMinQuotaPartitions ||
      unfilledUnderMinQuota.some((id) => assignment.get(id)!.length !== minQuota))
  ) {
    throw new Error("constrained sticky assignment: a consumer did not reach minQuota (assignor bug)");
  }
  return { byMember: assignment, partitionsTransferringOwnership: transferring };
}
