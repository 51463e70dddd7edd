/**
 * The algorithm shared by `sticky` and `cooperative-sticky` (`AbstractStickyAssignor#assignPartitions`).
 *
 * Balance first, stickiness second: partition counts end as even as the subscriptions allow, and within that
 * limit members keep the partitions they owned. Previously owned partitions count as described in
 * `previousOwnership` (the newest generation's claim wins; a tie between two claims of one generation counts as
 * unowned). When all members subscribe to the same topics the constrained path runs (`constrainedAssignment`),
 * otherwise the general one (`generalAssignment`).
 *
 * Java iterates its subscriptions map, a `HashMap` the consumer coordinator fills in the order of the JoinGroup
 * response's member list; where that order matters (who gets one of the larger quotas first, which of three claims
 * of a partition wins) we follow the same `HashMap` order (`javaHashOrder`), taking `AssignmentInput.members` as the
 * JoinGroup order. Explicit sorts in Java (by member id) stay sorts. Unlike `range` and `roundrobin`, the sticky
 * assignors never look at `group.instance.id`: static members keep their partitions by stickiness.
 */
import type { TopicPartition } from "./assignor";
import { constrainedAssignment } from "./constrainedAssignment";
import { generalAssignment } from "./generalAssignment";
import type { GroupSubscription } from "./groupSubscription";
import { javaHashMapOrder, javaStringHashCode } from "./javaHashOrder";
import { previousOwnership } from "./previousOwnership";

/** The sticky assignment before the cooperative adjustment. */
export interface StickyResult {
  byMember: Map<string, TopicPartition[]>;
  /**
   * Newly assigned partitions that some member must revoke first, with their new owner (Java's
   * `partitionsTransferringOwnership`), or `null` when the builder did not track them (the general path).
   */
  partitionsTransferringOwnership: Map<string, { partition: TopicPartition; memberId: string }> | null;
}

export function stickyAssignment(group: GroupSubscription): StickyResult {
  // The iteration order of `Map<String, Subscription> subscriptions` (ConsumerCoordinator#onLeaderElected).
  const members = javaHashMapOrder(group.members, (member) => javaStringHashCode(member.memberId));
  const ownership = previousOwnership(group, members);
  if (ownership.allSubscriptionsEqual) {
    return constrainedAssignment({
      partitionsPerTopic: group.partitionsPerTopic,
      memberIds: members.map((member) => member.memberId),
      ownedByMember: ownership.ownedByMember,
      partitionsWithMultiplePreviousOwners: ownership.partitionsWithMultiplePreviousOwners,
    });
  }
  return generalAssignment({
    partitionsPerTopic: group.partitionsPerTopic,
    members,
    ownedByMember: ownership.ownedByMember,
    maxGeneration: ownership.maxGeneration,
  });
}
