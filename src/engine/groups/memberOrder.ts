/**
 * The order in which `range` and `roundrobin` lay out members (`AbstractPartitionAssignor.MemberInfo#compareTo`):
 * static members (with a `group.instance.id`) first, by instance id; then dynamic members, by member id.
 *
 * Static members keep their place across restarts because their instance id is stable while their member id is
 * new after every restart. For example members `b` (instance `y`), `c` (instance `x`) and `a` (dynamic) sort as
 * `c, b, a` (`AbstractPartitionAssignorTest#testMemberInfoSortingSomeGroupInstanceId`).
 *
 * Java sorts with a stable sort and leaves two static members with the same instance id in their input order, a
 * `HashMap`'s order; instance ids are unique in a real group, and we break that tie by member id to stay
 * deterministic.
 */
import type { GroupMember } from "./assignor";
import { compareStrings } from "./topicPartition";

type MemberIdentity = Pick<GroupMember, "memberId" | "groupInstanceId">;

export function compareMembers(a: MemberIdentity, b: MemberIdentity): number {
  if (a.groupInstanceId !== null && b.groupInstanceId !== null) {
    return compareStrings(a.groupInstanceId, b.groupInstanceId) || compareStrings(a.memberId, b.memberId);
  }
  if (a.groupInstanceId !== null) return -1;
  if (b.groupInstanceId !== null) return 1;
  return compareStrings(a.memberId, b.memberId);
}

/** A copy sorted by {@link compareMembers}. */
export function sortMembers<M extends MemberIdentity>(members: readonly M[]): M[] {
  return [...members].sort(compareMembers);
}
