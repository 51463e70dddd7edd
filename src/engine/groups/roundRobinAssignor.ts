/**
 * Kafka's `RoundRobinAssignor` (`partition.assignment.strategy=roundrobin`).
 *
 * The round robin assignor lays out all the available partitions (topics by name, partitions in numeric order) and
 * deals them one by one to the members in {@link compareMembers} order, through one circular iterator that is not
 * reset between topics. If the subscriptions of all members are identical, the partitions are uniformly
 * distributed (counts differ by at most one).
 *
 * For example, with two members C0 and C1, two topics t0 and t1, and 3 partitions each:
 * - C0: [t0-0, t0-2, t1-1]
 * - C1: [t0-1, t1-0, t1-2]
 *
 * When subscriptions differ, the dealer skips a member that is not subscribed to the partition's topic, which can
 * leave the assignment unbalanced. With C0 subscribed to t0; C1 to t0, t1; C2 to t0, t1, t2; and t0, t1, t2 having
 * 1, 2 and 3 partitions:
 * - C0: [t0-0]
 * - C1: [t1-0]
 * - C2: [t1-1, t2-0, t2-1, t2-2]
 *
 * Static members keep their place across restarts, as with `range`: with instance ids I0, I1, I2 and two topics of
 * 3 partitions the assignment is always I0: [t0-0, t1-0], I1: [t0-1, t1-1], I2: [t0-2, t1-2], whatever member ids
 * the restarted members get.
 */
import type { PartitionAssignor, TopicPartition } from "./assignor";
import { groupSubscription, toAssignment } from "./groupSubscription";
import { sortMembers } from "./memberOrder";
import { partitionsOf } from "./topicPartition";

export const roundRobinAssignor: PartitionAssignor = {
  name: "roundrobin",
  supportedProtocols: ["eager"],
  assign(input) {
    const group = groupSubscription(input);
    const byMember = new Map<string, TopicPartition[]>(group.members.map((m) => [m.memberId, []]));
    // RoundRobinAssignor: CircularIterator over the sorted members, shared by all topics.
    const ring = sortMembers(group.members);
    let next = 0;
    // RoundRobinAssignor#allPartitionsSorted: topics in a TreeSet (by name), partitions in numeric order.
    for (const [topic, count] of group.partitionsPerTopic) {
      for (const partition of partitionsOf(topic, count)) {
        // `while (!subscribed(assigner.peek())) assigner.next();` -- someone subscribes, or the topic is absent.
        while (!ring[next]!.topicSet.has(topic)) next = (next + 1) % ring.length;
        byMember.get(ring[next]!.memberId)!.push(partition);
        next = (next + 1) % ring.length;
      }
    }
    return toAssignment(group.members, byMember);
  },
};
