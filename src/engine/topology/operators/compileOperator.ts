/**
 * Compiles one topology node into a processor: the module of its kind (one per operator kind in this folder),
 * built with the recorder of the path (`operatorRecorder.ts`). Both the fast and the recording path compile their
 * topology here; they differ only in the recorder.
 */
import type { TopologyNode } from "../../model";
import type { Processor } from "../operatorEnv";
import { branchOperator } from "./branch";
import { enrichOperator } from "./enrich";
import { filterOperator } from "./filter";
import { flatMapOperator } from "./flatMap";
import { joinOperator } from "./join";
import { joinTableOperator } from "./joinTable";
import { mapOperator } from "./map";
import { mergeOperator } from "./merge";
import type { OperatorBuild } from "./operatorBuild";
import { peekOperator } from "./peek";
import { sinkOperator } from "./sink";
import { sourceOperator } from "./source";
import { tableOperator } from "./table";
import { windowedAggregateOperator } from "./windowedAggregate";

export function compileOperator(node: TopologyNode, build: OperatorBuild): Processor {
  switch (node.op) {
    case "source":
      return sourceOperator(node, build);
    case "merge":
      return mergeOperator(node, build);
    case "peek":
      return peekOperator(node, build);
    case "map":
    case "mapValues":
    case "selectKey":
      return mapOperator(node, build);
    case "enrich":
      return enrichOperator(node, build);
    case "filter":
      return filterOperator(node, build);
    case "flatMap":
    case "flatMapValues":
      return flatMapOperator(node, build);
    case "branch":
      return branchOperator(node, build);
    case "table":
      return tableOperator(node, build);
    case "join":
      return joinOperator(node, build);
    case "joinTable":
      return joinTableOperator(node, build);
    case "repartition":
    case "sink":
      return sinkOperator(node, build);
    case "windowedAggregate":
      return windowedAggregateOperator(node, build);
    default: {
      const unknown: never = node;
      throw new Error(`unknown operator ${(unknown as TopologyNode).op}`);
    }
  }
}
