/**
 * Turns a `windowedAggregate` node's window, aggregate and lateness fields into the aggregation core's
 * configuration, with the user's expressions compiled.
 */
import type { AggregateSpec, WindowedAggregationConfig } from "../engine/aggregation";
import type { Json, RecordContext, TimeSpec } from "../engine/model";
import type { WindowSpec } from "../engine/windows/window";
import type { ScenarioWindowedAggregateNode } from "./topologySchema";
import { compileRecordFunction, compileReducer } from "./userFunctions";

function windowSpec(window: ScenarioWindowedAggregateNode["window"]): WindowSpec {
  switch (window.type) {
    case "tumbling":
      return window.offsetMs === undefined
        ? { type: "tumbling", size: window.sizeMs }
        : { type: "tumbling", size: window.sizeMs, offset: window.offsetMs };
    case "hopping":
      return window.offsetMs === undefined
        ? { type: "hopping", size: window.sizeMs, advance: window.advanceMs }
        : { type: "hopping", size: window.sizeMs, advance: window.advanceMs, offset: window.offsetMs };
    case "sliding":
      return { type: "sliding", timeDifference: window.timeDifferenceMs };
    case "session":
      return { type: "session", gap: window.gapMs };
  }
}

/** The core's input function for an `of` expression: runs it on the record's key, value and timestamp. */
function input(source: string) {
  const fn = compileRecordFunction(source, "record");
  const context: RecordContext = { key: null, value: null, timestamp: 0, partition: 0, offset: 0, topic: "" };
  return (key: Json, value: Json, timestamp: number): Json => {
    context.key = key;
    context.value = value;
    context.timestamp = timestamp;
    return fn(context);
  };
}

function aggregateSpec(aggregate: ScenarioWindowedAggregateNode["aggregate"]): AggregateSpec {
  switch (aggregate.kind) {
    case "count":
      return { kind: "count" };
    case "sum":
    case "min":
    case "max":
      return { kind: aggregate.kind, input: input(aggregate.of) };
    case "reduce":
      return aggregate.of === undefined
        ? { kind: "reduce", reducer: compileReducer(aggregate.reducer) }
        : { kind: "reduce", reducer: compileReducer(aggregate.reducer), input: input(aggregate.of) };
    case "collect":
      return aggregate.of === undefined
        ? { kind: "collect" }
        : { kind: "collect", input: input(aggregate.of) };
  }
}

/** The core's configuration for a node under the application's time semantics. */
export function windowedAggregationConfig(
  node: ScenarioWindowedAggregateNode,
  semantics: TimeSpec["semantics"],
): WindowedAggregationConfig {
  const config: { -readonly [K in keyof WindowedAggregationConfig]: WindowedAggregationConfig[K] } = {
    semantics,
    window: windowSpec(node.window),
    aggregate: aggregateSpec(node.aggregate),
    lateSideOutput: node.late === "sideOutput",
  };
  if (node.graceMs !== undefined) config.graceMs = node.graceMs;
  if (node.retentionMs !== undefined) config.retentionMs = node.retentionMs;
  if (node.allowedLatenessMs !== undefined) config.allowedLatenessMs = node.allowedLatenessMs;
  if (semantics === "kafka-streams") config.emit = node.emit ?? "onUpdate";
  else config.accumulation = node.accumulation ?? "accumulating";
  return config;
}
