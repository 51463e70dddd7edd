/**
 * The topology in the run loop: the environment its compiled operators share (`OperatorEnv`: the record context,
 * the task being processed, each sink's partitioner and the broker to append to, the window stores) and, per
 * topic-partition, the source node that reads it.
 */
import { TaskStateRegistry } from "../joins/taskStateRegistry";
import type { SimulationModel } from "../model";
import type { Placement } from "../partitioning/placement";
import type { OperatorEnv, Processor } from "../topology/operatorEnv";
import { type TopologyGraph, topicsReadBy } from "../topology/topologyGraph";
import type { ClusterState } from "./clusterState";
import type { RunHooks } from "./runHooks";
import type { WindowStores } from "./windowStores";

export interface WiredTopology {
  env: OperatorEnv;
  /** Per node index: its compiled operator. */
  processors: Processor[];
  /** Per topic-partition: the node index of the source (or table) reading it; -1 for none. */
  sourceOfTp: Int32Array;
}

export function wireTopology(
  model: SimulationModel,
  graph: TopologyGraph,
  cluster: ClusterState,
  stores: WindowStores,
  hooks: RunHooks,
): WiredTopology {
  const indexOf = (id: string) => graph.nodes.find((n) => n.id === id)!.index;
  // Source node per topic-partition: a source or a table; a repartition topic's reader is an ordinary source.
  const sourceOfTp = new Int32Array(cluster.tps.length).fill(-1);
  for (const node of model.app.topology) {
    const index = indexOf(node.id);
    for (const topic of topicsReadBy(node)) {
      const first = graph.firstTopicPartition[topic]!;
      const count = model.topics.find((t) => t.name === topic)!.partitions;
      for (let p = 0; p < count; p++) sourceOfTp[first + p] = index;
    }
  }
  const sinkPlacements = new Map<number, Placement>();
  for (const node of model.app.topology) {
    if (node.op !== "sink" && node.op !== "repartition") continue;
    const partitions = model.topics.find((t) => t.name === node.topic)!.partitions;
    // Kafka Streams writes repartition topics with the default partitioner: murmur2 of the new key.
    const partitioner = node.op === "sink" ? node.partitioner : { kind: "default" as const };
    sinkPlacements.set(
      indexOf(node.id),
      hooks.placement(partitioner, partitions, `sink:${node.id}/partitioner`),
    );
  }
  const env: OperatorEnv = {
    context: cluster.context,
    nodeIndex: indexOf,
    wallClockMs: () => cluster.now,
    taskState: new TaskStateRegistry(),
    task: 0,
    registerWindowed: (node, handle) => stores.register(node, handle),
    sinkPlacement: (node) => sinkPlacements.get(node)!,
    sinkAppend: (topic, partition, key, value, timestamp, id) =>
      cluster.append(graph.firstTopicPartition[topic]! + partition, key, value, timestamp, id),
  };
  const processors = hooks.compile(env);
  return { env, processors, sourceOfTp };
}
