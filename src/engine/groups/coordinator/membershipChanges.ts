/**
 * What a consumer instance does, as the coordinator sees it: join, leave, crash, restart.
 *
 * The rules differ for dynamic and static members (KIP-345). A dynamic member announces its departure
 * (LeaveGroup) and comes back as a stranger (a new member id, so a rebalance); a static member, identified by its
 * `group.instance.id`, leaves silently and, if back within `session.timeout.ms`, takes up its old place and
 * partitions without a rebalance.
 *
 * Example: static instance-1 (app-1) shuts down at 8000 and restarts at 20000: `memberLeft` (no LeaveGroup),
 * `heartbeatsStopped`, then `memberRestarted` (member instance-1-1) and `staticMemberRejoined`, generation unchanged.
 */
import { DEFAULT_GENERATION } from "../assignor";
import { compareMembers } from "../memberOrder";
import type { CoordinatorEvent } from "./coordinatorEvent";
import type { CoordinatorInput } from "./coordinatorInput";
import type { CoordinatorState, InstanceState, MemberState } from "./coordinatorState";
import { removeMember } from "./coordinatorState";
import { identity, maybeCompleteRebalance, rebalanceAfterChange, rebalanceEffect } from "./rebalance";
import { heartbeatsStopped, stopHeartbeats } from "./sessions";

/**
 * A new instance starts and sends JoinGroup (`GroupCoordinator#doUnknownJoinGroup` → `addMemberAndRebalance`): a
 * stable group starts a rebalance; during one, the newcomer simply takes part in it.
 */
export function join(
  draft: CoordinatorState,
  input: CoordinatorInput & { kind: "join" },
  events: CoordinatorEvent[],
): void {
  if (addJoiner(draft, input.atMs, input, events)) {
    rebalanceAfterChange(draft, "joined", input.memberId, input.atMs, events);
  }
}

/**
 * Several instances start together: each JoinGroup is added as by {@link join}, and one rebalance (started by the
 * first newcomer) forms a single generation for all of them.
 */
export function joinAll(
  draft: CoordinatorState,
  input: CoordinatorInput & { kind: "joinAll" },
  events: CoordinatorEvent[],
): void {
  let first: string | undefined;
  let generation: number | undefined;
  for (const joiner of input.members) {
    if (!addJoiner(draft, input.atMs, joiner, events, generation)) continue;
    if (first === undefined) {
      first = joiner.memberId;
      generation = draft.rebalance?.generation ?? draft.generation + 1;
    }
  }
  if (first !== undefined) rebalanceAfterChange(draft, "joined", first, input.atMs, events);
}

/**
 * Adds a new instance and its member (`GroupCoordinator#doUnknownJoinGroup` → `addMemberAndRebalance`) and reports
 * it; false when the id clashes. `pendingGeneration` is the generation a batch's first joiner already started.
 */
function addJoiner(
  draft: CoordinatorState,
  atMs: number,
  joiner: { memberId: string; groupInstanceId: string | null; topics: readonly string[] },
  events: CoordinatorEvent[],
  pendingGeneration?: number,
): boolean {
  const { memberId, groupInstanceId } = joiner;
  const clash =
    isTaken(draft, memberId) ||
    (groupInstanceId !== null && draft.instances.some((i) => i.groupInstanceId === groupInstanceId));
  if (clash) {
    // Kafka would fence the older holder of a duplicate group.instance.id; duplicates are not modelled.
    const what = draft.instances.some((i) => i.instance === memberId || i.memberId === memberId)
      ? `${memberId} is already known (use restart)`
      : `group.instance.id ${groupInstanceId} is already used by another instance`;
    events.push({ kind: "inputIgnored", atMs, input: "join", memberId, reason: what });
    return false;
  }
  const topics = [...new Set(joiner.topics)];
  draft.instances.push({ instance: memberId, groupInstanceId, topics, running: true, memberId, restarts: 0 });
  const member = freshMember(draft, memberId, memberId, groupInstanceId, topics, atMs);
  addMember(draft, member);
  events.push({
    kind: "memberJoined",
    atMs,
    ...identity(member),
    reason: "JoinGroup",
    topics: [...topics],
    rebalance:
      pendingGeneration === undefined
        ? rebalanceEffect(draft)
        : { kind: "inProgress", generation: pendingGeneration },
  });
  return true;
}

/**
 * Graceful shutdown. A dynamic member sends LeaveGroup (`AbstractCoordinator#maybeLeaveGroup`) and the coordinator
 * removes it at once (`GroupCoordinator#handleLeaveGroup`). A static member does not (KIP-345: `maybeLeaveGroup`
 * only leaves for a dynamic member): it stays in the group with its partitions until its session expires.
 */
export function leave(
  draft: CoordinatorState,
  input: CoordinatorInput & { kind: "leave" },
  events: CoordinatorEvent[],
): void {
  const found = runningInstance(draft, input, events);
  if (found === undefined) return;
  const { instance, member } = found;
  if (member.groupInstanceId !== null) {
    stopHeartbeats(draft, instance, member, input.atMs);
    events.push({
      kind: "memberLeft",
      atMs: input.atMs,
      ...identity(member),
      reason: "static member: no LeaveGroup (KIP-345)",
      leaveGroupSent: false,
      partitions: [...member.partitions],
      rebalance: { kind: "none" },
    });
    events.push(heartbeatsStopped(draft, member, input.atMs));
    return;
  }
  instance.running = false;
  removeMember(draft, member);
  events.push({
    kind: "memberLeft",
    atMs: input.atMs,
    ...identity(member),
    reason: "LeaveGroup",
    leaveGroupSent: true,
    partitions: member.partitions,
    rebalance: rebalanceEffect(draft),
  });
  rebalanceAfterChange(draft, "left", member.memberId, input.atMs, events);
}

