import { describe, expect, it } from "vitest";
import {
  flinkSessionWindows,
  flinkSlidingWindows,
  flinkTumblingWindows,
  getWindowStartWithOffset,
  kafkaSessionWindows,
  kafkaSlidingWindows,
  kafkaTimeWindows,
} from ".";
import { windowAssigner, windowsFor, windowTypes } from "./registry";
import type { Window } from "./window";

/** `[start, end)` pairs, for readable expectations. */
function spans(windows: readonly Window[]): [number, number][] {
  for (const w of windows) expect(w.endInclusive).toBe(false);
  return windows.map((w) => [w.start, w.end]);
}

describe("Kafka Streams TimeWindows", () => {
  it("shouldPutAHoppingRecordInEveryWindowThatContainsIt", () => {
    expect(spans(kafkaTimeWindows(10, 5).windowsFor(12))).toEqual([
      [5, 15],
      [10, 20],
    ]);
  });

  it("shouldNotStartAWindowBelowZero", () => {
    expect(spans(kafkaTimeWindows(10, 5).windowsFor(3))).toEqual([[0, 10]]);
    expect(spans(kafkaTimeWindows(10, 3).windowsFor(0))).toEqual([[0, 10]]);
  });

  it("shouldPutATumblingWindowBoundaryIntoTheNextWindow", () => {
    const tumbling = kafkaTimeWindows(10);
    expect(spans(tumbling.windowsFor(10))).toEqual([[10, 20]]);
    expect(spans(tumbling.windowsFor(9))).toEqual([[0, 10]]);
    expect(spans(tumbling.windowsFor(0))).toEqual([[0, 10]]);
    expect(tumbling.type).toBe("tumbling");
  });

  it("shouldRefuseNegativeTimestamps", () => {
    expect(() => kafkaTimeWindows(10).windowsFor(-1)).toThrow(
      "Kafka Streams drops records with negative timestamps",
    );
  });

  it.each([
    [0, 0],
    [10, 0],
    [10, 11],
    [2.5, 1],
    [10, -1],
  ])("shouldRefuseSize %j Advance %j", (size, advance) => {
    expect(() => kafkaTimeWindows(size, advance)).toThrow();
  });
});

describe("Flink TumblingEventTimeWindows and SlidingEventTimeWindows", () => {
  it("shouldRoundNegativeTimestampsDown", () => {
    expect(spans(flinkTumblingWindows(10).windowsFor(-1))).toEqual([[-10, 0]]);
    expect(spans(flinkTumblingWindows(10).windowsFor(-10))).toEqual([[-10, 0]]);
    expect(spans(flinkTumblingWindows(10).windowsFor(-11))).toEqual([[-20, -10]]);
    expect(getWindowStartWithOffset(-1, 0, 10)).toBe(-10);
  });

  it("shouldPutATumblingWindowBoundaryIntoTheNextWindow", () => {
    expect(spans(flinkTumblingWindows(10).windowsFor(10))).toEqual([[10, 20]]);
  });

  it("shouldShiftWindowsByTheOffset", () => {
    expect(spans(flinkTumblingWindows(10, 3).windowsFor(12))).toEqual([[3, 13]]);
    expect(spans(flinkTumblingWindows(10, 3).windowsFor(13))).toEqual([[13, 23]]);
    expect(spans(flinkTumblingWindows(10, -3).windowsFor(0))).toEqual([[-3, 7]]);
    expect(spans(flinkSlidingWindows(10, 5, 2).windowsFor(12))).toEqual([
      [7, 17],
      [12, 22],
    ]);
  });

  it("shouldStartSlidingWindowsBelowZero", () => {
    expect(spans(flinkSlidingWindows(10, 5).windowsFor(3))).toEqual([
      [-5, 5],
      [0, 10],
    ]);
    expect(spans(flinkSlidingWindows(10, 5).windowsFor(12))).toEqual([
      [5, 15],
      [10, 20],
    ]);
  });

  it.each([
    [10, 10, 10],
    [10, 5, 5],
    [10, 5, -5],
    [10, 11, 0],
    [0, 1, 0],
  ])("shouldRefuseSize %j Slide %j Offset %j", (size, slide, offset) => {
    expect(() => flinkSlidingWindows(size, slide, offset)).toThrow();
  });
});

describe("session windows", () => {
  it("shouldOpenAnInclusivePointSessionInKafkaStreams", () => {
    expect(kafkaSessionWindows(5).windowsFor(12)).toEqual([{ start: 12, end: 12, endInclusive: true }]);
    expect(() => kafkaSessionWindows(0)).toThrow();
  });

  it("shouldOpenAGapLongSessionInFlink", () => {
    expect(spans(flinkSessionWindows(5).windowsFor(12))).toEqual([[12, 17]]);
    expect(spans(flinkSessionWindows(5).windowsFor(-3))).toEqual([[-3, 2]]);
  });
});

describe("Kafka Streams SlidingWindows", () => {
  it("shouldOpenTheInclusiveLeftWindowOfALoneRecord", () => {
    expect(kafkaSlidingWindows(10).windowsFor(25)).toEqual([{ start: 15, end: 25, endInclusive: true }]);
  });

  it("shouldNotStartTheLeftWindowBelowZero", () => {
    expect(kafkaSlidingWindows(10).windowsFor(4)).toEqual([{ start: 0, end: 10, endInclusive: true }]);
  });
});

describe("registry", () => {
  it("shouldPickTheAssignerBySemanticsAndType", () => {
    expect(windowAssigner("kafka-streams", { type: "hopping", size: 10, advance: 5 }).reproduces).toBe(
      "org.apache.kafka.streams.kstream.TimeWindows",
    );
    expect(windowsFor("flink", { type: "hopping", size: 10, advance: 5 }, 3)).toEqual(
      flinkSlidingWindows(10, 5).windowsFor(3),
    );
    expect(windowTypes("flink")).toEqual(["tumbling", "hopping", "session"]);
  });

  it("shouldRefuseAnOffsetForKafkaAndSlidingWindowsForFlink", () => {
    expect(() => windowAssigner("kafka-streams", { type: "tumbling", size: 10, offset: 2 })).toThrow(
      "Flink only",
    );
    expect(() => windowAssigner("flink", { type: "sliding", timeDifference: 10 })).toThrow(
      "flink has no sliding windows",
    );
  });
});
