/**
 * Windowed aggregation: the public surface of `src/engine/aggregation` (see `windowedAggregation.ts`).
 */
export type {
  AccumulationMode,
  KafkaEmitStrategy,
  WindowedAggregationConfig,
} from "./aggregationConfig";
export type { AggregateInput, AggregateKind, AggregateSpec, Reducer } from "./aggregator";
export { createWindowedAggregation, type WindowedAggregation } from "./windowedAggregation";
export type { OpenWindow, WindowAggregationSnapshot } from "./windowOperator";
export type {
  AggregatedRecord,
  AggregationFailed,
  OperatorTime,
  RecordLate,
  RecordSkipped,
  RecordToLateSideOutput,
  SessionMerged,
  WindowBounds,
  WindowClosed,
  WindowEmitted,
  WindowExpired,
  WindowOutput,
  WindowOutputKind,
  WindowUpdated,
} from "./windowOutput";
