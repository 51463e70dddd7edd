/**
 * Scenario inputs the group coordinator reacts to: what a consumer instance does, and time passing. Imperative
 * names, because the user schedules them; the caller delivers them in time order.
 *
 * `memberId` names the *instance*: the member id of its first incarnation, and the name by which later inputs
 * address it even after a restart gave it a new member id.
 *
 * Example: `[{ kind: "join", atMs: 0, memberId: "instance-1", groupInstanceId: null, topics: ["orders"] },
 * { kind: "crash", atMs: 7000, memberId: "instance-1" }, { kind: "advanceTo", atMs: 60000 }]`.
 */
import type { WallClockMs } from "../../model";

export type CoordinatorInput =
  /** The instance starts and sends JoinGroup. */
  | {
      kind: "join";
      atMs: WallClockMs;
      memberId: string;
      /** `group.instance.id` for a static member (KIP-345), `null` for a dynamic one. */
      groupInstanceId: string | null;
      topics: readonly string[];
    }
  /**
   * Several instances start at the same instant. Their JoinGroups reach the coordinator within one join phase, so
   * they form a single generation together, as `group.initial.rebalance.delay.ms` arranges for a new group
   * (`InitialDelayedJoin`) instead of one rebalance per member.
   */
  | {
      kind: "joinAll";
      atMs: WallClockMs;
      members: readonly { memberId: string; groupInstanceId: string | null; topics: readonly string[] }[];
    }
  /** Graceful shutdown: a dynamic member sends LeaveGroup; a static member does not (KIP-345). */
  | { kind: "leave"; atMs: WallClockMs; memberId: string }
  /** The process stops without a word: no LeaveGroup, no more heartbeats. */
  | { kind: "crash"; atMs: WallClockMs; memberId: string }
  /** The stopped instance starts again with the same configuration and sends JoinGroup. */
  | { kind: "restart"; atMs: WallClockMs; memberId: string }
  /** Time passes; sessions whose deadline is reached expire. */
  | { kind: "advanceTo"; atMs: WallClockMs };

export type CoordinatorInputKind = CoordinatorInput["kind"];
