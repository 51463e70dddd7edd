/**
 * The state of one `windowedAggregate` node: one aggregation core per task (Kafka Streams keeps a window store per
 * task; Flink keeps keyed state per subtask), created on the task's first record, saved at each commit and restored
 * by the task's next owner. Shared by both operator paths; what they do with the outputs differs.
 */
import type { createWindowedAggregation, WindowedAggregation } from "../aggregation";
import type { OpenWindow, WindowAggregationSnapshot } from "../aggregation/windowOperator";
import type { AggregatedRecord, WindowBounds, WindowOutput } from "../aggregation/windowOutput";
import type { Json, RecordContext, WindowedAggregateNode } from "../model";
import { valueLimitStopped } from "../values/valueLimitStop";
import { ValueLimitError } from "../values/valueLimits";

/** The run loop's handle on a windowed node: watermarks in, state out and back. */
export interface WindowedHandle {
  /** Flink: the operator's input watermark in `task` advanced to `watermark`. */
  advanceWatermark(task: number, watermark: number): void;
  /** The task's state as committed (null: the task never processed a record). */
  snapshot(task: number): WindowAggregationSnapshot | null;
  /** Replaces the task's state with a committed snapshot (null: empty). Returns the windows restored. */
  restore(task: number, snapshot: WindowAggregationSnapshot | null): OpenWindow[];
}

/** The record a forwarded window result becomes downstream: `{ start, end, value }` under the record's key. */
export function windowResultValue(window: WindowBounds, value: Json): Json {
  return { start: window.start, end: window.end, value };
}

/** A window result going downstream. */
export interface WindowResult {
  key: Json;
  value: Json;
  timestamp: number;
}

/**
 * The record an output sends downstream, or null (see `windowedAggregation.ts`: "Forwarded downstream are exactly
 * ..."; the late side output is a separate stream). A session tombstone carries the timestamp of the record being
 * processed, as Kafka's forwarded removals do.
 */
export function windowResult(output: WindowOutput, inputTimestamp: number): WindowResult | null {
  switch (output.kind) {
    case "updated":
      return output.forwarded
        ? {
            key: output.key,
            value: windowResultValue(output.window, output.value),
            timestamp: output.timestamp,
          }
        : null;
    case "emitted":
      return {
        key: output.key,
        value: windowResultValue(output.window, output.value),
        timestamp: output.timestamp,
      };
    case "sessionMerged":
      return output.forwarded
        ? { key: output.key, value: windowResultValue(output.window, null), timestamp: inputTimestamp }
        : null;
    default:
      return null;
  }
}

/**
 * Makes a windowed aggregation core (`createWindowedAggregation`): a parameter of the run, so a page can load the
 * aggregation code only for the scenarios that have windows.
 */
export type WindowedAggregationFactory = typeof createWindowedAggregation;

export class WindowedTasks {
  readonly #node: WindowedAggregateNode;
  readonly #create: WindowedAggregationFactory;
  readonly #cores: (WindowedAggregation | null)[] = [];

  constructor(node: WindowedAggregateNode, create: WindowedAggregationFactory) {
    this.#node = node;
    this.#create = create;
  }

  core(task: number): WindowedAggregation {
    let core = this.#cores[task];
    if (core == null) {
      core = this.#create(this.#node.aggregation);
      this.#cores[task] = core;
    }
    return core;
  }

  /**
   * Processes `record` in `task`'s window store (`context`: the source record, for messages). A value limit broken
   * by the aggregate stops the run, naming this node and the record.
   */
  process(task: number, record: AggregatedRecord, context: RecordContext): WindowOutput[] {
    try {
      return this.core(task).process(record);
    } catch (error) {
      if (error instanceof ValueLimitError) throw valueLimitStopped(error, this.#node, context);
      throw error;
    }
  }

  snapshot(task: number): WindowAggregationSnapshot | null {
    return this.#cores[task]?.snapshot() ?? null;
  }

  restore(task: number, snapshot: WindowAggregationSnapshot | null): OpenWindow[] {
    this.#cores[task] = snapshot === null ? null : this.#create(this.#node.aggregation, snapshot);
    return this.#cores[task]?.openWindows() ?? [];
  }
}
