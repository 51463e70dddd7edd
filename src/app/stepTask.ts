/**
 * Which task a step's record was processed in, so the physical view can draw it on that task's copy of the node.
 * Steps that name their task (fetches, joins, stores) say so; for the others it follows from Kafka Streams' task
 * model (`PartitionGrouper`, `TaskId`): a node of sub-topology `s` runs in task `s_p`, where `p` is the partition
 * of the sub-topology's source topic the record (or the version it derives from) was read from.
 */
import type { RecordId, Simulation, TraceStep } from "../engine";
import type { RecordPlaces } from "./flight";

/** Per sub-topology: the topics its sources (and tables) read. */
export type SubtopologyTopics = Map<number, Set<string>>;

const cache = new WeakMap<Simulation, SubtopologyTopics>();

/** Built once per simulation (the graph does not change). */
export function subtopologyTopics(simulation: Simulation): SubtopologyTopics {
  const cached = cache.get(simulation);
  if (cached) return cached;
  const { graph } = simulation;
  const topics: SubtopologyTopics = new Map();
  cache.set(simulation, topics);
  for (const task of graph.tasks) {
    const set = topics.get(task.subtopology) ?? new Set<string>();
    for (const index of task.topicPartitions) set.add(graph.topicPartitions[index]!.topic);
    topics.set(task.subtopology, set);
  }
  return topics;
}

/** The sub-topology of node `nodeId`, or null for an unknown node. */
export function subtopologyOf(simulation: Simulation, nodeId: string): number | null {
  return simulation.graph.nodes.find((n) => n.id === nodeId)?.subtopology ?? null;
}

/** The task that ran node `nodeId` on `record`: `<subtopology>_<partition it was read from>`, or null. */
export function taskOfRecordAtNode(
  simulation: Simulation,
  places: RecordPlaces,
  nodeId: string,
  record: RecordId,
): string | null {
  const subtopology = subtopologyOf(simulation, nodeId);
  if (subtopology === null) return null;
  const read = subtopologyTopics(simulation).get(subtopology);
  if (!read) return null;
  let id = record;
  while (id >= 0) {
    const place = places.get(id);
    // A sink's output is placed in the topic it writes to; keep walking to the partition the task reads.
    if (place && read.has(place.topic)) return `${subtopology}_${place.partition}`;
    id = simulation.record(id).parent;
  }
  return null;
}

/** The task in which `step` happened at a node, or null when the step is not at a node of the topology. */
export function taskOfStep(simulation: Simulation, places: RecordPlaces, step: TraceStep): string | null {
  switch (step.kind) {
    case "recordStored":
    case "recordJoined":
    case "recordUnjoined":
      return step.task;
    case "recordProcessed":
      if (step.fromPartition)
        return `${subtopologyOf(simulation, step.node)}_${step.fromPartition.partition}`;
      return taskOfRecordAtNode(simulation, places, step.node, step.input);
    case "recordFiltered":
    case "recordBranched":
    case "recordUnmatched":
    case "recordWritten":
    case "userFunctionFailed":
      return taskOfRecordAtNode(simulation, places, step.node, step.record);
    default:
      return null;
  }
}
