/**
 * Kafka's `CooperativeStickyAssignor` (`partition.assignment.strategy=cooperative-sticky`): the sticky algorithm
 * (see `stickyAssignor`) under the cooperative protocol (KIP-429). Members keep consuming the partitions they own
 * while the group rebalances; only partitions that move are revoked.
 *
 * A partition may not be given to its new owner in the rebalance in which its old owner revokes it: the two would
 * consume it at once. So the assignor withholds every partition that moves (`adjustAssignment`): the old owner gets
 * an assignment without it and revokes it, then rejoins; in the follow-up rebalance nobody owns it and the new
 * owner gets it. The withheld partitions are reported in `Assignment.pendingRevocation`, keyed by the member
 * that will receive them.
 *
 * Example (`testAddRemoveConsumerOneTopic`): C1 owns [t-0, t-1, t-2] and C2 joins. The sticky result is
 * C1: [t-0, t-1], C2: [t-2]; t-2 moves, so this round gives C1 [t-0, t-1] and C2 [] with t-2 pending for C2.
 * C1 revokes t-2 and rejoins; the follow-up gives C1 [t-0, t-1] and C2 [t-2].
 *
 * The constrained path knows which partitions it took from an owner over its quota or that had two owners
 * (`partitionsTransferringOwnership`). The general path does not track them, so they are computed afterwards as the
 * partitions newly assigned to one member and previously owned by another (`computePartitionsTransferringOwnership`).
 */
import type { PartitionAssignor, TopicPartition } from "./assignor";
import type { Subscriber } from "./groupSubscription";
import { groupSubscription, sortedByMember } from "./groupSubscription";
import type { StickyResult } from "./stickyAssignment";
import { stickyAssignment } from "./stickyAssignment";
import { formatTopicPartition } from "./topicPartition";

type Transfers = NonNullable<StickyResult["partitionsTransferringOwnership"]>;

export const cooperativeStickyAssignor: PartitionAssignor = {
  name: "cooperative-sticky",
  supportedProtocols: ["cooperative", "eager"],
  assign(input) {
    const group = groupSubscription(input);
    const { byMember, partitionsTransferringOwnership } = stickyAssignment(group);
    const transfers = partitionsTransferringOwnership ?? computeTransfers(group.members, byMember);
    // CooperativeStickyAssignor#adjustAssignment
    const pending = new Map<string, TopicPartition[]>();
    for (const { partition, memberId } of transfers.values()) {
      const assigned = byMember.get(memberId)!;
      const key = formatTopicPartition(partition);
      assigned.splice(assigned.map(formatTopicPartition).indexOf(key), 1);
      pending.set(memberId, [...(pending.get(memberId) ?? []), partition]);
    }
    return {
      byMember: sortedByMember(group.members, byMember),
      pendingRevocation: sortedByMember(group.members, pending),
    };
  },
};

/**
 * `CooperativeStickyAssignor#computePartitionsTransferringOwnership`: partitions assigned to a member that did not
 * own them, which some member owned (in its subscription's `ownedPartitions`, whatever its generation) and lost.
 */
function computeTransfers(
  members: readonly Subscriber[],
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
): Transfers {
  const added: Transfers = new Map();
  const revoked = new Set<string>();
  for (const member of members) {
    const owned = new Set(member.ownedPartitions.map(formatTopicPartition));
    const assigned = assignment.get(member.memberId) ?? [];
    const assignedKeys = new Set(assigned.map(formatTopicPartition));
    for (const tp of assigned) {
      const key = formatTopicPartition(tp);
      if (!owned.has(key)) added.set(key, { partition: tp, memberId: member.memberId });
    }
    for (const key of owned) if (!assignedKeys.has(key)) revoked.add(key);
  }
  for (const key of added.keys()) if (!revoked.has(key)) added.delete(key);
  return added;
}
