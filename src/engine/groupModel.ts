/**
 * The consumer group in the engine's model: how tasks get to instances, the group's timeouts, and the instance
 * inputs a scenario schedules (join, leave, crash, restart). Re-exported by `model.ts`.
 */
import type { Json, WallClockMs } from "./model";

/** What an instance does at a scheduled instant (a scenario input). */
export type InstanceAction =
  /** First start, for an instance that does not start at 0: it sends JoinGroup. */
  | "join"
  /** Graceful shutdown: commits, then sends LeaveGroup (a static member does not: KIP-345). */
  | "leave"
  /** The process dies: no commit, no LeaveGroup; the coordinator notices when its session expires. */
  | "crash"
  /** A stopped instance starts again and sends JoinGroup. */
  | "restart";

export interface InstanceFault {
  atMs: WallClockMs;
  /** Instance index, 0-based (`instance-1` is 0). */
  instance: number;
  action: InstanceAction;
}

/**
 * The user's own assignment rule, run at every rebalance for every task: receives the task and the group, returns
 * the index of the member (0-based, in the coordinator's member order) that gets it; taken modulo the members.
 */
export type TaskOwnerFunction = (task: TaskOwnerContext) => Json;

export interface TaskOwnerContext {
  /** Task id, `<subtopology>_<partition>`. */
  task: string;
  subtopology: number;
  partition: number;
  /** Number of members in the group. */
  members: number;
  /** Source topics of the task's sub-topology. */
  topics: string[];
}

/**
 * How tasks get to instances:
 * - `assignor`: group management with a built-in Kafka assignor applied to tasks (a Kafka Streams application
 *   assigns tasks, so copartitioned partitions travel together), rebalancing on joins, leaves and session timeouts;
 * - `static`: no group management (`KafkaConsumer#assign`): each instance consumes fixed tasks or partitions, and
 *   nobody takes over those of an instance that dies;
 * - `custom`: group management with the user's rule ({@link TaskOwnerFunction});
 * - `customTable`: group management with the user's table: at every rebalance each listed task goes to its
 *   instance if that instance is a member, and stays unassigned otherwise.
 */
export type AssignmentStrategy =
  | { kind: "assignor"; assignor: "range" | "roundrobin" | "sticky" | "cooperative-sticky" }
  /** Per instance: task ids (`0_1`) or partitions (`orders-1`, meaning the task that holds it). */
  | { kind: "static"; units: string[][] }
  | { kind: "custom"; source: string; owner: TaskOwnerFunction }
  /** Per instance: task ids or partitions, as for `static`. */
  | { kind: "customTable"; units: string[][] };

export interface GroupSpec {
  strategy: AssignmentStrategy;
  /** Rebalance protocol; null for the assignor's preferred one (cooperative for `cooperative-sticky`). */
  protocol: "eager" | "cooperative" | null;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** Per instance: its `group.instance.id` (static membership, KIP-345), or null for a dynamic member. */
  groupInstanceIds: (string | null)[];
}

/** Kafka's consumer defaults: `range` (the first of `partition.assignment.strategy`), 45 s sessions, 3 s heartbeats. */
export function defaultGroup(instances: number): GroupSpec {
  return {
    strategy: { kind: "assignor", assignor: "range" },
    protocol: null,
    sessionTimeoutMs: 45_000,
    heartbeatIntervalMs: 3_000,
    groupInstanceIds: Array.from({ length: instances }, () => null),
  };
}
