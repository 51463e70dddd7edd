/**
 * Test support for the assignor tests: terse members, printed partitions, and the validity and balance check of
 * Kafka's `AbstractStickyAssignorTest#verifyValidityAndBalance`.
 */
import type { Assignment, AssignmentInput, GroupMember, TopicPartition } from "./assignor";
import { DEFAULT_GENERATION } from "./assignor";
import { formatTopicPartition, topicPartition } from "./topicPartition";

/** Parses `orders-2` (the partition is after the last `-`). */
export function tp(name: string): TopicPartition {
  const dash = name.lastIndexOf("-");
  return topicPartition(name.slice(0, dash), Number(name.slice(dash + 1)));
}

export interface MemberOptions {
  owned?: readonly string[];
  generation?: number;
  instance?: string | null;
}

export function member(
  memberId: string,
  topics: readonly string[],
  options: MemberOptions = {},
): GroupMember {
  return {
    memberId,
    groupInstanceId: options.instance ?? null,
    topics,
    ownedPartitions: (options.owned ?? []).map(tp),
    generation: options.generation ?? DEFAULT_GENERATION,
  };
}

/** `byMember` as printed partitions, e.g. `{ C0: ["t0-0", "t1-0"] }`. */
export function printed(assignment: Assignment): Record<string, string[]> {
  return printMap(assignment.byMember);
}

/** `pendingRevocation` as printed partitions. */
export function printedPending(assignment: Assignment): Record<string, string[]> {
  return printMap(assignment.pendingRevocation ?? {});
}

function printMap(byMember: Record<string, TopicPartition[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(byMember).map(([id, partitions]) => [id, partitions.map(formatTopicPartition)]),
  );
}

/** The members of the next generation: each owns what it was assigned (everyone at `generation`). */
export function afterRebalance(
  members: readonly GroupMember[],
  assignment: Assignment,
  generation: number,
): GroupMember[] {
  return members.map((m) => ({ ...m, ownedPartitions: assignment.byMember[m.memberId] ?? [], generation }));
}

/**
 * Kafka's `verifyValidityAndBalance`: every partition goes to a subscriber, no partition goes to two members, and
 * whenever two members' counts differ by 2+ they hold no partitions of a common topic (else one could move).
 * Returns the problems found, `[]` when valid.
 */
export function validityAndBalanceProblems(input: AssignmentInput, assignment: Assignment): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  const ids = Object.keys(assignment.byMember).sort();
  for (const id of ids) {
    const subscribed = new Set(input.members.find((m) => m.memberId === id)?.topics ?? []);
    for (const p of assignment.byMember[id]!) {
      const name = formatTopicPartition(p);
      if (!subscribed.has(p.topic)) problems.push(`${name} assigned to ${id}, not subscribed to ${p.topic}`);
      if (owner.has(name)) problems.push(`${name} assigned to ${owner.get(name)} and ${id}`);
      owner.set(name, id);
    }
  }
  for (const [i, a] of ids.entries()) {
    for (const b of ids.slice(i + 1)) {
      const pa = assignment.byMember[a]!;
      const pb = assignment.byMember[b]!;
      if (Math.abs(pa.length - pb.length) <= 1) continue;
      const topicsB = new Set(pb.map((p) => p.topic));
      const common = [...new Set(pa.map((p) => p.topic))].filter((t) => topicsB.has(t));
      if (common.length > 0)
        problems.push(`${a} (${pa.length}) and ${b} (${pb.length}) share topics ${common}`);
    }
  }
  return problems;
}

/** Max minus min partition count over all members. */
export function spread(assignment: Assignment): number {
  const counts = Object.values(assignment.byMember).map((partitions) => partitions.length);
  return counts.length === 0 ? 0 : Math.max(...counts) - Math.min(...counts);
}
