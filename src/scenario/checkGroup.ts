/**
 * Semantic checks on the consumer group and the scheduled instance inputs: settings that only make sense with one
 * assignor, Kafka's own configuration rules, instances that exist, partitions that exist, and a plausible life for
 * every instance (a crash only while it runs, a restart only after it stopped).
 */
import { INSTANCE_NAME_PATTERN } from "./groupSchema";
import { formatPath, type ScenarioError } from "./scenarioError";
import type { Scenario } from "./schema";
import { expressionProblem } from "./userFunctions";

const TASK_ID = /^\d+_\d+$/;

/** Which rebalance protocols each assignor supports (`ConsumerPartitionAssignor#supportedProtocols`). */
const PROTOCOLS: Record<string, readonly string[]> = {
  range: ["eager"],
  roundrobin: ["eager"],
  sticky: ["eager"],
  "cooperative-sticky": ["cooperative", "eager"],
  custom: ["eager"],
  static: [],
};

export function checkGroup(scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const instances = scenario.app.instances ?? 1;
  const error = (path: (string | number)[], message: string) =>
    errors.push({ path: formatPath(["app", ...path]), message });
  const instanceNumber = (name: string) => Number(INSTANCE_NAME_PATTERN.exec(name)?.[1] ?? 0);
  const checkInstance = (path: (string | number)[], name: string) => {
    if (instanceNumber(name) > instances) {
      error(
        path,
        `unknown instance ${JSON.stringify(name)}: app.instances is ${instances} (instance-1..instance-${instances})`,
      );
      return false;
    }
    return true;
  };

  const group = scenario.app.group;
  if (group !== undefined) {
    const assignor = group.assignor ?? "range";
    if (group.protocol !== undefined && !PROTOCOLS[assignor]!.includes(group.protocol)) {
      error(
        ["group", "protocol"],
        assignor === "static"
          ? "static assignment has no group, so no rebalance protocol"
          : `assignor ${assignor} does not support the ${group.protocol} rebalance protocol (it supports ${PROTOCOLS[assignor]!.join(", ")})`,
      );
    }
    const session = group.sessionTimeoutMs ?? 45_000;
    const heartbeat = group.heartbeatIntervalMs ?? 3_000;
    if (heartbeat >= session) {
      error(
        ["group", "heartbeatIntervalMs"],
        `heartbeat.interval.ms (${heartbeat}) must be lower than session.timeout.ms (${session})`,
      );
    }
    if (assignor === "static") {
      if (group.assignment === undefined) {
        error(
          ["group", "assignment"],
          'assignor "static" needs an assignment: the tasks or partitions of each instance',
        );
      }
      if (group.staticMembership === true) {
        error(
          ["group", "staticMembership"],
          "static assignment has no group, so no group membership of any kind",
        );
      }
    } else if (group.assignment !== undefined && assignor !== "custom") {
      error(
        ["group", "assignment"],
        `only used with assignor "static" or "custom" (the assignor is ${assignor})`,
      );
    }
    if (assignor === "custom") {
      if (group.owner === undefined && group.assignment === undefined) {
        error(["group", "owner"], 'assignor "custom" needs an owner expression or an assignment table');
      } else if (group.owner !== undefined && group.assignment !== undefined) {
        error(
          ["group", "assignment"],
          'assignor "custom" takes an owner expression or an assignment table, not both',
        );
      } else if (group.owner !== undefined) {
        const problem = expressionProblem(group.owner, "group");
        if (problem !== null) error(["group", "owner"], problem);
      }
    } else if (group.owner !== undefined) {
      error(["group", "owner"], `only used with assignor "custom" (the assignor is ${assignor})`);
    }
    for (const [name, units] of Object.entries(group.assignment ?? {})) {
      if (!checkInstance(["group", "assignment", name], name)) continue;
      units.forEach((unit, i) => {
        const problem = unitProblem(scenario, unit);
        if (problem !== null) error(["group", "assignment", name, i], problem);
      });
    }
  }

  checkLives(scenario, instances, error, checkInstance);
  return errors;
}

/** A partition name must exist; anything else must look like a task id (the engine checks the task exists). */
function unitProblem(scenario: Scenario, unit: string): string | null {
  if (TASK_ID.test(unit)) return null;
  const dash = unit.lastIndexOf("-");
  const topic = scenario.topics.find((t) => t.name === unit.slice(0, dash));
  const partition = Number(unit.slice(dash + 1));
  if (dash > 0 && topic !== undefined && /^\d+$/.test(unit.slice(dash + 1))) {
    return partition < topic.partitions
      ? null
      : `partition ${partition} is out of range: topic ${JSON.stringify(topic.name)} has ${topic.partitions} (0..${topic.partitions - 1})`;
  }
  return `${JSON.stringify(unit)} is neither a task id ("0_1") nor a partition of a declared topic ("orders-1")`;
}

/** Walks each instance's inputs in time order: join first (if at all), then crash/leave and restart alternating. */
function checkLives(
  scenario: Scenario,
  instances: number,
  error: (path: (string | number)[], message: string) => void,
  checkInstance: (path: (string | number)[], name: string) => boolean,
): void {
  const faults = (scenario.app.faults ?? []).map((fault, index) => ({ ...fault, index }));
  const order = [...faults].sort((a, b) => a.at - b.at || a.index - b.index);
  const joinsLater = new Set(faults.filter((f) => f.action === "join").map((f) => f.instance));
  type Life = { state: "waiting" | "running" | "stopped"; since: string };
  const lives = new Map<string, Life>();
  for (let n = 1; n <= instances; n++) {
    const name = `instance-${n}`;
    lives.set(
      name,
      joinsLater.has(name) ? { state: "waiting", since: "" } : { state: "running", since: "started at 0 ms" },
    );
  }
  for (const fault of order) {
    const path = ["faults", fault.index, "action"];
    if (!checkInstance(["faults", fault.index, "instance"], fault.instance)) continue;
    const life = lives.get(fault.instance)!;
    const what = `${fault.action} at ${fault.at} ms`;
    switch (fault.action) {
      case "join":
        if (life.state !== "waiting") {
          error(path, `${fault.instance} already joined (${life.since}): use "restart" to start it again`);
          continue;
        }
        break;
      case "leave":
      case "crash":
        if (life.state !== "running") {
          error(
            path,
            `${fault.instance} is not running at ${fault.at} ms (${life.since || "it has not joined yet"})`,
          );
          continue;
        }
        break;
      case "restart":
        if (life.state !== "stopped") {
          error(
            path,
            life.state === "waiting"
              ? `${fault.instance} has not joined yet: use "join" for its first start`
              : `${fault.instance} is running at ${fault.at} ms (${life.since}): only a stopped instance restarts`,
          );
          continue;
        }
        break;
      default: {
        const unknown: never = fault.action;
        error(path, `unknown action ${String(unknown)}`);
        continue;
      }
    }
    const running = fault.action === "join" || fault.action === "restart";
    lives.set(fault.instance, { state: running ? "running" : "stopped", since: what });
  }
}
