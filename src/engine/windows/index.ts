/**
 * Window assigners of Kafka Streams and Flink: the public surface of `src/engine/windows`.
 */
export {
  flinkSessionWindows,
  flinkSlidingWindows,
  flinkTumblingWindows,
  getWindowStartWithOffset,
} from "./flinkWindows";
export { kafkaSessionWindows, kafkaSlidingWindows, kafkaTimeWindows } from "./kafkaStreamsWindows";
export { windowAssigner, windowsFor, windowTypes } from "./registry";
export {
  MAX_WINDOWS_PER_RECORD,
  WINDOW_SEMANTICS,
  type Window,
  type WindowAssigner,
  WindowError,
  type WindowSemantics,
  type WindowSpec,
  type WindowType,
  windowContains,
} from "./window";
