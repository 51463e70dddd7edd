/**
 * One line of narration per coordinator event, naming the rule that applied. It reads only the event itself.
 *
 * Examples:
 * - `instance-2 missed heartbeats for 45000 ms (session.timeout.ms): the coordinator removed it and started a
 *   rebalance (generation 3)`
 * - `static member instance-1 rejoined within session.timeout.ms: no rebalance, it keeps orders-0, orders-1
 *   (KIP-345); generation 2 unchanged, new member id instance-1-1`
 */
import type { TopicPartition } from "../assignor";
import { formatTopicPartition } from "../topicPartition";
import type { CoordinatorEvent, RebalanceEffect, RebalanceReason } from "./coordinatorEvent";

/**
 * `formatUnit` prints one assigned unit; by default a partition as `<topic>-<partition>`. A Kafka Streams
 * application assigns tasks, and prints them its own way.
 */
export function describeCoordinatorEvent(
  e: CoordinatorEvent,
  formatUnit: (tp: TopicPartition) => string = formatTopicPartition,
): string {
  const list = (partitions: readonly TopicPartition[]) => listWith(formatUnit, partitions);
  const keeps = (partitions: readonly TopicPartition[]) => keepsWith(formatUnit, partitions);
  switch (e.kind) {
    case "memberJoined":
      return `${who(e)} joined the group (JoinGroup, topics ${e.topics.join(", ") || "none"}): ${effect(e.rebalance)}`;
    case "memberLeft":
      return e.leaveGroupSent
        ? `${who(e)} left the group (LeaveGroup), giving up ${list(e.partitions)}: ${effect(e.rebalance)}`
        : `${who(e)} shut down without sending LeaveGroup (KIP-345): it stays in the group until it restarts or its ` +
            `session expires; ${keeps(e.partitions)}`;
    case "memberCrashed":
      return `${who(e)} crashed without sending LeaveGroup: the coordinator does not know yet; ${keeps(e.partitions)}`;
    case "heartbeatsStopped":
      return e.expiresAtMs === null
        ? `${e.memberId} stopped heartbeating; its JoinGroup for the rebalance in progress already arrived, so the ` +
            `coordinator keeps it until that rebalance completes and expects heartbeats from then on`
        : `${e.memberId} stopped heartbeating; its last heartbeat was at ${e.lastHeartbeatMs} ms, so its session ` +
            `expires at ${e.expiresAtMs} ms (+ session.timeout.ms ${e.sessionTimeoutMs})`;
    case "memberRestarted":
      return `${e.instance} restarted as member ${e.memberId}: ${restartRule(e)}`;
    case "sessionExpired":
      return (
        `${e.memberId} missed heartbeats for ${e.sessionTimeoutMs} ms (session.timeout.ms): the coordinator ` +
        `removed it and ${afterRemoval(e.rebalance)}${e.partitions.length === 0 ? "" : `, freeing ${list(e.partitions)}`}`
      );
    case "rebalanceStarted": {
      const waiting =
        e.waitingFor.length === 0
          ? ""
          : `; it waits for ${e.waitingFor.map((a) => `${a.memberId} (session expires at ${a.expiresAtMs} ms)`).join(", ")}, ` +
            "which cannot rejoin: every member must rejoin or be removed before a generation completes";
      return (
        `rebalance started for generation ${e.generation} (${because(e.reason, e.triggeredBy)}, ${e.protocol} ` +
        `protocol), (re)joining: ${e.members.join(", ") || "no members"}${waiting}`
      );
    }
    case "partitionsRevoked": {
      const rule =
        e.protocol === "eager"
          ? "before rejoining (eager protocol: every member gives up all its partitions when a rebalance starts)"
          : `, which move to ${e.movingTo.join(", ") || "another member"} (cooperative protocol, KIP-429: only ` +
            "partitions that move are revoked, and a follow-up rebalance hands them over)";
      const onPaper = e.running ? "" : "; it is not running, so the coordinator just takes them back";
      return `${e.memberId} revoked ${list(e.partitions)}${e.protocol === "eager" ? " " : ""}${rule}${onPaper}`;
    }
    case "partitionsAssigned":
      return (
        `${e.memberId} was assigned ${list(e.partitions)} in generation ${e.generation}; it now owns ` +
        `${list(e.assignment)}${notRunning(e.running)}`
      );
    case "generationCompleted": {
      const owners = e.members.map((m) => `${m.memberId}: ${list(m.partitions)}`).join("; ");
      const pending = Object.values(e.pendingRevocation).flat();
      const followUp =
        pending.length === 0
          ? ""
          : `; ${list(pending)} wait until their owner has revoked them (cooperative: a follow-up rebalance hands them out)`;
      return (
        `generation ${e.generation} completed (${e.assignor}, ${e.protocol}; ${because(e.reason, e.triggeredBy)}): ` +
        `${owners || "the group is empty"}${followUp}`
      );
    }
    case "staticMemberRejoined":
      return (
        `static member ${e.instance} rejoined within session.timeout.ms: no rebalance, it keeps ` +
        `${list(e.partitions)} (KIP-345); generation ${e.generation} unchanged, new member id ${e.memberId}`
      );
    case "inputIgnored":
      return `${e.input} of ${e.memberId} ignored: ${e.reason}`;
    default: {
      const unknown: never = e;
      return `unknown coordinator event ${JSON.stringify(unknown)}`;
    }
  }
}

