/**
 * Compiles one validated topology node into the engine's `TopologyNode`: references become `InputRef`s and
 * expressions become `RecordFunction`s; absent optional expressions become the identity.
 */
import type {
  EnrichContext,
  InputRef,
  JoinContext,
  Json,
  PartitionerSpec,
  RecordContext,
  RecordKey,
  TimeSpec,
  TopologyNode,
} from "../engine/model";
import { windowedAggregationConfig } from "./compileWindowedAggregate";
import { nodeExpressions } from "./nodeExpressions";
import type { ScenarioProducer } from "./producerSchema";
import { nodeReferences, parseNodeReference } from "./topologyGraph";
import type { ScenarioNode } from "./topologySchema";
import { compileRecordFunction } from "./userFunctions";

const keepKey = (record: RecordContext): RecordKey => record.key;
const keepValue = (record: RecordContext): Json => record.value;

/** The engine's partitioner for a producer's or sink's `partitioner` field. */
export function compilePartitioner(partitioner: ScenarioProducer["partitioner"]): PartitionerSpec {
  if (partitioner === undefined || partitioner === "default") return { kind: "default" };
  return {
    kind: "custom",
    source: partitioner.expression,
    partition: compileRecordFunction(partitioner.expression, "record"),
  };
}

function recordFunction(source: string) {
  return compileRecordFunction(source, "record");
}

/** A joiner reads `key`, `left` and `right` from the engine's `JoinContext`. */
function joinerFunction(source: string): (context: JoinContext) => Json {
  return compileRecordFunction(source, "joiner") as (context: JoinContext) => Json;
}

/** Compiles a node and keeps its expression texts (by field path) for narration. */
export function compileNode(
  node: ScenarioNode,
  semantics: TimeSpec["semantics"] = "kafka-streams",
): TopologyNode {
  const compiled = compileNodeLogic(node, semantics);
  const sites = nodeExpressions(node);
  if (sites.length > 0)
    compiled.expressions = Object.fromEntries(sites.map((s) => [s.path.join("."), s.source]));
  return compiled;
}

function compileNodeLogic(node: ScenarioNode, semantics: TimeSpec["semantics"]): TopologyNode {
  const id = node.id;
  const inputs: InputRef[] = nodeReferences(node).map(parseNodeReference);
  switch (node.op) {
    case "source":
      return { op: "source", id, inputs, topics: [...node.topics] };
    case "map":
      return {
        op: "map",
        id,
        inputs,
        key: node.key === undefined ? keepKey : recordFunction(node.key),
        value: node.value === undefined ? keepValue : recordFunction(node.value),
      };
    case "mapValues":
      return { op: "mapValues", id, inputs, value: recordFunction(node.value) };
    case "filter":
      return { op: "filter", id, inputs, predicate: recordFunction(node.predicate) };
    case "flatMap":
      return { op: "flatMap", id, inputs, records: recordFunction(node.records) };
    case "flatMapValues":
      return { op: "flatMapValues", id, inputs, values: recordFunction(node.values) };
    case "branch":
      return {
        op: "branch",
        id,
        inputs,
        branches: node.branches.map((branch) => ({
          name: branch.name,
          predicate: recordFunction(branch.predicate),
        })),
        defaultBranch: node.default ?? null,
      };
    case "merge":
      return { op: "merge", id, inputs };
    case "selectKey":
      return { op: "selectKey", id, inputs, key: recordFunction(node.key) };
    case "enrich":
      return {
        op: "enrich",
        id,
        inputs,
        value: compileRecordFunction(node.value, "enrich") as (context: EnrichContext) => Json,
      };
    case "peek":
      return { op: "peek", id, inputs, label: node.label === undefined ? null : recordFunction(node.label) };
    case "sink":
      return { op: "sink", id, inputs, topic: node.topic, partitioner: compilePartitioner(node.partitioner) };
    case "repartition":
      // The topic name is filled in by `expandRepartitions`, which knows the application id.
      return { op: "repartition", id, inputs, topic: "", causedBy: null };
    case "table":
      return { op: "table", id, inputs, topic: node.topic };
    case "join": {
      const windowMs = node.windowMs ?? 0;
      return {
        op: "join",
        id,
        inputs,
        beforeMs: node.beforeMs ?? windowMs,
        afterMs: node.afterMs ?? windowMs,
        graceMs: node.graceMs ?? 0,
        joiner: joinerFunction(node.joiner),
        type: node.type ?? "inner",
      };
    }
    case "joinTable":
      return { op: "joinTable", id, inputs, joiner: joinerFunction(node.joiner), type: node.type ?? "inner" };
    case "windowedAggregate":
      return { op: "windowedAggregate", id, inputs, aggregation: windowedAggregationConfig(node, semantics) };
    default: {
      const unhandled: never = node;
      throw new Error(`unhandled topology node ${JSON.stringify(unhandled)}`);
    }
  }
}
