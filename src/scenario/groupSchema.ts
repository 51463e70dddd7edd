/**
 * The scenario's consumer group: how tasks get to instances (`app.group`), and the instance inputs the user schedules
 * (`app.faults`: join, leave, crash, restart).
 */
import { SCENARIO_DEFAULTS } from "./defaults";
import { expression, wallClockMs, withDefault } from "./schemaPrimitives";
import { z } from "./zod";

/** `instance-<n>`: how scenarios name application instances (1-based, like the canvas). */
export const INSTANCE_NAME_PATTERN = /^instance-([1-9][0-9]?)$/;

const instanceName = z
  .string()
  .regex(INSTANCE_NAME_PATTERN, { error: 'must be "instance-<n>" with n from 1 to app.instances' })
  .describe('An application instance: "instance-1", "instance-2", …');

/** A task id (`0_1`) or a partition (`orders-1`, standing for the task that reads it). */
const assignmentUnit = z
  .string()
  .min(1)
  .max(200)
  .describe(
    'A task id ("0_1": sub-topology 0, partition 1) or a partition ("orders-1": the task that reads it).',
  );

export const ASSIGNORS = ["range", "roundrobin", "sticky", "cooperative-sticky", "static", "custom"] as const;

export const groupSchema = z
  .strictObject({
    assignor: withDefault(
      z
        .enum(ASSIGNORS)
        .describe(
          "How tasks are assigned: a Kafka assignor (range, roundrobin, sticky, cooperative-sticky) under group " +
            "management; static (fixed `assignment`, no group: nobody takes over a dead instance's tasks); or custom " +
            "(the `owner` expression, under group management).",
        ),
      SCENARIO_DEFAULTS.group.assignor,
    ),
    protocol: z
      .enum(["eager", "cooperative"])
      .optional()
      .describe(
        "Rebalance protocol. Default: the assignor's preferred one (cooperative for cooperative-sticky, else eager).",
      ),
    sessionTimeoutMs: withDefault(
      z
        .number()
        .int()
        .min(1)
        .max(1_800_000)
        .describe(
          "session.timeout.ms: how long the coordinator waits for heartbeats before removing a member.",
        ),
      SCENARIO_DEFAULTS.group.sessionTimeoutMs,
    ),
    heartbeatIntervalMs: withDefault(
      z
        .number()
        .int()
        .min(1)
        .max(1_800_000)
        .describe("heartbeat.interval.ms: must be lower than sessionTimeoutMs."),
      SCENARIO_DEFAULTS.group.heartbeatIntervalMs,
    ),
    staticMembership: withDefault(
      z
        .boolean()
        .describe(
          'Give every instance a group.instance.id ("<app.id>-<n>"): static membership (KIP-345), so a restart ' +
            "within sessionTimeoutMs causes no rebalance.",
        ),
      false,
    ),
    assignment: z
      .record(instanceName, z.array(assignmentUnit).max(4096))
      .optional()
      .describe(
        'For assignor "static": the tasks or partitions each instance consumes. For "custom": the table used at every ' +
          "rebalance (a task whose instance is not in the group stays unassigned).",
      ),
    owner: expression(
      'For assignor "custom": the index of the member (0-based, in member order) that gets each task, taken modulo ' +
        'the members. Variables: task ("0_1"), subtopology, partition, members (how many), topics (the ' +
        "sub-topology's source topics).",
    ).optional(),
  })
  .describe("The consumer group formed by the application's instances.");

export const faultSchema = z
  .strictObject({
    at: wallClockMs("Wall-clock time (ms) it happens."),
    instance: instanceName,
    action: z
      .enum(["join", "leave", "crash", "restart"])
      .describe(
        "join: first start of an instance that does not start at 0; leave: graceful shutdown (commits, then " +
          "LeaveGroup); crash: dies without committing or leaving; restart: a stopped instance starts again.",
      ),
  })
  .describe("Something an application instance does at a scheduled time.");

export type ScenarioGroup = z.infer<typeof groupSchema>;
export type ScenarioFault = z.infer<typeof faultSchema>;
