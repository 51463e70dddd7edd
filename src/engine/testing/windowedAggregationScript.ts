/**
 * Test helpers for windowed aggregations: feed records and watermarks, pick outputs.
 */

import type { WindowedAggregationConfig } from "../aggregation/aggregationConfig";
import { createWindowedAggregation, type WindowedAggregation } from "../aggregation/windowedAggregation";
import type { WindowOutput, WindowOutputKind } from "../aggregation/windowOutput";
import type { Json } from "../model";

/** One scripted input: a record `[key, timestamp, value?]` or a watermark `{ watermark }`. */
export type ScriptStep = readonly [Json, number, Json?] | { readonly watermark: number };

/** Runs `steps` through a fresh aggregation and returns it with every output in order. */
export function run(
  config: WindowedAggregationConfig,
  steps: readonly ScriptStep[],
): { op: WindowedAggregation; outputs: WindowOutput[] } {
  const op = createWindowedAggregation(config);
  const outputs: WindowOutput[] = [];
  for (const step of steps) outputs.push(...apply(op, step));
  return { op, outputs };
}

export function apply(op: WindowedAggregation, step: ScriptStep): WindowOutput[] {
  if ("watermark" in step) return op.advanceWatermark(step.watermark);
  const [key, timestamp, value] = step;
  return op.process({ key, timestamp, value: value === undefined ? 1 : value });
}

export function ofKind<K extends WindowOutputKind>(
  outputs: readonly WindowOutput[],
  kind: K,
): Extract<WindowOutput, { kind: K }>[] {
  return outputs.filter((output): output is Extract<WindowOutput, { kind: K }> => output.kind === kind);
}

/** `kind key [start,end) value`, compact for expectations. */
export function brief(output: WindowOutput): string {
  const window =
    output.window === null
      ? "-"
      : `[${output.window.start},${output.window.end}${output.window.endInclusive ? "]" : ")"}`;
  const value = "value" in output ? ` ${JSON.stringify(output.value)}` : "";
  return `${output.kind} ${JSON.stringify(output.key)} ${window}${value}`;
}
