/**
 * The parts of a scenario that the semantic checks look at — topics, producers, nodes, limits — each item with its
 * index in the original lists so errors point at the right place.
 *
 * When the scenario as a whole is structurally invalid, the checks still run on the items that are valid on their
 * own (*salvaged*), so one mistake does not hide the others. A list with an invalid item is marked incomplete, and
 * checks that would need the missing item (is this topic declared? is every node reachable?) are skipped rather
 * than reporting errors that are only echoes of the first one.
 */

import { MAX_PRODUCERS, MAX_TOPICS, MAX_TOPOLOGY_NODES } from "./defaults";
import { producerSchema, type ScenarioProducer } from "./producerSchema";
import { parseReadably } from "./readableIssues";
import { limitsSchema, type Scenario, type ScenarioLimits, type ScenarioTopic, topicSchema } from "./schema";
import { type ScenarioNode, topologyNodeSchema } from "./topologySchema";

/** A list item and its position in the scenario's list. */
export interface Indexed<T> {
  index: number;
  value: T;
}

export interface ScenarioParts {
  topics: Indexed<ScenarioTopic>[];
  /** False when some topic entry is invalid: a name may be missing from `topics`. */
  topicsComplete: boolean;
  producers: Indexed<ScenarioProducer>[];
  /** False when some producer entry is invalid. */
  producersComplete: boolean;
  nodes: Indexed<ScenarioNode>[];
  /** False when some node entry (or the topology list itself) is invalid. */
  nodesComplete: boolean;
  /** The `id` strings of every node entry, broken ones included: a reference to none of them is unknown for sure. */
  nodeIdsWritten: ReadonlySet<string>;
  /** `undefined` when the scenario has no `limits` or they are invalid; see `limitsKnown`. */
  limits: ScenarioLimits | undefined;
  /** False when `limits` is present but invalid. */
  limitsKnown: boolean;
}

function indexed<T>(items: readonly T[]): Indexed<T>[] {
  return items.map((value, index) => ({ index, value }));
}

/** The parts of a valid scenario: everything is complete. */
export function partsOfScenario(scenario: Scenario): ScenarioParts {
  return {
    topics: indexed(scenario.topics),
    topicsComplete: true,
    producers: indexed(scenario.producers),
    producersComplete: true,
    nodes: indexed(scenario.app.topology),
    nodesComplete: true,
    nodeIdsWritten: new Set(scenario.app.topology.map((n) => n.id)),
    limits: scenario.limits,
    limitsKnown: true,
  };
}

/**
 * Parses each item of a list on its own. `broken` holds the indices the whole-scenario parse already found
 * problems in: those are skipped without parsing them again (they cannot pass).
 */
function salvageList<T>(
  raw: unknown,
  maxLength: number,
  broken: ReadonlySet<number>,
  parseItem: (item: unknown) => T | undefined,
) {
  const items: Indexed<T>[] = [];
  // An over-long list is already an error; checking its items could only cost time (a hostile input's aim).
  if (!Array.isArray(raw) || raw.length > maxLength) return { items, complete: false };
  let complete = true;
  raw.forEach((item, index) => {
    const value = broken.has(index) ? undefined : parseItem(item);
    if (value === undefined) complete = false;
    else items.push({ index, value });
  });
  return { items, complete };
}

function parsedOrUndefined<T>(result: { ok: true; value: T } | { ok: false }): T | undefined {
  return result.ok ? result.value : undefined;
}

/** Indices of the items of the list at `listPath` that some issue points into. */
function brokenIndices(
  issuePaths: readonly (readonly PropertyKey[])[],
  listPath: readonly string[],
): Set<number> {
  const broken = new Set<number>();
  for (const path of issuePaths) {
    if (path.length > listPath.length && listPath.every((segment, i) => path[i] === segment)) {
      const index = path[listPath.length];
      if (typeof index === "number") broken.add(index);
    }
  }
  return broken;
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null && Object.hasOwn(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function writtenIds(list: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(list)) return ids;
  for (const item of list.slice(0, MAX_TOPOLOGY_NODES)) {
    const id = field(item, "id");
    if (typeof id === "string") ids.add(id);
  }
  return ids;
}

/**
 * The valid parts of a structurally invalid scenario (any input at all), given the paths of the problems the
 * whole-scenario parse found.
 */
export function salvageParts(raw: unknown, issuePaths: readonly (readonly PropertyKey[])[]): ScenarioParts {
  const topics = salvageList(
    field(raw, "topics"),
    MAX_TOPICS,
    brokenIndices(issuePaths, ["topics"]),
    (item) => parsedOrUndefined(parseReadably(topicSchema, item)),
  );
  const producers = salvageList(
    field(raw, "producers"),
    MAX_PRODUCERS,
    brokenIndices(issuePaths, ["producers"]),
    (item) => parsedOrUndefined(parseReadably(producerSchema, item)),
  );
  const nodes = salvageList(
    field(field(raw, "app"), "topology"),
    MAX_TOPOLOGY_NODES,
    brokenIndices(issuePaths, ["app", "topology"]),
    (item) => parsedOrUndefined(parseReadably(topologyNodeSchema, item)),
  );
  const rawLimits = field(raw, "limits");
  const limits =
    rawLimits === undefined ? undefined : parsedOrUndefined(parseReadably(limitsSchema, rawLimits));
  return {
    topics: topics.items,
    topicsComplete: topics.complete,
    producers: producers.items,
    producersComplete: producers.complete,
    nodes: nodes.items,
    nodesComplete: nodes.complete,
    nodeIdsWritten: writtenIds(field(field(raw, "app"), "topology")),
    limits,
    limitsKnown: rawLimits === undefined || limits !== undefined,
  };
}
