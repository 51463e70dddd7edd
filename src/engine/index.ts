/**
 * The engine's public surface. Everything outside `src/engine` imports from here.
 */
export type { Frame, Hop, NodeCounters, TaskFrame, TaskPartitionFrame } from "./frame/frame";
export * from "./model";
export { partitionForJsonKey, partitionForKey } from "./partitioning/keyedPartitioner";
export { runFast } from "./runFast";
export { SimulationError } from "./runtime/simulationError";
export { simulate } from "./simulate";
export type { FastRun, LogEntry, PartitionContents, RecordVersion, Simulation } from "./simulation";
export type {
  GraphEdge,
  GraphNode,
  GraphTopic,
  TaskSpec,
  TopicPartitionRef,
  TopologyGraph,
} from "./topology/topologyGraph";
export { buildTopologyGraph } from "./topology/topologyGraph";
export { formatJson, formatKey, formatRecord } from "./trace/formatRecord";
export type { PartitionRule, RecordId, TraceEvent, TraceEventKind, TraceStep } from "./trace/traceEvent";