function who(e: { memberId: string; groupInstanceId: string | null }): string {
  return e.groupInstanceId === null
    ? `dynamic member ${e.memberId}`
    : `static member ${e.memberId} (group.instance.id ${e.groupInstanceId})`;
}

function listWith(format: (tp: TopicPartition) => string, partitions: readonly TopicPartition[]): string {
  return partitions.length === 0 ? "no partitions" : partitions.map(format).join(", ");
}

function keepsWith(format: (tp: TopicPartition) => string, partitions: readonly TopicPartition[]): string {
  return partitions.length === 0
    ? "it owns no partitions"
    : `${listWith(format, partitions)} stay assigned to it, unconsumed`;
}

function notRunning(running: boolean): string {
  return running
    ? ""
    : "; it is not running, so nobody consumes them until it restarts or its session expires";
}

function effect(rebalance: RebalanceEffect): string {
  switch (rebalance.kind) {
    case "started":
      return `the coordinator started a rebalance (generation ${rebalance.generation})`;
    case "inProgress":
      return `it takes part in the rebalance in progress (generation ${rebalance.generation})`;
    case "none":
      return "no rebalance";
    default: {
      const unknown: never = rebalance;
      return JSON.stringify(unknown);
    }
  }
}

function afterRemoval(rebalance: RebalanceEffect): string {
  switch (rebalance.kind) {
    case "started":
      return `started a rebalance (generation ${rebalance.generation})`;
    case "inProgress":
      return `the rebalance in progress (generation ${rebalance.generation}) no longer waits for it`;
    case "none":
      return "started no rebalance";
    default: {
      const unknown: never = rebalance;
      return JSON.stringify(unknown);
    }
  }
}

function because(reason: RebalanceReason, triggeredBy: string | null): string {
  switch (reason) {
    case "joined":
      return `${triggeredBy} joined`;
    case "left":
      return `${triggeredBy} left`;
    case "session timeout":
      return `${triggeredBy}'s session timed out`;
    case "restart":
      return `${triggeredBy} joined after a restart`;
    case "follow-up (cooperative)":
      return "cooperative follow-up: members revoked partitions and rejoined";
    default: {
      const unknown: never = reason;
      return unknown;
    }
  }
}

function restartRule(e: CoordinatorEvent & { kind: "memberRestarted" }): string {
  if (e.groupInstanceId !== null && e.stillInGroup) {
    const place = `its group.instance.id ${e.groupInstanceId} is still in the group, so it takes over ${e.previousMemberId}'s place (KIP-345)`;
    return e.rebalance.kind === "none"
      ? place
      : `${place}; owning nothing, as a fresh consumer, ${effect(e.rebalance)}`;
  }
  const why =
    e.groupInstanceId === null
      ? "a dynamic member comes back under a new member id, as a new member"
      : `${e.previousMemberId}'s session had expired, so group.instance.id ${e.groupInstanceId} joins as a new member`;
  const old =
    e.groupInstanceId === null && e.stillInGroup
      ? `; the old member ${e.previousMemberId} stays in the group until its session expires, and the rebalance waits for it`
      : "";
  return `${why}: ${effect(e.rebalance)}${old}`;
}
