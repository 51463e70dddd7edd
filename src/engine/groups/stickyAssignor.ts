/**
 * Kafka's `StickyAssignor` (`partition.assignment.strategy=sticky`), eager protocol: every member revokes all its
 * partitions before rejoining, and reports its previous assignment and generation in its subscription's user data.
 *
 * The sticky assignor serves two purposes. First, it guarantees an assignment that is as balanced as possible:
 * the numbers of partitions assigned to members differ by at most one, or each member that has 2+ fewer
 * partitions than some other member cannot get any of those partitions transferred to it. Second, it preserves as
 * many existing assignments as possible when a reassignment occurs. The first goal takes precedence.
 *
 * Example 1. Members C0, C1, C2 all subscribe to t0, t1, t2, t3, each with 2 partitions. Starting fresh, sticky
 * and round robin give the same assignment:
 * - C0: [t0-0, t1-1, t3-0]
 * - C1: [t0-1, t2-0, t3-1]
 * - C2: [t1-0, t2-1]
 *
 * When C1 leaves, round robin reshuffles (C0: [t0-0, t1-0, t2-0, t3-0], C2: [t0-1, t1-1, t2-1, t3-1]), while the
 * sticky assignor keeps every previous assignment and deals out only C1's partitions:
 * - C0: [t0-0, t1-1, t3-0] + [t0-1]
 * - C2: [t1-0, t2-1] + [t2-0, t3-1]
 *
 * (Kafka's javadoc shows C0 + [t2-0] and C2 + [t0-1, t3-1]: it predates the constrained path for equal
 * subscriptions (KAFKA-9987), which deals the freed partitions round robin in topic order; the general path would
 * still give the javadoc's result.)
 *
 * Example 2. C0 subscribes to t0; C1 to t0, t1; C2 to t0, t1, t2; with 1, 2 and 3 partitions. Round robin gives
 * C0 [t0-0], C1 [t1-0], C2 [t1-1, t2-0, t2-1, t2-2]; sticky balances better:
 * - C0: [t0-0]
 * - C1: [t1-0, t1-1]
 * - C2: [t2-0, t2-1, t2-2]
 *
 * If C0 leaves, sticky keeps all 5 other assignments (C1: [t1-0, t1-1, t0-0], C2: [t2-0, t2-1, t2-2]) where round
 * robin would keep 3.
 */
import type { PartitionAssignor } from "./assignor";
import { groupSubscription, toAssignment } from "./groupSubscription";
import { stickyAssignment } from "./stickyAssignment";

export const stickyAssignor: PartitionAssignor = {
  name: "sticky",
  supportedProtocols: ["eager"],
  assign(input) {
    const group = groupSubscription(input);
    return toAssignment(group.members, stickyAssignment(group).byMember);
  },
};
