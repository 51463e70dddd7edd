/**
 * Which previously owned partitions the sticky assignors may keep, and whether all subscriptions are equal
 * (`AbstractStickyAssignor#allSubscriptionsEqual`).
 *
 * Members report the partitions they owned and the generation in which they got them. A claim on a partition of a
 * topic nobody subscribes to any more is ignored. When two members claim the same partition:
 * - the claim from the higher generation wins and the other is dropped (the other member missed a rebalance and
 *   its view is stale);
 * - claims from the same generation are both dropped and the partition is recorded as having multiple previous
 *   owners: it is treated as unowned, and the cooperative assignor withholds it for a round.
 *
 * For example, C1 (generation 10) and C2 (generation 9) both claim t-0: C1 keeps it
 * (`testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration`). C1 and C2 (both generation 1) claim t-0:
 * neither keeps it (`testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGeneration…`).
 *
 * Since Kafka 3.5 (KAFKA-14639) generations are compared per partition: a member from an older generation keeps
 * the claims nobody newer contests. (Before, every claim of a member below the highest generation was dropped.)
 *
 * The members are walked in the order Java iterates its subscriptions `HashMap` (see `stickyAssignment`), which
 * decides the outcome only for three or more claims of one partition. Two quirks are kept as Java has them: "equal" is decided against the first
 * non-empty subscription met, so a member with an empty subscription met first does not make them unequal; and a
 * third claim can revive a partition already marked as having multiple owners.
 */
import type { TopicPartition } from "./assignor";
import { DEFAULT_GENERATION } from "./assignor";
import type { GroupSubscription, Subscriber } from "./groupSubscription";
import { formatTopicPartition } from "./topicPartition";

export interface PreviousOwnership {
  /** True when every member subscribes to the same topics: the sticky assignors then take the constrained path. */
  allSubscriptionsEqual: boolean;
  /** The highest generation of any member, at least {@link DEFAULT_GENERATION}. */
  maxGeneration: number;
  /** Per member id: the previously owned partitions it may keep, keyed by `formatTopicPartition`. */
  ownedByMember: Map<string, Map<string, TopicPartition>>;
  /** Partitions claimed by two members of the same generation, keyed by `formatTopicPartition`. */
  partitionsWithMultiplePreviousOwners: Map<string, TopicPartition>;
}

/** `members` in the order Java iterates its subscriptions `HashMap`. */
export function previousOwnership(
  group: GroupSubscription,
  members: readonly Subscriber[],
): PreviousOwnership {
  let allSubscriptionsEqual = true;
  let subscribedTopics: ReadonlySet<string> = new Set();
  let maxGeneration = DEFAULT_GENERATION;
  const ownedByMember = new Map<string, Map<string, TopicPartition>>();
  const partitionsWithMultiplePreviousOwners = new Map<string, TopicPartition>();
  const previousOwner = new Map<string, Subscriber>();

  for (const member of members) {
    if (subscribedTopics.size === 0) {
      subscribedTopics = member.topicSet;
    } else if (
      allSubscriptionsEqual &&
      !(member.topicSet.size === subscribedTopics.size && member.topics.every((t) => subscribedTopics.has(t)))
    ) {
      allSubscriptionsEqual = false;
    }
    maxGeneration = Math.max(maxGeneration, member.generation);
    const owned = new Map<string, TopicPartition>();
    ownedByMember.set(member.memberId, owned);

    for (const tp of member.ownedPartitions) {
      if (!group.partitionsPerTopic.has(tp.topic)) continue;
      const key = formatTopicPartition(tp);
      const other = previousOwner.get(key);
      if (other === undefined) {
        owned.set(key, tp);
        previousOwner.set(key, member);
      } else if (member.generation === other.generation) {
        partitionsWithMultiplePreviousOwners.set(key, tp);
        ownedByMember.get(other.memberId)!.delete(key);
        previousOwner.set(key, member);
      } else if (member.generation > other.generation) {
        owned.set(key, tp);
        ownedByMember.get(other.memberId)!.delete(key);
        previousOwner.set(key, member);
      }
      // else: the other member's claim is newer and stands.
    }
  }
  return { allSubscriptionsEqual, maxGeneration, ownedByMember, partitionsWithMultiplePreviousOwners };
}
