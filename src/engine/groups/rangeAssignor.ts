/**
 * Kafka's `RangeAssignor` (`partition.assignment.strategy=range`, the classic default).
 *
 * The range assignor works on a per-topic basis. For each topic, we lay out the available partitions in numeric
 * order and the subscribed members in {@link compareMembers} order (static members first). Each member gets
 * `floor(P / C)` partitions and the first `P % C` members one more, as contiguous ranges.
 *
 * For example, with two members C0 and C1, two topics t0 and t1, and 3 partitions each:
 * - C0: [t0-0, t0-1, t1-0, t1-1]
 * - C1: [t0-2, t1-2]
 *
 * Because every topic starts again at the first member, C0 gets the extra partition of every topic: with many
 * topics of `C * k + 1` partitions, range is unbalanced by design. In exchange, partition `i` of topics with the same
 * partition count and the same subscribers always lands on the same member (co-partitioning, which Kafka Streams'
 * joins rely on).
 *
 * Static membership makes ranges survive restarts: member ids are new after every restart, so dynamic members can
 * swap ranges (C0 -> C3 and C1 -> C2 makes C2 get what C0 had), but instance ids are stable, so static members keep
 * theirs.
 *
 * Current Kafka (3.5+, KIP-881) rewrites `assignPartitions` around a per-topic `TopicAssignmentState` with
 * rack-aware and co-partitioned rack-aware passes; those passes run only when members and replicas have racks.
 * Without racks it runs `assignRanges` alone, which gives each member in order
 * `numPartitionsPerConsumer + (extra partitions left ? 1 : 0)` of the remaining partitions: exactly the classic
 * contiguous ranges implemented here.
 */
import type { PartitionAssignor, TopicPartition } from "./assignor";
import { groupSubscription, toAssignment } from "./groupSubscription";
import { sortMembers } from "./memberOrder";
import { topicPartition } from "./topicPartition";

export const rangeAssignor: PartitionAssignor = {
  name: "range",
  supportedProtocols: ["eager"],
  assign(input) {
    const group = groupSubscription(input);
    const byMember = new Map<string, TopicPartition[]>(group.members.map((m) => [m.memberId, []]));
    const sorted = sortMembers(group.members);
    // RangeAssignor#assignPartitions: each topic independently.
    for (const [topic, numPartitions] of group.partitionsPerTopic) {
      const consumers = sorted.filter((member) => member.topicSet.has(topic));
      const perConsumer = Math.floor(numPartitions / consumers.length);
      const withExtra = numPartitions % consumers.length;
      consumers.forEach((consumer, i) => {
        // RangeAssignor: start = perConsumer * i + min(i, extra); length = perConsumer + (i < extra ? 1 : 0).
        const start = perConsumer * i + Math.min(i, withExtra);
        const length = perConsumer + (i < withExtra ? 1 : 0);
        const partitions = byMember.get(consumer.memberId)!;
        for (let p = start; p < start + length; p++) partitions.push(topicPartition(topic, p));
      });
    }
    return toAssignment(group.members, byMember);
  },
};