/** The process stops without a word; the coordinator notices only when the session expires. */
export function crash(
  draft: CoordinatorState,
  input: CoordinatorInput & { kind: "crash" },
  events: CoordinatorEvent[],
): void {
  const found = runningInstance(draft, input, events);
  if (found === undefined) return;
  const { instance, member } = found;
  stopHeartbeats(draft, instance, member, input.atMs);
  events.push({
    kind: "memberCrashed",
    atMs: input.atMs,
    ...identity(member),
    reason: "stopped without LeaveGroup",
    partitions: [...member.partitions],
  });
  events.push(heartbeatsStopped(draft, member, input.atMs));
}

/**
 * The instance starts again and sends JoinGroup with no member id, so the coordinator gives it a new one
 * (`GroupMetadata#generateMemberId`). A static member still in the group takes over its old entry
 * (`GroupMetadata#replaceStaticMember`): in a stable group it gets its previous assignment back with no rebalance
 * (`GroupCoordinator#updateStaticMemberAndRebalance`, "will not trigger rebalance"); during a rebalance it simply
 * rejoins it, owning nothing, as a fresh consumer does. Any other restart is a new member: its JoinGroup starts a
 * rebalance, which also waits for the instance's previous member if its session has not expired yet.
 */
export function restart(
  draft: CoordinatorState,
  input: CoordinatorInput & { kind: "restart" },
  events: CoordinatorEvent[],
): void {
  const { atMs } = input;
  const instance = draft.instances.find((i) => i.instance === input.memberId);
  if (instance === undefined || instance.running) {
    const reason = instance === undefined ? `${input.memberId} never joined` : `${input.memberId} is running`;
    events.push({ kind: "inputIgnored", atMs, input: "restart", memberId: input.memberId, reason });
    return;
  }
  const previousMemberId = instance.memberId;
  const previous = draft.members.find((member) => member.memberId === previousMemberId);
  do instance.restarts += 1;
  while (isTaken(draft, `${instance.instance}-${instance.restarts}`));
  const memberId = `${instance.instance}-${instance.restarts}`;
  instance.memberId = memberId;
  instance.running = true;
  const restarted = { atMs, previousMemberId, stillInGroup: previous !== undefined } as const;
  if (previous !== undefined && previous.groupInstanceId !== null) {
    previous.memberId = memberId;
    previous.running = true;
    previous.heartbeatAnchorMs = atMs;
    previous.lastHeartbeatMs = null;
    draft.members.sort(compareMembers);
    if (draft.rebalance === null) {
      events.push({
        kind: "memberRestarted",
        ...restarted,
        ...identity(previous),
        reason: "known group.instance.id",
        rebalance: { kind: "none" },
      });
      events.push({
        kind: "staticMemberRejoined",
        atMs,
        ...identity(previous),
        reason: "known group.instance.id within session.timeout.ms (KIP-345)",
        previousMemberId,
        generation: draft.generation,
        partitions: [...previous.partitions],
      });
      return;
    }
    previous.partitions = [];
    previous.generation = DEFAULT_GENERATION;
    previous.joined = true;
    events.push({
      kind: "memberRestarted",
      ...restarted,
      ...identity(previous),
      reason: "known group.instance.id",
      rebalance: rebalanceEffect(draft),
    });
    maybeCompleteRebalance(draft, atMs, events);
    return;
  }
  const member = freshMember(
    draft,
    memberId,
    instance.instance,
    instance.groupInstanceId,
    instance.topics,
    atMs,
  );
  addMember(draft, member);
  const reason =
    previous === undefined ? "JoinGroup as a new member" : "new member id; old member not expired";
  events.push({
    kind: "memberRestarted",
    ...restarted,
    ...identity(member),
    reason,
    rebalance: rebalanceEffect(draft),
  });
  rebalanceAfterChange(draft, "restart", memberId, atMs, events);
}

function runningInstance(
  draft: CoordinatorState,
  input: CoordinatorInput & { kind: "leave" | "crash" },
  events: CoordinatorEvent[],
): { instance: InstanceState; member: MemberState } | undefined {
  const instance = draft.instances.find((i) => i.instance === input.memberId);
  const member = draft.members.find((m) => m.memberId === instance?.memberId);
  if (instance?.running && member !== undefined) return { instance, member };
  const reason =
    instance === undefined ? `${input.memberId} never joined` : `${input.memberId} is not running`;
  events.push({
    kind: "inputIgnored",
    atMs: input.atMs,
    input: input.kind,
    memberId: input.memberId,
    reason,
  });
  return undefined;
}

function freshMember(
  draft: CoordinatorState,
  memberId: string,
  instance: string,
  groupInstanceId: string | null,
  topics: string[],
  atMs: number,
): MemberState {
  return {
    memberId,
    instance,
    groupInstanceId,
    topics: [...topics],
    partitions: [],
    generation: DEFAULT_GENERATION,
    running: true,
    heartbeatAnchorMs: atMs,
    lastHeartbeatMs: null,
    joined: draft.rebalance !== null,
  };
}

function addMember(draft: CoordinatorState, member: MemberState): void {
  draft.members.push(member);
  draft.members.sort(compareMembers);
}

/** A member id or instance name already in use, which a new member id must not repeat. */
function isTaken(draft: CoordinatorState, id: string): boolean {
  return (
    draft.members.some((member) => member.memberId === id) ||
    draft.instances.some((instance) => instance.instance === id || instance.memberId === id)
  );
}
