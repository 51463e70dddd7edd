/**
 * Who runs which task, over time: the run loop's view of the consumer group.
 *
 * A Kafka Streams application is one consumer group whose members are its instances. Its assignor hands out
 * *tasks* rather than single partitions (`StreamsPartitionAssignor`): task `<subtopology>_<p>` holds partition p of
 * every source topic of its sub-topology, so copartitioned partitions always travel together. The coordinator here
 * assigns tasks as units named like partitions — sub-topology `s` is the "topic" `"s"` and task `s_p` its partition
 * p — with the strategy the scenario picks (a built-in Kafka assignor's rule, or the user's own), and rebalances on
 * joins, leaves and session timeouts (`groups/coordinator`).
 *
 * With static assignment there is no group at all (`KafkaConsumer#assign`): each instance consumes fixed tasks,
 * and when it dies nobody takes them over. The driver then reports the same kinds of events, marked `static`.
 */

import type { PartitionAssignor, TopicPartition } from "../groups/assignor";
import {
  apply,
  type CoordinatorEvent,
  type CoordinatorInput,
  type CoordinatorState,
  createCoordinator,
  nextDeadline,
} from "../groups/coordinator";
import type { InstanceFault, Json, SimulationModel, TaskOwnerFunction, WallClockMs } from "../model";
import type { TopologyGraph } from "../topology/topologyGraph";
import { SimulationError } from "./simulationError";

/** How the tasks of an event were handed out: by a consumer group, or statically. */
export type GroupMode = "group" | "static";

/** What the trace stores for one group step. Units are tasks: `{ topic: "<subtopology>", partition: p }`. */
export interface GroupStepPayload {
  mode: GroupMode;
  event: CoordinatorEvent;
}

export interface GroupDriver {
  readonly mode: GroupMode;
  /** Instances that start at 0 join, together. */
  start(members: number[]): CoordinatorEvent[];
  /** Scenario inputs due at one instant, in order. */
  input(faults: InstanceFault[], atMs: WallClockMs): CoordinatorEvent[];
  /** Time passes; sessions due expire. */
  advanceTo(atMs: WallClockMs): CoordinatorEvent[];
  /** When a session expires next, if ever. */
  nextDeadline(): WallClockMs | undefined;
}

/** The task index of a unit, or -1 for one the graph does not have. */
export function taskIndexOfUnit(graph: TopologyGraph, unit: TopicPartition): number {
  const subtopology = Number(unit.topic);
  return graph.tasks.findIndex((t) => t.subtopology === subtopology && t.partition === unit.partition);
}

/** The unit the coordinator assigns for a task. */
export function unitOfTask(graph: TopologyGraph, task: number): TopicPartition {
  const spec = graph.tasks[task]!;
  return { topic: String(spec.subtopology), partition: spec.partition };
}

export function instanceMemberName(index: number): string {
  return `instance-${index + 1}`;
}

export function createGroupDriver(model: SimulationModel, graph: TopologyGraph): GroupDriver {
  const { group } = model.app;
  if (group.strategy.kind === "static") return staticDriver(model, graph, group.strategy.units);
  return coordinatorDriver(model, graph);
}

function subscriptions(graph: TopologyGraph): {
  topics: string[];
  partitionsPerTopic: Record<string, number>;
} {
  const partitionsPerTopic: Record<string, number> = {};
  for (const task of graph.tasks) {
    const key = String(task.subtopology);
    partitionsPerTopic[key] = Math.max(partitionsPerTopic[key] ?? 0, task.partition + 1);
  }
  return { topics: Object.keys(partitionsPerTopic), partitionsPerTopic };
}

