import { describe, expect, it, vi } from "vitest";
import { WARMUP_SLICE_STEPS, warmFrames } from "./frameWarmup";
import { labServices } from "./labServices";
import { createLabStore } from "./labStore";
import { fakeScheduler } from "./testing/fakeScheduler";
import { generatedScenario } from "./testing/fakeWorker";

function openedStore(records: number) {
  const store = createLabStore(labServices);
  store.getState().scenarioOpened(generatedScenario(records));
  const simulation = store.getState().shown!.open.simulation;
  return { store, simulation, frameAt: vi.spyOn(simulation, "frameAt") };
}

describe("warmFrames", () => {
  it("walks the open run to its end in idle slices, in increasing order", () => {
    const { store, simulation, frameAt } = openedStore(8_000);
    expect(simulation.stepCount).toBeGreaterThan(2 * WARMUP_SLICE_STEPS);
    const scheduler = fakeScheduler();
    warmFrames(store, scheduler);
    expect(frameAt).not.toHaveBeenCalled();
    scheduler.advance(10_000);
    const cursors = frameAt.mock.calls.map(([cursor]) => cursor);
    expect(cursors.at(-1)).toBe(simulation.stepCount);
    expect(cursors[0]).toBe(WARMUP_SLICE_STEPS);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(scheduler.pending()).toBe(0);
  });

  it("works one slice per idle period, and none in a period too short", () => {
    const { store, frameAt } = openedStore(8_000);
    const scheduler = fakeScheduler();
    let budget = 10;
    const idle = {
      requestIdleCallback: (callback: (deadline: { timeRemaining(): number }) => void, timeoutMs: number) =>
        scheduler.requestIdleCallback(() => callback({ timeRemaining: () => budget }), timeoutMs),
      cancelIdleCallback: scheduler.cancelIdleCallback,
    };
    warmFrames(store, idle);
    scheduler.advance(25);
    expect(frameAt).toHaveBeenCalledTimes(1);
    budget = 1;
    scheduler.advance(100);
    expect(frameAt).toHaveBeenCalledTimes(1);
    budget = 10;
    scheduler.advance(25);
    expect(frameAt).toHaveBeenCalledTimes(2);
  });

  it("starts over on the next scenario and stops when disposed", () => {
    const { store } = openedStore(8_000);
    const scheduler = fakeScheduler();
    const stop = warmFrames(store, scheduler);
    store.getState().lessonChosen(labServices.lessons[0]!.id);
    const lesson = store.getState().shown!.open.simulation;
    const frameAt = vi.spyOn(lesson, "frameAt");
    scheduler.advance(10_000);
    expect(frameAt).toHaveBeenLastCalledWith(lesson.stepCount);
    stop();
    store.getState().scenarioOpened(generatedScenario(100));
    expect(scheduler.pending()).toBe(0);
  });
});
