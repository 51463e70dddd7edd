/**
 * What the group coordinator reports happened, past tense, one fact each. Every event carries its time and enough
 * to be narrated on its own (`describeCoordinatorEvent`), without looking at its neighbours.
 *
 * Example: in an eager `range` group on `orders` (3 partitions) that instance-1 and instance-2 joined at 0,
 * instance-2 crashes at 7000, and time advances: `memberCrashed` (7000) → `heartbeatsStopped` (7000, last
 * heartbeat 6000, expires at 51000) → `sessionExpired` (51000) → `rebalanceStarted` (generation 3, "session
 * timeout") → `partitionsRevoked` (instance-1: orders-0, orders-1) → `generationCompleted` (generation 3:
 * instance-1 owns orders-0, orders-1, orders-2) → `partitionsAssigned` (instance-1: the same three).
 */

import type { WallClockMs } from "../../model";
import type { RebalanceProtocol, StrategyName, TopicPartition } from "../assignor";
import type { CoordinatorInputKind } from "./coordinatorInput";

/** Why a rebalance started. */
export type RebalanceReason = "joined" | "left" | "session timeout" | "restart" | "follow-up (cooperative)";

/**
 * What a membership change did to rebalancing: it `started` a rebalance (the group was stable), it is part of
 * one already `inProgress` (a new JoinGroup joins it; a removal may let it complete), or `none` (a static member
 * coming back or going quiet: KIP-345).
 */
export type RebalanceEffect =
  | { kind: "started"; generation: number }
  | { kind: "inProgress"; generation: number }
  | { kind: "none" };

/** A member of a completed generation and what it owns in it. */
export interface GenerationMember {
  memberId: string;
  instance: string;
  groupInstanceId: string | null;
  partitions: TopicPartition[];
  /** False when its process is not running: its partitions are assigned but nobody consumes them. */
  running: boolean;
}

/** A member whose session the rebalance waits for, and when that session expires. */
export interface AbsentMember {
  memberId: string;
  expiresAtMs: WallClockMs;
}

interface MemberFacts {
  atMs: WallClockMs;
  memberId: string;
  instance: string;
  groupInstanceId: string | null;
  /** A short why. */
  reason: string;
}

export type CoordinatorEvent =
  | (MemberFacts & { kind: "memberJoined"; topics: string[]; rebalance: RebalanceEffect })
  /**
   * A dynamic member sent LeaveGroup and was removed (`leaveGroupSent`), or a static member shut down without it
   * and stays in the group with its partitions, unconsumed.
   */
  | (MemberFacts & {
      kind: "memberLeft";
      leaveGroupSent: boolean;
      partitions: TopicPartition[];
      rebalance: RebalanceEffect;
    })
  | (MemberFacts & { kind: "memberCrashed"; partitions: TopicPartition[] })
  /**
   * The member sends no more heartbeats. Its session expires at `expiresAtMs`, or, when its JoinGroup for the
   * rebalance in progress already arrived (`expiresAtMs` null), `session.timeout.ms` after that rebalance completes.
   */
  | (MemberFacts & {
      kind: "heartbeatsStopped";
      lastHeartbeatMs: WallClockMs;
      sessionTimeoutMs: number;
      expiresAtMs: WallClockMs | null;
    })
  /**
   * The instance started again under a new member id (`memberId`). `previousMemberId` is its former member, which
   * is `stillInGroup` when its session has not expired yet.
   */
  | (MemberFacts & {
      kind: "memberRestarted";
      previousMemberId: string;
      stillInGroup: boolean;
      rebalance: RebalanceEffect;
    })
  | (MemberFacts & {
      kind: "sessionExpired";
      lastHeartbeatMs: WallClockMs;
      sessionTimeoutMs: number;
      partitions: TopicPartition[];
      rebalance: RebalanceEffect;
    })
  | {
      kind: "rebalanceStarted";
      atMs: WallClockMs;
      /** The generation being formed. */
      generation: number;
      reason: RebalanceReason;
      triggeredBy: string | null;
      protocol: RebalanceProtocol;
      /** Every member expected to (re)join. */
      members: string[];
      /** Members that cannot rejoin (not running): the rebalance completes when their sessions expire. */
      waitingFor: AbsentMember[];
    }
  | (MemberFacts & {
      kind: "partitionsRevoked";
      partitions: TopicPartition[];
      /** Cooperative: the members the revoked partitions move to (after a follow-up rebalance); eager: `[]`. */
      movingTo: string[];
      /** The generation being formed. */
      generation: number;
      protocol: RebalanceProtocol;
      running: boolean;
    })
  | (MemberFacts & {
      kind: "partitionsAssigned";
      /** Newly added partitions (what `onPartitionsAssigned` receives). */
      partitions: TopicPartition[];
      /** Everything the member owns in this generation. */
      assignment: TopicPartition[];
      generation: number;
      running: boolean;
    })
  | {
      kind: "generationCompleted";
      atMs: WallClockMs;
      generation: number;
      protocol: RebalanceProtocol;
      assignor: StrategyName;
      reason: RebalanceReason;
      triggeredBy: string | null;
      members: GenerationMember[];
      /** Per member: partitions it revoked in this rebalance (non-empty lists only). */
      revoked: Record<string, TopicPartition[]>;
      /** Per member: partitions newly added in this generation (non-empty lists only). */
      assigned: Record<string, TopicPartition[]>;
      /**
       * Cooperative: partitions withheld until their owner revoked them, by future owner (non-empty lists only).
       * A follow-up rebalance hands them out.
       */
      pendingRevocation: Record<string, TopicPartition[]>;
    }
  | (MemberFacts & {
      kind: "staticMemberRejoined";
      previousMemberId: string;
      /** Unchanged: no rebalance. */
      generation: number;
      partitions: TopicPartition[];
    })
  /** An input that makes no sense in the current state (e.g. crashing an instance that is not running). */
  | {
      kind: "inputIgnored";
      atMs: WallClockMs;
      input: CoordinatorInputKind;
      memberId: string;
      reason: string;
    };

export type CoordinatorEventKind = CoordinatorEvent["kind"];
