/**
 * Semantic checks of `windowedAggregate` nodes: window parameters valid under the application's time semantics
 * (grace is Kafka Streams', allowed lateness Flink's, a retention long enough). A key change upstream is no error:
 * the repartition plan inserts a repartition topic before the aggregation, as Kafka Streams does.
 */
import { resolveConfig } from "../engine/aggregation/aggregationConfig";
import { WindowError } from "../engine/windows/window";
import { windowedAggregationConfig } from "./compileWindowedAggregate";
import { TIME_DEFAULTS } from "./defaults";
import { formatPath, type ScenarioError } from "./scenarioError";
import type { Scenario } from "./schema";

export function checkWindows(scenario: Scenario): ScenarioError[] {
  const nodes = scenario.app.topology;
  const semantics = scenario.app.time?.semantics ?? TIME_DEFAULTS.semantics;
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
  });
  return errors;
}
