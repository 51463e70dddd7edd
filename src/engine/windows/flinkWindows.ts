/**
 * Flink's event-time window assigners (`org.apache.flink.streaming.api.windowing.assigners`). Windows are
 * `[start, end)` (`TimeWindow`, whose `maxTimestamp()` is `end - 1`); negative timestamps are windowed like any other.
 */
import {
  requireFewWindows,
  requireInteger,
  requireTimestamp,
  timeWindow,
  type Window,
  type WindowAssigner,
  WindowError,
} from "./window";

/**
 * `TimeWindow.getWindowStartWithOffset(timestamp, offset, windowSize)` (since FLINK-26334): the start of the
 * window of `windowSize` containing `timestamp`, rounding down for negative timestamps too. JavaScript's `%`, like
 * Java's, takes the sign of the dividend.
 */
export function getWindowStartWithOffset(timestamp: number, offset: number, windowSize: number): number {
  const remainder = (timestamp - offset) % windowSize;
  return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
}

function requireOffset(offset: number, bound: number, assigner: string, boundName: string): void {
  if (!Number.isSafeInteger(offset) || Math.abs(offset) >= bound) {
    throw new WindowError(`${assigner} needs |offset| < ${boundName} (${bound}), got offset ${offset}`);
  }
}

/**
 * `TumblingEventTimeWindows.of(size, offset)`: the one window `[start, start + size)` with
 * `start = getWindowStartWithOffset(ts, offset, size)`. Requires `size > 0` and `|offset| < size`.
 */
export function flinkTumblingWindows(size: number, offset = 0): WindowAssigner {
  requireInteger("size", size, 1);
  requireOffset(offset, size, "TumblingEventTimeWindows", "size");
  return {
    semantics: "flink",
    type: "tumbling",
    reproduces: "org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows",
    windowsFor(timestamp) {
      requireTimestamp(timestamp);
      const start = getWindowStartWithOffset(timestamp, offset, size);
      return [timeWindow(start, start + size)];
    },
  };
}

/**
 * `SlidingEventTimeWindows.of(size, slide, offset)`: every window `[start, start + size)` with `start` on the slide
 * grid (shifted by `offset`) and `start <= ts < start + size`; starts may be below 0. Flink requires `size > 0` and
 * `|offset| < slide`; we also require `slide <= size` (Flink allows gaps between windows; Topolab does not model them).
 */
export function flinkSlidingWindows(size: number, slide: number, offset = 0): WindowAssigner {
  requireInteger("size", size, 1);
  requireInteger("slide", slide, 1);
  if (slide > size) throw new WindowError(`slide (${slide}) must not be larger than size (${size})`);
  requireOffset(offset, slide, "SlidingEventTimeWindows", "slide");
  requireFewWindows(size, slide);
  return {
    semantics: "flink",
    type: slide === size ? "tumbling" : "hopping",
    reproduces: "org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows",
    windowsFor(timestamp) {
      requireTimestamp(timestamp);
      // SlidingEventTimeWindows.assignWindows:
      //   long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
      //   for (long start = lastStart; start > timestamp - size; start -= slide) windows.add(new TimeWindow(start, start + size));
      // Flink lists them latest first; we return them sorted by start.
      const windows: Window[] = [];
      for (
        let start = getWindowStartWithOffset(timestamp, offset, slide);
        start > timestamp - size;
        start -= slide
      ) {
        windows.push(timeWindow(start, start + size));
      }
      return windows.reverse();
    },
  };
}

/**
 * `EventTimeSessionWindows.withGap(gap)`: a record opens the window `[ts, ts + gap)`; windows that overlap are merged
 * at aggregation time (`MergingWindowAssigner`), which is out of scope here. Requires `gap > 0`.
 */
export function flinkSessionWindows(gap: number): WindowAssigner {
  requireInteger("gap", gap, 1);
  return {
    semantics: "flink",
    type: "session",
    reproduces: "org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows",
    windowsFor(timestamp) {
      requireTimestamp(timestamp);
      return [timeWindow(timestamp, timestamp + gap)];
    },
  };
}
