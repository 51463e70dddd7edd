import { describe, expect, it } from "vitest";
import { simulate } from "../../engine";
import { loadScenario } from "../loadScenario";
import type { Scenario } from "../schema";
import { findLesson } from "./index";

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
