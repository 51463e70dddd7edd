/**
 * Heartbeats and session expiry (`session.timeout.ms`), the coordinator's failure detector.
 *
 * A running member heartbeats every `heartbeat.interval.ms`, counted from its last JoinGroup or completed
 * rebalance (the client restarts its heartbeat timer then: `AbstractCoordinator.HeartbeatThread#enable` →
 * `Heartbeat`, which resets its session and poll deadlines there). When its process stops (a crash, or a static member's shutdown), the coordinator is
 * not told: it only notices that heartbeats stop, and removes the member at exactly `lastHeartbeat +
 * session.timeout.ms` (`GroupCoordinator#completeAndScheduleNextExpiration`, `onExpireHeartbeat`).
 *
 * Example (defaults: heartbeat every 3000, session 45000): a member that joined at 1000 and crashes at 8500 last
 * heartbeated at 7000, so it is removed at 52000 unless it comes back first (only a static member can: KIP-345).
 */
import type { WallClockMs } from "../../model";
import type { CoordinatorEvent } from "./coordinatorEvent";
import type { CoordinatorState, InstanceState, MemberState } from "./coordinatorState";
import { nextDeadline, removeMember, sessionDeadline } from "./coordinatorState";
import { identity, rebalanceAfterChange, rebalanceEffect } from "./rebalance";

/**
 * The last heartbeat sent at or before `atMs` by a member whose heartbeat timer restarted at `anchorMs`: heartbeats
 * go out at `anchorMs + k × intervalMs`. A heartbeat due at the very instant the process stops is sent first.
 *
 * Example: anchor 0, interval 3000, crash at 7000 → last heartbeat 6000; crash at 6000 → 6000.
 */
export function lastHeartbeatAt(anchorMs: WallClockMs, atMs: WallClockMs, intervalMs: number): WallClockMs {
  return anchorMs + Math.floor((atMs - anchorMs) / intervalMs) * intervalMs;
}

/**
 * Removes, in time order, every member whose session expires at or before `untilMs`
 * (`GroupCoordinator#onExpireHeartbeat` → `removeMemberAndUpdateGroup`): a stable group starts a rebalance; a
 * rebalance in progress stops waiting for the member and may complete.
 */
export function expireSessions(draft: CoordinatorState, untilMs: number, events: CoordinatorEvent[]): void {
  for (let deadline = nextDeadline(draft); deadline !== undefined && deadline <= untilMs; ) {
    const member = draft.members.find((m) => sessionDeadline(draft, m) === deadline)!;
    draft.nowMs = deadline;
    removeMember(draft, member);
    events.push({
      kind: "sessionExpired",
      atMs: deadline,
      ...identity(member),
      reason: "no heartbeat within session.timeout.ms",
      lastHeartbeatMs: member.lastHeartbeatMs!,
      sessionTimeoutMs: draft.config.sessionTimeoutMs,
      partitions: member.partitions,
      rebalance: rebalanceEffect(draft),
    });
    rebalanceAfterChange(draft, "session timeout", member.memberId, deadline, events);
    deadline = nextDeadline(draft);
  }
}

/** The process stopped: no more heartbeats. Its last one is the last due at or before `atMs`. */
export function stopHeartbeats(
  draft: CoordinatorState,
  instance: InstanceState,
  member: MemberState,
  atMs: number,
): void {
  instance.running = false;
  member.running = false;
  member.lastHeartbeatMs = lastHeartbeatAt(member.heartbeatAnchorMs, atMs, draft.config.heartbeatIntervalMs);
}

/** The `heartbeatsStopped` event: when the member's session will expire. */
export function heartbeatsStopped(
  draft: CoordinatorState,
  member: MemberState,
  atMs: number,
): CoordinatorEvent {
  return {
    kind: "heartbeatsStopped",
    atMs,
    ...identity(member),
    reason: "process not running",
    lastHeartbeatMs: member.lastHeartbeatMs!,
    sessionTimeoutMs: draft.config.sessionTimeoutMs,
    expiresAtMs: sessionDeadline(draft, member) ?? null,
  };
}
