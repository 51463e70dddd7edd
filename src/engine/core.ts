/**
 * The engine's surface without what a page loads on demand — the narration (`narration.ts`) and the code only some
 * runs need (`aggregation/`, see `EngineLibrary`): runs are recorded and opened with `recordRunWith` /
 * `simulateWith` / `openSimulationWith`. What the browser's first download imports; everything else imports the
 * whole engine from `index.ts`.
 */
// Types only: the aggregation code is its own entry (`./aggregation`), loaded on demand by a page
// (`EngineLibrary`); a value re-exported here would put it in every bundle that imports the engine.
export type * from "./aggregation";
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
export { partitionForJsonKey, partitionForKey } from "./partitioning/keyedPartitioner";
export { totalRecords } from "./producer/totalRecords";
export { type Narrator, openSimulationWith } from "./recordedSimulation";
export {
  type EngineLibrary,
  PROGRESS_EVERY_STEPS,
  type RecordOptions,
  recordRunWith,
  simulateWith,
} from "./recording";
export { formatTaskUnit, type GroupMode, type GroupStepPayload } from "./runtime/groupDriver";
export { SimulationError } from "./runtime/simulationError";
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
