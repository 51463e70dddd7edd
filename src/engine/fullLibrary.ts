/**
 * Everything `EngineLibrary` can hold: what `simulate` / `recordRun` always run with, and what a page loads on
 * demand (one chunk) before it runs a scenario that needs it.
 */
import { createWindowedAggregation } from "./aggregation";
import type { EngineLibrary } from "./recording";
import { FLINK_WATERMARK_CODE } from "./runtime/flinkWatermarkCode";

export const FULL_LIBRARY: EngineLibrary = {
  windowedAggregation: createWindowedAggregation,
  flinkWatermarks: FLINK_WATERMARK_CODE,
};
