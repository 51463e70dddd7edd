/**
 * The parameters of one windowed aggregation, checked and with their defaults filled in.
 */
import { kafkaRetentionMs } from "../time/kafkaRetention";
import { windowAssigner } from "../windows/registry";
import {
  requireInteger,
  type WindowAssigner,
  WindowError,
  type WindowSemantics,
  type WindowSpec,
} from "../windows/window";
import type { AggregateSpec } from "./aggregator";

/** Kafka Streams' `EmitStrategy`: `onWindowUpdate()` (the default) or `onWindowClose()`. */
export type KafkaEmitStrategy = "onUpdate" | "onWindowClose";

/** Flink re-emits everything so far on each firing (`accumulating`), or only what came since (`discarding`). */
export type AccumulationMode = "accumulating" | "discarding";

export interface WindowedAggregationConfig {
  readonly semantics: WindowSemantics;
  readonly window: WindowSpec;
  readonly aggregate: AggregateSpec;
  /** kafka-streams: the grace period (`ofSizeAndGrace`), default 0. */
  readonly graceMs?: number;
  /** kafka-streams: the window store's retention (`Materialized.withRetention`), default per window kind. */
  readonly retentionMs?: number;
  /** kafka-streams: default `onUpdate`. */
  readonly emit?: KafkaEmitStrategy;
  /** flink: `allowedLateness`, default 0. */
  readonly allowedLatenessMs?: number;
  /** flink: default `accumulating` (Flink's `EventTimeTrigger`); `discarding` is `PurgingTrigger.of(...)`. */
  readonly accumulation?: AccumulationMode;
  /** Send records no window accepts to the late side output (Flink's `sideOutputLateData`) instead of dropping. */
  readonly lateSideOutput?: boolean;
}

export interface ResolvedConfig {
  readonly semantics: WindowSemantics;
  readonly window: WindowSpec;
  readonly assigner: WindowAssigner;
  readonly aggregate: AggregateSpec;
  readonly graceMs: number;
  readonly retentionMs: number;
  readonly emit: KafkaEmitStrategy;
  readonly allowedLatenessMs: number;
  readonly accumulation: AccumulationMode;
  readonly lateSideOutput: boolean;
}

/** Checks `config` and fills in defaults; throws {@link WindowError} for invalid parameters. */
export function resolveConfig(config: WindowedAggregationConfig): ResolvedConfig {
  const assigner = windowAssigner(config.semantics, config.window);
  const graceMs = config.graceMs ?? 0;
  requireInteger("grace", graceMs, 0);
  const allowedLatenessMs = config.allowedLatenessMs ?? 0;
  requireInteger("allowed lateness", allowedLatenessMs, 0);
  if (config.semantics === "flink" && graceMs !== 0) {
    throw new WindowError("grace is Kafka Streams' rule: under flink use allowed lateness");
  }
  if (config.semantics === "kafka-streams" && allowedLatenessMs !== 0) {
    throw new WindowError("allowed lateness is Flink's rule: under kafka-streams use grace");
  }
  const minimumRetention = kafkaRetentionMs(config.window, graceMs);
  const retentionMs = config.retentionMs ?? minimumRetention;
  requireInteger("retention", retentionMs, 0);
  // TimeWindowedKStreamImpl / SlidingWindowedKStreamImpl / SessionWindowedKStreamImpl#materialize refuse a
  // retention shorter than the window (size, time difference or gap) plus grace.
  const windowLength = windowLengthOf(config.window);
  if (config.semantics === "kafka-streams" && retentionMs < windowLength + graceMs) {
    throw new WindowError(
      `the window store's retention (${retentionMs}) must be no smaller than the window (${windowLength}) plus grace (${graceMs})`,
    );
  }
  return {
    semantics: config.semantics,
    window: config.window,
    assigner,
    aggregate: config.aggregate,
    graceMs,
    retentionMs: config.semantics === "kafka-streams" ? retentionMs : minimumRetention,
    emit: config.emit ?? "onUpdate",
    allowedLatenessMs,
    accumulation: config.accumulation ?? "accumulating",
    lateSideOutput: config.lateSideOutput ?? false,
  };
}

function windowLengthOf(spec: WindowSpec): number {
  switch (spec.type) {
    case "tumbling":
    case "hopping":
      return spec.size;
    case "sliding":
      return spec.timeDifference;
    case "session":
      return spec.gap;
  }
}
