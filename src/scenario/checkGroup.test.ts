import { describe, expect, it } from "vitest";
import { compileScenario } from "./compileScenario";
import type { ScenarioError } from "./scenarioError";
import type { Scenario } from "./schema";
import { validScenarioInput } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

function errorsOf(app: Record<string, unknown>): ScenarioError[] {
  const input = validScenarioInput();
  Object.assign(input.app, app);
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

describe("validateScenario: the consumer group", () => {
  it("accepts a group with faults in a plausible order", () => {
    expect(
      errorsOf({
        instances: 2,
        group: { assignor: "cooperative-sticky", sessionTimeoutMs: 6000, heartbeatIntervalMs: 2000 },
        faults: [
          { at: 5000, instance: "instance-2", action: "restart" },
          { at: 1000, instance: "instance-2", action: "crash" },
        ],
      }),
    ).toEqual([]);
  });

  it("rejects a protocol the assignor does not support, as Kafka's ConsumerCoordinator does", () => {
    expect(errorsOf({ group: { assignor: "range", protocol: "cooperative" } })).toEqual([
      {
        path: "app.group.protocol",
        message: "assignor range does not support the cooperative rebalance protocol (it supports eager)",
      },
    ]);
  });

  it("rejects a heartbeat interval not below the session timeout", () => {
    expect(errorsOf({ group: { sessionTimeoutMs: 3000, heartbeatIntervalMs: 3000 } })).toEqual([
      {
        path: "app.group.heartbeatIntervalMs",
        message: "heartbeat.interval.ms (3000) must be lower than session.timeout.ms (3000)",
      },
    ]);
  });

  it("needs an assignment for static assignment and names unknown partitions and instances", () => {
    expect(errorsOf({ group: { assignor: "static" } })).toEqual([
      {
        path: "app.group.assignment",
        message: 'assignor "static" needs an assignment: the tasks or partitions of each instance',
      },
    ]);
    expect(
      errorsOf({
        group: { assignor: "static", assignment: { "instance-1": ["clicks-7", "nope"], "instance-3": [] } },
      }),
    ).toEqual([
      {
        path: 'app.group.assignment["instance-1"][0]',
        message: 'partition 7 is out of range: topic "clicks" has 3 (0..2)',
      },
      {
        path: 'app.group.assignment["instance-1"][1]',
        message: '"nope" is neither a task id ("0_1") nor a partition of a declared topic ("orders-1")',
      },
      {
        path: 'app.group.assignment["instance-3"]',
        message: 'unknown instance "instance-3": app.instances is 1 (instance-1..instance-1)',
      },
    ]);
  });

  it("takes a custom table or a custom expression, not both and not neither", () => {
    expect(errorsOf({ group: { assignor: "custom", assignment: { "instance-1": ["clicks-0"] } } })).toEqual(
      [],
    );
    expect(errorsOf({ group: { assignor: "custom" } })).toEqual([
      {
        path: "app.group.owner",
        message: 'assignor "custom" needs an owner expression or an assignment table',
      },
    ]);
    expect(
      errorsOf({ group: { assignor: "custom", owner: "0", assignment: { "instance-1": ["clicks-0"] } } }),
    ).toEqual([
      {
        path: "app.group.assignment",
        message: 'assignor "custom" takes an owner expression or an assignment table, not both',
      },
    ]);
  });

  it("checks the custom owner expression in its own scope", () => {
    expect(errorsOf({ group: { assignor: "custom", owner: "partition % members" } })).toEqual([]);
    const [error] = errorsOf({ group: { assignor: "custom", owner: "key % members" } });
    expect(error?.path).toBe("app.group.owner");
    expect(error?.message).toContain('unknown name "key"');
  });

  it("rejects a crash of an instance that is not running and a restart of one that is", () => {
    expect(
      errorsOf({
        instances: 2,
        faults: [
          { at: 1000, instance: "instance-2", action: "restart" },
          { at: 2000, instance: "instance-2", action: "crash" },
          { at: 3000, instance: "instance-2", action: "leave" },
        ],
      }),
    ).toEqual([
      {
        path: "app.faults[0].action",
        message: "instance-2 is running at 1000 ms (started at 0 ms): only a stopped instance restarts",
      },
      { path: "app.faults[2].action", message: "instance-2 is not running at 3000 ms (crash at 2000 ms)" },
    ]);
  });

  it("rejects a second join, and a restart before the first join", () => {
    expect(
      errorsOf({
        instances: 2,
        faults: [
          { at: 1000, instance: "instance-2", action: "restart" },
          { at: 2000, instance: "instance-2", action: "join" },
          { at: 3000, instance: "instance-2", action: "join" },
        ],
      }),
    ).toEqual([
      {
        path: "app.faults[0].action",
        message: 'instance-2 has not joined yet: use "join" for its first start',
      },
      {
        path: "app.faults[2].action",
        message: 'instance-2 already joined (join at 2000 ms): use "restart" to start it again',
      },
    ]);
  });
});

describe("compileScenario: the consumer group", () => {
  it("compiles Kafka's defaults, static membership ids and faults in time order", () => {
    const input = validScenarioInput();
    Object.assign(input.app, {
      instances: 2,
      group: { staticMembership: true },
      faults: [
        { at: 5000, instance: "instance-1", action: "restart" },
        { at: 1000, instance: "instance-1", action: "crash" },
      ],
    });
    const model = compileScenario(input as unknown as Scenario);
    expect(model.app.group).toEqual({
      strategy: { kind: "assignor", assignor: "range" },
      protocol: null,
      sessionTimeoutMs: 45_000,
      heartbeatIntervalMs: 3_000,
      groupInstanceIds: ["clicks-app-1", "clicks-app-2"],
    });
    expect(model.app.faults).toEqual([
      { atMs: 1000, instance: 0, action: "crash" },
      { atMs: 5000, instance: 0, action: "restart" },
    ]);
  });
});
