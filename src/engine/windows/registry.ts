/**
 * The window assigner registry: one factory per engine and window type, so callers pick windows by name.
 */
import { flinkSessionWindows, flinkSlidingWindows, flinkTumblingWindows } from "./flinkWindows";
import { kafkaSessionWindows, kafkaSlidingWindows, kafkaTimeWindows } from "./kafkaStreamsWindows";
import {
  type Window,
  type WindowAssigner,
  WindowError,
  type WindowSemantics,
  type WindowSpec,
  type WindowType,
} from "./window";

type Factories = { readonly [T in WindowType]?: (spec: Extract<WindowSpec, { type: T }>) => WindowAssigner };

const ASSIGNERS: { readonly [S in WindowSemantics]: Factories } = {
  "kafka-streams": {
    tumbling: (spec) => {
      if (spec.offset !== undefined && spec.offset !== 0) throw new WindowError(OFFSET_IS_FLINK_ONLY);
      return kafkaTimeWindows(spec.size);
    },
    hopping: (spec) => {
      if (spec.offset !== undefined && spec.offset !== 0) throw new WindowError(OFFSET_IS_FLINK_ONLY);
      return kafkaTimeWindows(spec.size, spec.advance);
    },
    session: (spec) => kafkaSessionWindows(spec.gap),
    sliding: (spec) => kafkaSlidingWindows(spec.timeDifference),
  },
  flink: {
    tumbling: (spec) => flinkTumblingWindows(spec.size, spec.offset),
    hopping: (spec) => flinkSlidingWindows(spec.size, spec.advance, spec.offset),
    session: (spec) => flinkSessionWindows(spec.gap),
  },
};

const OFFSET_IS_FLINK_ONLY = "Kafka Streams' time windows are epoch-aligned: an offset is Flink only";

/** The window types an engine has assigners for. */
export function windowTypes(semantics: WindowSemantics): WindowType[] {
  return Object.keys(ASSIGNERS[semantics]) as WindowType[];
}

/** The assigner for `spec` under `semantics`; throws {@link WindowError} for invalid parameters or an unknown pair. */
export function windowAssigner(semantics: WindowSemantics, spec: WindowSpec): WindowAssigner {
  const factory = ASSIGNERS[semantics][spec.type] as ((spec: WindowSpec) => WindowAssigner) | undefined;
  if (factory === undefined) {
    throw new WindowError(
      `${semantics} has no ${spec.type} windows (it has ${windowTypes(semantics).join(", ")})`,
    );
  }
  return factory(spec);
}

/** The windows a record with `timestamp` belongs to, sorted by start. */
export function windowsFor(semantics: WindowSemantics, spec: WindowSpec, timestamp: number): Window[] {
  return windowAssigner(semantics, spec).windowsFor(timestamp);
}
