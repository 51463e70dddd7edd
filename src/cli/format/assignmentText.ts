/**
 * The human view of `topolab assign`: one row per member, one column per assignor that ran.
 *
 * ```
 * member  range                   roundrobin
 * C0      t0-0, t0-1, t1-0, t1-1  t0-0, t0-2, t1-1
 * C1      t0-2, t1-2              t0-1, t1-0, t1-2
 * ```
 *
 * A static member prints as `<member-id>@<instance-id>`. A member with no partitions shows `-`. Partitions that
 * `cooperative-sticky` withholds for the follow-up rebalance follow the member's list as `(pending: t-1, t-2)`,
 * and a note under the table says what that means.
 */
import {
  type Assignment,
  type AssignorName,
  compareMembers,
  formatTopicPartition,
  type GroupMember,
  type TopicPartition,
} from "../../engine";
import { formatTable } from "./table";

export const PENDING_NOTE =
  "(pending: withheld until its previous owner has revoked it; the follow-up rebalance assigns it)";

function partitionList(partitions: readonly TopicPartition[]): string {
  return partitions.map(formatTopicPartition).join(", ");
}

function cell(assigned: readonly TopicPartition[], pending: readonly TopicPartition[]): string {
  const text = assigned.length === 0 ? "-" : partitionList(assigned);
  return pending.length === 0 ? text : `${text} (pending: ${partitionList(pending)})`;
}

/** `C0`, or `C1@i-1` for a static member. */
export function memberLabel(member: Pick<GroupMember, "memberId" | "groupInstanceId">): string {
  return member.groupInstanceId === null ? member.memberId : `${member.memberId}@${member.groupInstanceId}`;
}

/** The members in the order Kafka lays them out: static first by instance id, then dynamic by member id. */
export function sortedMembers<M extends Pick<GroupMember, "memberId" | "groupInstanceId">>(
  members: readonly M[],
): M[] {
  return [...members].sort(compareMembers);
}

export function assignmentText(
  members: readonly GroupMember[],
  results: readonly { name: AssignorName; assignment: Assignment }[],
): string {
  let anyPending = false;
  const rows = sortedMembers(members).map((member) => [
    memberLabel(member),
    ...results.map(({ assignment }) => {
      const pending = assignment.pendingRevocation?.[member.memberId] ?? [];
      if (pending.length > 0) anyPending = true;
      return cell(assignment.byMember[member.memberId] ?? [], pending);
    }),
  ]);
  const table = formatTable(["member", ...results.map((r) => r.name)], rows);
  return anyPending ? `${table}${PENDING_NOTE}\n` : table;
}
