/**
 * Flink's watermark machinery for the run loop, as one value: the per-partition periodic emitters
 * (`SourceWatermarks`, with the repartition wiring) and the windowed operators' input channels
 * (`WindowWatermarks`, `StatusWatermarkValve`). A run gets it as a hook (`RunHooks.flinkWatermarks`), so a page
 * loads this code only for scenarios with Flink semantics.
 */
import { repartitionUpstream, SourceWatermarks } from "./sourceWatermarks";
import { WindowWatermarks } from "./windowWatermarks";

export const FLINK_WATERMARK_CODE = { SourceWatermarks, WindowWatermarks, repartitionUpstream };

export type FlinkWatermarkCode = typeof FLINK_WATERMARK_CODE;
