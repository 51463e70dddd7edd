/**
 * The expressions written in a topology node or producer, each with its path inside that node, so the validator can
 * check them all and point at the exact field.
 */
import type { ScenarioProducer } from "./producerSchema";
import type { PathSegment } from "./scenarioError";
import type { ScenarioNode } from "./topologySchema";
import type { ExpressionScope } from "./userFunctions";

export interface ExpressionSite {
  /** Path from the node (or producer) to the expression. */
  path: PathSegment[];
  source: string;
  scope: ExpressionScope;
}

function site(
  path: PathSegment[],
  source: string | undefined,
  scope: ExpressionScope = "record",
): ExpressionSite[] {
  return source === undefined ? [] : [{ path, source, scope }];
}

function partitionerSites(partitioner: ScenarioProducer["partitioner"]): ExpressionSite[] {
  return typeof partitioner === "object" ? site(["partitioner", "expression"], partitioner.expression) : [];
}

export function nodeExpressions(node: ScenarioNode): ExpressionSite[] {
  switch (node.op) {
    case "source":
    case "merge":
    case "repartition":
    case "table":
      return [];
    case "join":
    case "joinTable":
      return site(["joiner"], node.joiner, "joiner");
    case "map":
      return [...site(["key"], node.key), ...site(["value"], node.value)];
    case "mapValues":
      return site(["value"], node.value);
    case "filter":
      return site(["predicate"], node.predicate);
    case "flatMap":
      return site(["records"], node.records);
    case "flatMapValues":
      return site(["values"], node.values);
    case "branch":
      return node.branches.flatMap((branch, i) => site(["branches", i, "predicate"], branch.predicate));
    case "selectKey":
      return site(["key"], node.key);
    case "peek":
      return site(["label"], node.label);
    case "enrich":
      return site(["value"], node.value, "enrich");
    case "sink":
      return partitionerSites(node.partitioner);
    case "windowedAggregate": {
      const aggregate = node.aggregate;
      return [
        ...("of" in aggregate ? site(["aggregate", "of"], aggregate.of) : []),
        ...(aggregate.kind === "reduce" ? site(["aggregate", "reducer"], aggregate.reducer, "reducer") : []),
      ];
    }
    default: {
      const unhandled: never = node;
      throw new Error(`unhandled topology node ${JSON.stringify(unhandled)}`);
    }
  }
}

export function producerExpressions(producer: ScenarioProducer): ExpressionSite[] {
  return [
    ...partitionerSites(producer.partitioner),
    ...site(["generate", "value"], producer.generate?.value, "generator"),
  ];
}
