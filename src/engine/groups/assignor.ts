/**
 * Consumer partition assignors (Kafka client, classic group protocol): the model and the strategy interface.
 *
 * When a consumer group rebalances, the group leader runs one assignor over every member's subscription and
 * returns, for each member, the partitions it consumes until the next rebalance. A strategy is a
 * {@link PartitionAssignor}: a name plus `assign(input)`, like Kafka's `ConsumerPartitionAssignor` (`name()` and
 * `assign(Cluster, GroupSubscription)`). The built-in strategies are in the `assignors` registry.
 *
 * Rack awareness (KIP-881) is not modelled: Kafka switches to its rack-aware paths only when both the consumers and
 * the partitions' replicas have racks, and this model carries no replica racks, so every assignor runs the path
 * Kafka runs on a cluster without racks. `GroupMember.rackId` is accepted and ignored.
 */
import type { PartitionIndex } from "../model";

/** A partition of a topic, printed `<topic>-<partition>` like Kafka's `TopicPartition#toString` (`orders-2`). */
export interface TopicPartition {
  topic: string;
  partition: PartitionIndex;
}

/**
 * The generation of a member whose previous assignment is of unknown age
 * (`AbstractStickyAssignor.DEFAULT_GENERATION`): a member that never got an assignment, or an old client.
 */
export const DEFAULT_GENERATION = -1;

/** One member's `JoinGroup` subscription, as the group leader's assignor sees it. */
export interface GroupMember {
  /** The coordinator-given `member.id`; unique within the group. */
  memberId: string;
  /** `group.instance.id` of a static member (KIP-345), or `null` for a dynamic member. */
  groupInstanceId: string | null;
  /** Subscribed topics. Duplicates are ignored; topics that do not exist get no partitions. */
  topics: readonly string[];
  /**
   * Partitions the member owned before this rebalance (`Subscription.ownedPartitions`, or the `sticky` assignor's
   * user data). Only the sticky assignors read them. Duplicates and partitions that no longer exist are ignored.
   */
  ownedPartitions: readonly TopicPartition[];
  /** Generation in which `ownedPartitions` were assigned; {@link DEFAULT_GENERATION} when unknown. */
  generation: number;
  /** `client.rack`. Accepted for completeness and ignored: see the module comment. */
  rackId?: string | null;
}

export interface AssignmentInput {
  /** Partition count of every topic in the cluster metadata; topics nobody subscribes to are ignored. */
  partitionsPerTopic: Readonly<Record<string, number>>;
  /**
   * In the order of the coordinator's JoinGroup response. Only the sticky assignors can notice it, as Kafka's do:
   * they iterate a Java `HashMap` filled in that order, whose order mostly follows the member ids' hash codes.
   */
  members: readonly GroupMember[];
}

/**
 * The leader's result. Lists are sorted by topic, then partition.
 *
 * Example (`range`, C0 and C1 both subscribed to t0 and t1, 3 partitions each):
 * `{ byMember: { C0: [t0-0, t0-1, t1-0, t1-1], C1: [t0-2, t1-2] } }`.
 */
export interface Assignment {
  /** Every member, possibly with no partitions. */
  byMember: Record<string, TopicPartition[]>;
  /**
   * `cooperative-sticky` only (every member present, possibly with `[]`): partitions that move to a new owner and
   * are therefore withheld from `byMember` in this round, keyed by the member that will receive them. Their
   * previous owner revokes them on receiving its assignment and rejoins; the follow-up rebalance, in which nobody
   * owns them any more, hands them out (`CooperativeStickyAssignor#adjustAssignment`,
   * `ConsumerCoordinator#onJoinComplete`). The partitions a member must revoke are its `ownedPartitions` that are
   * not in its `byMember` list.
   *
   * Example: C0 owned [t-0, t-1] and C1 joins; the sticky result moves t-1 to C1, so this round gives
   * `byMember: { C0: [t-0], C1: [] }, pendingRevocation: { C0: [], C1: [t-1] }`; after C0 revokes t-1, the
   * follow-up rebalance gives C1 [t-1].
   */
  pendingRevocation?: Record<string, TopicPartition[]>;
}

/** `ConsumerPartitionAssignor.RebalanceProtocol`: revoke everything before rejoining, or only what moves. */
export type RebalanceProtocol = "eager" | "cooperative";

/** Names of the built-in assignors, as in `partition.assignment.strategy`. */
export type AssignorName = "range" | "roundrobin" | "sticky" | "cooperative-sticky";

/** A built-in assignor's name, or `custom` for a user-defined strategy (a `ConsumerPartitionAssignor` of one's own). */
export type StrategyName = AssignorName | "custom";

export interface PartitionAssignor {
  readonly name: StrategyName;
  /** Protocols the assignor supports, preferred first (`ConsumerPartitionAssignor#supportedProtocols`). */
  readonly supportedProtocols: readonly RebalanceProtocol[];
  /**
   * Assigns the partitions of the subscribed topics to the members. Pure and deterministic: the same input always
   * gives the same assignment. Throws a `RangeError` for malformed input (duplicate member ids, negative or
   * fractional partition counts or indexes).
   */
  assign(input: AssignmentInput): Assignment;
}
