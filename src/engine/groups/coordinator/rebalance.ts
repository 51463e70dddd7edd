/**
 * Rebalancing: starting a rebalance, waiting for every member's JoinGroup, and completing a generation.
 *
 * Timing model. A rebalance has no duration of its own: JoinGroup, the leader's assignment and SyncGroup take no
 * time, so a rebalance whose members are all running completes at the instant it starts (and a cooperative
 * follow-up at that same instant too). What it does wait for, as Kafka does, is a member that cannot answer: the
 * coordinator completes the join phase only when every member has rejoined (`GroupMetadata#hasAllMembersJoined`,
 * `GroupCoordinator#onCompleteJoin`), so a member that crashed, or a static member that shut down, holds the whole
 * rebalance until it restarts or its session expires. `group.initial.rebalance.delay.ms` (the broker's 3 s wait
 * before the first generation of an empty group, `InitialDelayedJoin`) is not modelled. The group leader (the
 * member that runs the assignor) is not modelled either: the assignor simply runs.
 *
 * Example (eager, `range`, `orders` with 3 partitions): instance-1 owns all three when instance-2 joins at 5000.
 * At 5000: `rebalanceStarted` (generation 2) → instance-1 revokes orders-0..2 → `generationCompleted`
 * (instance-1: orders-0, orders-1; instance-2: orders-2) → both get their partitions.
 */

import type { WallClockMs } from "../../model";
import type { GroupMember, TopicPartition } from "../assignor";
import { compareTopicPartitions, formatTopicPartition } from "../topicPartition";
import { coordinatorAssignor } from "./coordinatorConfig";
import type { CoordinatorEvent, RebalanceEffect, RebalanceReason } from "./coordinatorEvent";
import type { CoordinatorState, MemberState, PendingRebalance } from "./coordinatorState";
import { sessionDeadline } from "./coordinatorState";

/**
 * Moves a stable group into a rebalance for the next generation (`GroupCoordinator#prepareRebalance`). Running
 * members rejoin at once; under the eager protocol each first revokes everything it owns
 * (`ConsumerCoordinator#onJoinPrepare`, case EAGER). Completes at once if nobody is missing.
 */
export function startRebalance(
  draft: CoordinatorState,
  reason: RebalanceReason,
  triggeredBy: string | null,
  atMs: WallClockMs,
  events: CoordinatorEvent[],
): void {
  const generation = draft.generation + 1;
  const { protocol } = draft.config;
  const rebalance: PendingRebalance = { generation, reason, triggeredBy, startedAtMs: atMs, revoked: {} };
  draft.rebalance = rebalance;
  for (const member of draft.members) member.joined = member.running;
  events.push({
    kind: "rebalanceStarted",
    atMs,
    generation,
    reason,
    triggeredBy,
    protocol,
    members: draft.members.map((member) => member.memberId),
    waitingFor: draft.members
      .filter((member) => !member.joined)
      .map((member) => ({ memberId: member.memberId, expiresAtMs: sessionDeadline(draft, member)! })),
  });
  if (protocol === "eager") {
    for (const member of draft.members) {
      if (!member.running || member.partitions.length === 0) continue;
      rebalance.revoked[member.memberId] = member.partitions;
      events.push({
        kind: "partitionsRevoked",
        atMs,
        ...identity(member),
        reason: "eager: revoke everything before rejoining",
        partitions: [...member.partitions],
        movingTo: [],
        generation,
        protocol,
        running: true,
      });
      member.partitions = [];
    }
  }
  maybeCompleteRebalance(draft, atMs, events);
}

/** Completes the rebalance in progress if every member has rejoined (`GroupCoordinator#tryCompleteJoin`). */
export function maybeCompleteRebalance(
  draft: CoordinatorState,
  atMs: WallClockMs,
  events: CoordinatorEvent[],
): void {
  if (draft.rebalance !== null && draft.members.every((member) => member.joined)) {
    completeGeneration(draft, draft.rebalance, atMs, events);
  }
}

/**
 * Runs the assignor over every member and hands out the result (`GroupMetadata#initNextGeneration`, then each
 * consumer's `ConsumerCoordinator#onJoinComplete`). Under the cooperative protocol (KIP-429) each member revokes
 * only what it owns and is no longer assigned, and if a running member revoked anything it rejoins at once
 * ("need to revoke partitions and re-join"): a follow-up rebalance, in which nobody owns the withheld partitions
 * any more, hands them out. The coordinator restarts every member's session timer (`completeAndScheduleNextHeartbeatExpiration`).
 */
