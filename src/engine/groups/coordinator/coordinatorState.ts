/**
 * The group coordinator's state: plain, JSON-serialisable data, so a run can be snapshotted, compared and replayed.
 *
 * It holds what the broker's `GroupMetadata` holds (members, generation, whether a rebalance is in progress) plus
 * what each consumer knows of itself (`ConsumerCoordinator`: the partitions it owns), and the scenario's instances,
 * which outlive member ids: a restarted instance comes back under a new member id.
 *
 * Example, after `instance-1` (static, `group.instance.id` `app-1`) and `instance-2` both joined a `range` group on
 * `orders` (3 partitions) at 0, and `instance-2` crashed at 7000:
 * - `generation` 2, no `rebalance` in progress;
 * - `instance-1`: running, owns `orders-0`, `orders-1`;
 * - `instance-2`: not running, still owns `orders-2` (unconsumed), last heartbeat at 6000 (it joined at 0 and
 *   heartbeats every 3000), so {@link nextDeadline} is 51000, when its session expires.
 */

import type { WallClockMs } from "../../model";
import type { TopicPartition } from "../assignor";
import { formatTopicPartition } from "../topicPartition";
import type { CoordinatorConfig, ResolvedCoordinatorConfig } from "./coordinatorConfig";
import { resolveCoordinatorConfig } from "./coordinatorConfig";
import type { RebalanceReason } from "./coordinatorEvent";

/** One member of the group, as the coordinator knows it, plus what its consumer owns. */
export interface MemberState {
  /** Coordinator-given `member.id`: the instance's name, then `<instance>-<n>` after its n-th restart. */
  memberId: string;
  /** The scenario instance this member is an incarnation of. */
  instance: string;
  /** `group.instance.id` of a static member (KIP-345), `null` for a dynamic one. */
  groupInstanceId: string | null;
  topics: string[];
  /**
   * Partitions the member owns, sorted. For a member that is not running: the partitions last assigned to it, which
   * nobody consumes.
   */
  partitions: TopicPartition[];
  /** Generation in which `partitions` were assigned; `DEFAULT_GENERATION` (-1) for a fresh consumer. */
  generation: number;
  /** False once the process crashed or (static) shut down: it sends no more heartbeats. */
  running: boolean;
  /**
   * Time of its last JoinGroup or completed rebalance. The client restarts its heartbeat timer then
   * (`AbstractCoordinator.HeartbeatThread#enable` → `Heartbeat`, which resets its session and poll deadlines there), so while it runs it heartbeats at
   * `heartbeatAnchorMs + k × heartbeat.interval.ms`.
   */
  heartbeatAnchorMs: WallClockMs;
  /** When not running: the last time the coordinator heard from it. Its session expires `session.timeout.ms` later. */
  lastHeartbeatMs: WallClockMs | null;
  /** True while a rebalance is in progress and this member's JoinGroup for it has arrived. */
  joined: boolean;
}

/** A consumer instance of the scenario, addressed by the inputs under a stable name. */
export interface InstanceState {
  instance: string;
  groupInstanceId: string | null;
  topics: string[];
  running: boolean;
  /** Member id of its latest incarnation, which may have left the group or been removed from it. */
  memberId: string;
  /** Restarts so far; the n-th restart's member id is `<instance>-<n>` (or the next free `n`). */
  restarts: number;
}

/** A rebalance in progress (`PreparingRebalance`): waiting for every member's JoinGroup. */
export interface PendingRebalance {
  /** The generation it will form. */
  generation: number;
  reason: RebalanceReason;
  /** The member whose join, leave, restart or expiry started it; `null` for a cooperative follow-up. */
  triggeredBy: string | null;
  startedAtMs: WallClockMs;
  /** Partitions each member revoked during this rebalance (eager: all it owned, when the rebalance started). */
  revoked: Record<string, TopicPartition[]>;
}

