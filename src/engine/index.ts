/**
 * The engine's public surface. Everything outside `src/engine` imports from here.
 */
export * from "./aggregation";
export type {
  Frame,
  Hop,
  InstanceFrame,
  NodeCounters,
  TaskFrame,
  TaskPartitionFrame,
  WindowFrame,
} from "./frame/frame";
export * from "./groups";
export * from "./model";
export { openSimulation } from "./openSimulation";
export { partitionForJsonKey, partitionForKey } from "./partitioning/keyedPartitioner";
export { totalRecords } from "./producer/totalRecords";
export { type Narrator, openSimulationWith } from "./recordedSimulation";
export { runFast } from "./runFast";
export { formatTaskUnit, type GroupMode, type GroupStepPayload } from "./runtime/groupDriver";
export { SimulationError } from "./runtime/simulationError";
export { PROGRESS_EVERY_STEPS, type RecordOptions, recordRun, simulate, simulateWith } from "./simulate";
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
export type { GenerationSummary, GroupHistory, LifecycleEvent } from "./trace/groupHistory";
export type { NarrationSource } from "./trace/narrate";
export { type RecordedLog, type RecordedRun, type RecordedTrace, recordedBuffers } from "./trace/recordedRun";
export type { PartitionRule, RecordId, TraceEvent, TraceEventKind, TraceStep } from "./trace/traceEvent";
export * from "./windows";