function completeGeneration(
  draft: CoordinatorState,
  rebalance: PendingRebalance,
  atMs: WallClockMs,
  events: CoordinatorEvent[],
): void {
  const { config } = draft;
  const { generation } = rebalance;
  const result = coordinatorAssignor({
    assignor: config.assignor,
    customAssignor: config.customAssignor ?? undefined,
  }).assign({
    partitionsPerTopic: config.partitionsPerTopic,
    members: draft.members.map((member) => subscription(draft, rebalance, member)),
  });
  const moves = new Map<string, string>();
  for (const [receiver, partitions] of Object.entries(result.pendingRevocation ?? {})) {
    for (const tp of partitions) moves.set(formatTopicPartition(tp), receiver);
  }
  const revokedNow = new Map<string, TopicPartition[]>();
  const added: Record<string, TopicPartition[]> = {};
  for (const member of draft.members) {
    const next = result.byMember[member.memberId] ?? [];
    const revoked = minus(member.partitions, next);
    const gained = minus(next, member.partitions);
    if (revoked.length > 0) {
      revokedNow.set(member.memberId, revoked);
      rebalance.revoked[member.memberId] = [...(rebalance.revoked[member.memberId] ?? []), ...revoked].sort(
        compareTopicPartitions,
      );
    }
    if (gained.length > 0) added[member.memberId] = gained;
    member.partitions = next;
    member.generation = generation;
    member.joined = false;
    if (member.running) member.heartbeatAnchorMs = atMs;
    else member.lastHeartbeatMs = atMs;
  }
  draft.generation = generation;
  draft.rebalance = null;
  events.push({
    kind: "generationCompleted",
    atMs,
    generation,
    protocol: config.protocol,
    assignor: config.assignor,
    reason: rebalance.reason,
    triggeredBy: rebalance.triggeredBy,
    members: draft.members.map((member) => ({
      ...identity(member),
      partitions: [...member.partitions],
      running: member.running,
    })),
    revoked: rebalance.revoked,
    assigned: added,
    pendingRevocation: Object.fromEntries(
      Object.entries(result.pendingRevocation ?? {}).filter(([, partitions]) => partitions.length > 0),
    ),
  });
  for (const member of draft.members) {
    const revoked = revokedNow.get(member.memberId);
    if (revoked !== undefined) {
      const movingTo = [...new Set(revoked.flatMap((tp) => moves.get(formatTopicPartition(tp)) ?? []))];
      events.push({
        kind: "partitionsRevoked",
        atMs,
        ...identity(member),
        reason: "cooperative: only partitions that move are revoked",
        partitions: revoked,
        movingTo,
        generation,
        protocol: config.protocol,
        running: member.running,
      });
    }
    const gained = added[member.memberId];
    if (gained !== undefined) {
      events.push({
        kind: "partitionsAssigned",
        atMs,
        ...identity(member),
        reason: `assignment of generation ${generation}`,
        partitions: gained,
        assignment: [...member.partitions],
        generation,
        running: member.running,
      });
    }
  }
  // ConsumerCoordinator#onJoinComplete: a member that revoked partitions requests a rejoin. A member that is not
  // running cannot: its withheld partitions wait until its session expires.
  const mustRejoin = draft.members.some((member) => member.running && revokedNow.has(member.memberId));
  if (mustRejoin) startRebalance(draft, "follow-up (cooperative)", null, atMs, events);
}

/**
 * The member's JoinGroup subscription as the assignor sees it. `ownedPartitions` is `Subscription.ownedPartitions`,
 * which an eager consumer has emptied when it revoked everything (`onJoinPrepare`); the eager `sticky` assignor
 * still knows its previous assignment from its user data (`StickyAssignor#subscriptionUserData`).
 */
function subscription(
  draft: CoordinatorState,
  rebalance: PendingRebalance,
  member: MemberState,
): GroupMember {
  const { protocol, assignor } = draft.config;
  let ownedPartitions: readonly TopicPartition[] = member.partitions;
  if (protocol === "eager") {
    ownedPartitions = assignor === "sticky" ? (rebalance.revoked[member.memberId] ?? member.partitions) : [];
  }
  return {
    memberId: member.memberId,
    groupInstanceId: member.groupInstanceId,
    topics: member.topics,
    ownedPartitions,
    generation: member.generation,
  };
}

/** What a membership change just applied does: joins the rebalance in progress, or starts the next one. */
export function rebalanceEffect(draft: CoordinatorState): RebalanceEffect {
  return draft.rebalance === null
    ? { kind: "started", generation: draft.generation + 1 }
    : { kind: "inProgress", generation: draft.rebalance.generation };
}

/** A stable group starts a rebalance (`maybePrepareRebalance`); one in progress may now complete. */
export function rebalanceAfterChange(
  draft: CoordinatorState,
  reason: "joined" | "left" | "session timeout" | "restart",
  triggeredBy: string,
  atMs: number,
  events: CoordinatorEvent[],
): void {
  if (draft.rebalance === null) startRebalance(draft, reason, triggeredBy, atMs, events);
  else maybeCompleteRebalance(draft, atMs, events);
}

/** The identifying fields every member event carries. */
export function identity(member: MemberState): {
  memberId: string;
  instance: string;
  groupInstanceId: string | null;
} {
  return { memberId: member.memberId, instance: member.instance, groupInstanceId: member.groupInstanceId };
}

function minus(from: readonly TopicPartition[], remove: readonly TopicPartition[]): TopicPartition[] {
  const removed = new Set(remove.map(formatTopicPartition));
  return from.filter((tp) => !removed.has(formatTopicPartition(tp)));
}