function coordinatorDriver(model: SimulationModel, graph: TopologyGraph): GroupDriver {
  const { app } = model;
  const { group } = app;
  const { topics, partitionsPerTopic } = subscriptions(graph);
  const strategy = group.strategy;
  let customAssignor: PartitionAssignor | undefined;
  if (strategy.kind === "custom") customAssignor = customTaskAssignor(graph, strategy.owner, strategy.source);
  if (strategy.kind === "customTable") customAssignor = tableTaskAssignor(graph, strategy.units);
  let state: CoordinatorState;
  try {
    state = createCoordinator({
      groupId: app.id,
      assignor: strategy.kind === "assignor" ? strategy.assignor : "custom",
      ...(customAssignor ? { customAssignor } : {}),
      ...(group.protocol === null ? {} : { protocol: group.protocol }),
      sessionTimeoutMs: group.sessionTimeoutMs,
      heartbeatIntervalMs: group.heartbeatIntervalMs,
      rebalanceTimeoutMs: Math.max(300_000, group.sessionTimeoutMs),
      partitionsPerTopic,
    });
  } catch (error) {
    throw new SimulationError(`app.group: ${error instanceof Error ? error.message : String(error)}`);
  }
  const step = (input: CoordinatorInput): CoordinatorEvent[] => {
    const next = apply(state, input);
    state = next.state;
    return next.events;
  };
  const joiner = (instance: number) => ({
    memberId: instanceMemberName(instance),
    groupInstanceId: group.groupInstanceIds[instance] ?? null,
    topics,
  });
  return {
    mode: "group",
    start(members) {
      if (members.length === 0) return [];
      return step({ kind: "joinAll", atMs: 0, members: members.map(joiner) });
    },
    input(faults, atMs) {
      const events: CoordinatorEvent[] = [];
      const joins = faults.filter((f) => f.action === "join");
      if (joins.length > 0)
        events.push(...step({ kind: "joinAll", atMs, members: joins.map((f) => joiner(f.instance)) }));
      for (const fault of faults) {
        if (fault.action === "join") continue;
        events.push(...step({ kind: fault.action, atMs, memberId: instanceMemberName(fault.instance) }));
      }
      return events;
    },
    advanceTo(atMs) {
      return step({ kind: "advanceTo", atMs });
    },
    nextDeadline() {
      return nextDeadline(state);
    },
  };
}

/**
 * The user's rule as a `ConsumerPartitionAssignor`: for every task, the member at the index it returns (modulo the
 * members, in the coordinator's member order).
 */
