/**
 * Semantic checks of `windowedAggregate` nodes: window parameters valid under the application's time semantics
 * (grace is Kafka Streams', allowed lateness Flink's, a retention long enough), and input keyed as produced.
 *
 * A windowed aggregation groups by key, so it must see every record of a key in one task. A key change upstream
 * (`map` with a `key`, `selectKey`, `flatMap`) makes Kafka Streams insert a repartition topic; until the topology has
 * repartitioning, such a topology is refused.
 */
import { resolveConfig } from "../engine/aggregation/aggregationConfig";
import { WindowError } from "../engine/windows/window";
import { windowedAggregationConfig } from "./compileWindowedAggregate";
import { formatPath, type ScenarioError } from "./scenarioError";
import type { Scenario } from "./schema";
import { TIME_DEFAULTS } from "./timeSchema";
import { nodeReferences, parseNodeReference } from "./topologyGraph";
import type { ScenarioNode } from "./topologySchema";

/** Whether a node can change the key of the records it passes on. */
function changesKey(node: ScenarioNode): boolean {
  return (node.op === "map" && node.key !== undefined) || node.op === "selectKey" || node.op === "flatMap";
}

export function checkWindows(scenario: Scenario): ScenarioError[] {
  const nodes = scenario.app.topology;
  const semantics = scenario.app.time?.semantics ?? TIME_DEFAULTS.semantics;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const errors: ScenarioError[] = [];
  nodes.forEach((node, index) => {
    if (node.op !== "windowedAggregate") return;
    const path = (...rest: (string | number)[]) => formatPath(["app", "topology", index, ...rest]);
    if (semantics === "flink" && node.graceMs !== undefined) {
      errors.push({
        path: path("graceMs"),
        message: "grace is Kafka Streams' rule: under flink use allowedLatenessMs",
      });
    }
    if (semantics === "kafka-streams" && node.allowedLatenessMs !== undefined) {
      errors.push({
        path: path("allowedLatenessMs"),
        message:
          'allowed lateness is Flink\'s rule: under kafka-streams use graceMs (or set app.time.semantics to "flink")',
      });
    }
    if (errors.length === 0) {
      try {
        resolveConfig(windowedAggregationConfig(node, semantics));
      } catch (error) {
        if (!(error instanceof WindowError)) throw error;
        errors.push({ path: path("window"), message: error.message });
      }
    }
    // Walk upstream: any key-changing node before the aggregation needs a repartition.
    const seen = new Set<string>();
    const stack = nodeReferences(node).map((ref) => parseNodeReference(ref).node);
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const upstream = byId.get(id);
      if (upstream === undefined) continue;
      if (changesKey(upstream)) {
        errors.push({
          path: path("from"),
          message: `a windowed aggregation groups by key, but ${upstream.op} ${JSON.stringify(upstream.id)} upstream changes the key: Kafka Streams would repartition first, which this topology cannot do yet; aggregate records keyed as produced, or change the key after the aggregation`,
        });
        break;
      }
      for (const ref of nodeReferences(upstream)) stack.push(parseNodeReference(ref).node);
    }
  });
  return errors;
}