export interface CoordinatorState {
  config: ResolvedCoordinatorConfig;
  /** The coordinator's wall clock: the time of the last input. */
  nowMs: WallClockMs;
  /** The last completed generation; 0 before the first rebalance (`GroupMetadata.generationId`). */
  generation: number;
  /** Sorted by `compareMembers`: static members by instance id, then dynamic ones by member id. */
  members: MemberState[];
  /** In the order they first joined. */
  instances: InstanceState[];
  rebalance: PendingRebalance | null;
}

/** An empty group (`Empty` state, generation 0) at time 0. */
export function createCoordinator(config: CoordinatorConfig): CoordinatorState {
  return {
    config: resolveCoordinatorConfig(config),
    nowMs: 0,
    generation: 0,
    members: [],
    instances: [],
    rebalance: null,
  };
}

/** Member id → the partitions it owns (possibly `[]`), for every member in the group. */
export function currentAssignment(state: CoordinatorState): Record<string, TopicPartition[]> {
  return Object.fromEntries(state.members.map((member) => [member.memberId, [...member.partitions]]));
}

/** The member that owns `tp`, or `undefined` when nobody does (before the first rebalance, or while it moves). */
export function ownerOf(state: CoordinatorState, tp: TopicPartition): string | undefined {
  const key = formatTopicPartition(tp);
  return state.members.find((member) => member.partitions.some((p) => formatTopicPartition(p) === key))
    ?.memberId;
}

/** The member id of an instance's latest incarnation while it is in the group, else `undefined`. */
export function memberIdOf(state: CoordinatorState, instance: string): string | undefined {
  const memberId = state.instances.find((i) => i.instance === instance)?.memberId;
  return state.members.some((member) => member.memberId === memberId) ? memberId : undefined;
}

/**
 * When the session of this member expires, or `undefined` if it does not: a running member keeps heartbeating,
 * and the coordinator keeps a member whose JoinGroup is in until the rebalance completes (`shouldKeepAlive`).
 * Kafka's coordinator expires a member at exactly `lastHeartbeat + session.timeout.ms`
 * (`GroupCoordinator#completeAndScheduleNextExpiration`, `GroupMetadataManager#rescheduleClassicGroupMemberHeartbeat`).
 */
export function sessionDeadline(state: CoordinatorState, member: MemberState): WallClockMs | undefined {
  if (member.running || member.lastHeartbeatMs === null) return undefined;
  if (state.rebalance !== null && member.joined) return undefined;
  return member.lastHeartbeatMs + state.config.sessionTimeoutMs;
}

/**
 * The next wall-clock time at which something happens without an input: the earliest session expiry, or
 * `undefined`. The run loop delivers `advanceTo` at that time (or any later input, which first applies it).
 */
export function nextDeadline(state: CoordinatorState): WallClockMs | undefined {
  let next: WallClockMs | undefined;
  for (const member of state.members) {
    const deadline = sessionDeadline(state, member);
    if (deadline !== undefined && (next === undefined || deadline < next)) next = deadline;
  }
  return next;
}

/** A deep copy, so that a transition never changes the state it was given. */
export function cloneState(state: CoordinatorState): CoordinatorState {
  return {
    config: { ...state.config, partitionsPerTopic: { ...state.config.partitionsPerTopic } },
    nowMs: state.nowMs,
    generation: state.generation,
    members: state.members.map((member) => ({
      ...member,
      topics: [...member.topics],
      partitions: [...member.partitions],
    })),
    instances: state.instances.map((instance) => ({ ...instance, topics: [...instance.topics] })),
    rebalance:
      state.rebalance === null
        ? null
        : {
            ...state.rebalance,
            revoked: Object.fromEntries(
              Object.entries(state.rebalance.revoked).map(([id, ps]) => [id, [...ps]]),
            ),
          },
  };
}

/** Takes a member out of the group (it left, or its session expired). */
export function removeMember(draft: CoordinatorState, member: MemberState): void {
  draft.members = draft.members.filter((m) => m !== member);
}