function customTaskAssignor(
  graph: TopologyGraph,
  owner: TaskOwnerFunction,
  source: string,
): PartitionAssignor {
  const topicsOf = new Map<number, string[]>();
  for (const task of graph.tasks) {
    if (topicsOf.has(task.subtopology)) continue;
    topicsOf.set(task.subtopology, [
      ...new Set(task.topicPartitions.map((tp) => graph.topicPartitions[tp]!.topic)),
    ]);
  }
  return {
    name: "custom",
    supportedProtocols: ["eager"],
    assign({ members }) {
      const byMember: Record<string, TopicPartition[]> = {};
      for (const member of members) byMember[member.memberId] = [];
      if (members.length === 0) return { byMember };
      for (const task of graph.tasks) {
        let chosen: Json;
        try {
          chosen = owner({
            task: task.id,
            subtopology: task.subtopology,
            partition: task.partition,
            members: members.length,
            topics: topicsOf.get(task.subtopology)!,
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new SimulationError(
            `app.group.assignment (custom "${source}") failed for task ${task.id}: ${reason}`,
          );
        }
        if (typeof chosen !== "number" || !Number.isInteger(chosen)) {
          throw new SimulationError(
            `app.group.assignment (custom "${source}") returned ${JSON.stringify(chosen)} for task ${task.id}: ` +
              "expected an integer member index",
          );
        }
        const index = ((chosen % members.length) + members.length) % members.length;
        byMember[members[index]!.memberId]!.push({
          topic: String(task.subtopology),
          partition: task.partition,
        });
      }
      return { byMember };
    },
  };
}

/**
 * The user's table as a `ConsumerPartitionAssignor`: every listed task goes to its instance's current member (the
 * instance's first member id, or `<instance>-<n>` after a restart) when that member is in the group; other tasks
 * stay unassigned.
 */
function tableTaskAssignor(graph: TopologyGraph, units: string[][]): PartitionAssignor {
  const ownerOf = new Map<number, number>();
  units.forEach((list, instance) => {
    list.forEach((unit, i) => {
      const path = `app.group.assignment["${instanceMemberName(instance)}"][${i}]`;
      ownerOf.set(resolveUnit(graph, unit, path), instance);
    });
  });
  return {
    name: "custom",
    supportedProtocols: ["eager"],
    assign({ members }) {
      const byMember: Record<string, TopicPartition[]> = {};
      const memberOfInstance = new Map<string, string>();
      for (const member of members) {
        byMember[member.memberId] = [];
        const instance = /^(instance-\d+)(?:-\d+)?$/.exec(member.memberId)?.[1];
        if (instance !== undefined) memberOfInstance.set(instance, member.memberId);
      }
      for (let t = 0; t < graph.tasks.length; t++) {
        const instance = ownerOf.get(t);
        const member =
          instance === undefined ? undefined : memberOfInstance.get(instanceMemberName(instance));
        if (member !== undefined) byMember[member]!.push(unitOfTask(graph, t));
      }
      return { byMember };
    },
  };
}

/** Fixed tasks per instance, no coordinator: nobody takes over the tasks of an instance that is not running. */
function staticDriver(model: SimulationModel, graph: TopologyGraph, units: string[][]): GroupDriver {
  const tasksOf = units.map((list, instance) =>
    [
      ...new Set(
        list.map((unit, i) =>
          resolveUnit(graph, unit, `app.group.assignment["${instanceMemberName(instance)}"][${i}]`),
        ),
      ),
    ]
      .sort((x, y) => x - y)
      .map((t) => unitOfTask(graph, t)),
  );
  const running = new Uint8Array(model.app.instances);
  const restarts = new Int32Array(model.app.instances);
  const identity = (instance: number) => ({
    memberId:
      restarts[instance] === 0
        ? instanceMemberName(instance)
        : `${instanceMemberName(instance)}-${restarts[instance]}`,
    instance: instanceMemberName(instance),
    groupInstanceId: null,
  });
  const startOne = (instance: number, atMs: WallClockMs, events: CoordinatorEvent[]) => {
    running[instance] = 1;
    const partitions = tasksOf[instance] ?? [];
    events.push({
      kind: "partitionsAssigned",
      atMs,
      ...identity(instance),
      reason: "static assignment (KafkaConsumer#assign): no consumer group",
      partitions,
      assignment: partitions,
      generation: 0,
      running: true,
    });
  };
  const ignored = (fault: InstanceFault, atMs: WallClockMs, reason: string): CoordinatorEvent => ({
    kind: "inputIgnored",
    atMs,
    input: fault.action,
    memberId: instanceMemberName(fault.instance),
    reason,
  });
  return {
    mode: "static",
    start(members) {
      const events: CoordinatorEvent[] = [];
      for (const instance of members) startOne(instance, 0, events);
      return events;
    },
    input(faults, atMs) {
      const events: CoordinatorEvent[] = [];
      for (const fault of faults) {
        const { instance } = fault;
        const partitions = tasksOf[instance] ?? [];
        switch (fault.action) {
          case "join":
          case "restart":
            if (running[instance]) {
              events.push(ignored(fault, atMs, `${instanceMemberName(instance)} is running`));
              break;
            }
            if (fault.action === "restart") restarts[instance]!++;
            startOne(instance, atMs, events);
            break;
          case "crash":
          case "leave":
            if (!running[instance]) {
              events.push(ignored(fault, atMs, `${instanceMemberName(instance)} is not running`));
              break;
            }
            running[instance] = 0;
            events.push(
              fault.action === "crash"
                ? {
                    kind: "memberCrashed",
                    atMs,
                    ...identity(instance),
                    reason: "static assignment: nobody takes over",
                    partitions,
                  }
                : {
                    kind: "memberLeft",
                    atMs,
                    ...identity(instance),
                    reason: "static assignment: nobody takes over",
                    leaveGroupSent: false,
                    partitions,
                    rebalance: { kind: "none" },
                  },
            );
            break;
          default: {
            const unknown: never = fault.action;
            throw new SimulationError(`unknown instance action ${unknown}`);
          }
        }
      }
      return events;
    },
    advanceTo() {
      return [];
    },
    nextDeadline() {
      return undefined;
    },
  };
}

/** A task id (`0_1`) or a partition name (`orders-1`, the task that reads it) → task index. */
function resolveUnit(graph: TopologyGraph, unit: string, path: string): number {
  const byId = graph.tasks.findIndex((t) => t.id === unit);
  if (byId >= 0) return byId;
  const tp = graph.topicPartitions.findIndex((ref) => ref.name === unit);
  if (tp >= 0) {
    const task = graph.tasks.findIndex((t) => t.topicPartitions.includes(tp));
    if (task >= 0) return task;
    throw new SimulationError(`${path}: partition ${unit} is not read by the application`);
  }
  const known = graph.tasks.map((t) => t.id).join(", ");
  throw new SimulationError(`${path}: unknown task or partition "${unit}" (tasks: ${known})`);
}

/**
 * A unit as the narration prints it: the partition for a task that reads one (`orders-1`), else the task and its
 * partitions (`0_1 (orders-1 + payments-1)`).
 */
export function formatTaskUnit(graph: TopologyGraph, unit: TopicPartition): string {
  const task = graph.tasks[taskIndexOfUnit(graph, unit)];
  if (task === undefined) return `${unit.topic}_${unit.partition}`;
  const names = task.topicPartitions.map((tp) => graph.topicPartitions[tp]!.name);
  return names.length === 1 ? names[0]! : `${task.id} (${names.join(" + ")})`;
}
