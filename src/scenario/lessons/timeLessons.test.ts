import { describe, expect, it } from "vitest";
import { simulate } from "../../engine";
import { loadScenario } from "../loadScenario";
import type { Scenario } from "../schema";
import { findLesson, lessons } from "./index";

function run(scenario: Scenario) {
  const result = loadScenario(scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return simulate(result.model);
}

/** The final value per window and key written to `topic`: what a reader of the compacted output would see. */
function finalResults(sim: ReturnType<typeof simulate>, topic: string) {
  const last = new Map<string, unknown>();
  for (const entry of sim.logs[topic]![0]!) {
    const r = sim.record(entry.record);
    const v = r.value as { start: number; end: number; value: unknown };
    last.set(`${JSON.stringify(r.key)} [${v.start}, ${v.end})`, v.value);
  }
  return Object.fromEntries([...last].sort(([a], [b]) => a.localeCompare(b)));
}

/** The lesson as a live run: the application instance starts at 0 instead of joining late. */
function live(lesson: Scenario): Scenario {
  return { ...lesson, app: { ...lesson.app, faults: [] } };
}

describe("time lessons", () => {
  it("reprocessing with event time gives the live run's results; with processing time it does not", () => {
    const eventTime = findLesson("reprocessing-event-time")!.scenario;
    expect(finalResults(run(eventTime), "views-per-second")).toEqual(
      finalResults(run(live(eventTime)), "views-per-second"),
    );
    const processingTime = findLesson("reprocessing-processing-time")!.scenario;
    expect(finalResults(run(processingTime), "views-per-second")).not.toEqual(
      finalResults(run(live(processingTime)), "views-per-second"),
    );
  });

  it("the head-timestamp scheduler keeps a record that round-robin makes late", () => {
    const byTimestamp = run(findLesson("scheduler-choice")!.scenario);
    const roundRobin = run(findLesson("scheduler-round-robin")!.scenario);
    expect(finalResults(byTimestamp, "counts")).toEqual({
      '"shop" [0, 1000)': ["payment-1"],
      '"shop" [1000, 2000)': ["order-1", "payment-2", "order-2"],
    });
    expect(finalResults(roundRobin, "counts")).toEqual({
      '"shop" [1000, 2000)': ["order-1", "order-2", "payment-2"],
    });
  });

  it("event, ingestion and processing time put the offline phone's click in different windows", () => {
    const windowsOfC = (id: string) =>
      Object.entries(finalResults(run(findLesson(id)!.scenario), "clicks-per-second"))
        .filter(([, v]) => (v as string[]).includes("/c"))
        .map(([k]) => k);
    expect(windowsOfC("timestamp-event")).toEqual(['"page" [0, 1000)']);
    expect(windowsOfC("timestamp-ingestion")).toEqual(['"page" [2000, 3000)']);
    expect(windowsOfC("timestamp-processing")).toEqual(['"page" [2000, 3000)']);
  });

  it("the slowest partition holds the window operator's watermark back until it is idle", () => {
    const sim = run(findLesson("watermarks-parallel")!.scenario);
    const steps = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
    const idle = steps.find((s) => s.kind === "partitionIdleChanged")!;
    const firstFiring = steps.find((s) => s.kind === "windowEmitted")!;
    expect(firstFiring.step).toBeGreaterThan(idle.step);
    expect(firstFiring.timeMs).toBe(idle.timeMs);
  });
});

describe("windows in frames", () => {
  it("lists each operator's windows per task, with value, closing and emissions, at any cursor", () => {
    const sim = run(findLesson("tumbling-grace")!.scenario);
    const end = sim
      .frameAt(sim.stepCount)
      .windows.map((w) => [w.key, w.start, w.end, w.value, w.closed, w.emissions]);
    expect(end).toEqual([
      ["alice", 0, 10000, 3, true, 1],
      ["carol", 10000, 20000, 1, false, 0],
      ["dave", 10000, 20000, 1, false, 0],
    ]);
    expect(sim.frameAt(0).windows).toEqual([]);
  });

  it("shows the restored window store after a failover", () => {
    const sim = run(findLesson("crash-open-windows")!.scenario);
    const steps = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
    const restore = steps.find((s) => s.kind === "windowStoreRestored")!;
    const before = sim.frameAt(restore.step).windows.map((w) => [w.key, w.value]);
    const after = sim.frameAt(restore.step + 1).windows.map((w) => [w.key, w.value]);
    // bob's click at 2.05 s was processed but not committed: the restored store counts it no more.
    expect(before).toEqual([
      ["alice", 4],
      ["bob", 3],
      ["carol", 1],
    ]);
    expect(after).toEqual([
      ["alice", 4],
      ["bob", 2],
      ["carol", 1],
    ]);
    // The windowed operator's own stream time comes back with its store, as committed.
    expect(sim.frameAt(restore.step).tasks[0]!.operatorStreamTimes).toEqual({ count: 2050 });
    expect(sim.frameAt(restore.step + 1).tasks[0]!.operatorStreamTimes).toEqual({ count: 1900 });
    expect(sim.frameAt(sim.stepCount).windows.map((w) => [w.key, w.value])).toEqual([
      ["alice", 5],
      ["bob", 3],
      ["carol", 2],
    ]);
  });

  it("drops a Flink window from the frame when its state is cleaned", () => {
    const sim = run(findLesson("tumbling-flink")!.scenario);
    const keys = sim.frameAt(sim.stepCount).windows.map((w) => [w.key, w.start]);
    expect(keys).toEqual([
      ["carol", 10000],
      ["dave", 10000],
      ["erin", 10000],
    ]);
  });
});

describe("partition time in frames", () => {
  it("in every Kafka Streams lesson, a task's stream time is its largest partition time at every settled step", () => {
    for (const lesson of lessons) {
      if (lesson.scenario.app.time?.semantics === "flink") continue;
      const sim = run(lesson.scenario);
      for (let cursor = 1; cursor <= sim.stepCount; cursor++) {
        // Mid-update: a stream-time step just before the source takes its record, a resume's position resets
        // just before its restored stream time.
        const previous = sim.step(cursor - 1).kind;
        if (previous === "streamTimeAdvanced" || previous === "positionReset") continue;
        for (const task of sim.frameAt(cursor).tasks) {
          const largest = Math.max(-1, ...task.partitions.map((p) => p.partitionTimeMs ?? -1));
          expect(task.streamTimeMs ?? -1, `${lesson.id}: task ${task.id} at cursor ${cursor}`).toBe(largest);
        }
      }
    }
  });
});
