import { describe, expect, it } from "vitest";
import { labServices } from "./labServices";
import { createLabStore } from "./labStore";
import { createPlayback, TWEEN_MS, type Tween } from "./playback";
import { fakeScheduler } from "./testing/fakeScheduler";

function setup() {
  const scheduler = fakeScheduler();
  const store = createLabStore(labServices);
  store.getState().defaultLessonRequested();
  const playback = createPlayback(store, scheduler);
  const stepCount = store.getState().shown!.open.simulation.stepCount;
  return { scheduler, store, playback, stepCount };
}

/** A step index (0-based) whose flight moves along a path of two or more anchors. */
function movingStep(store: ReturnType<typeof setup>["store"]): number {
  const { simulation } = store.getState().shown!.open;
  for (let i = 0; i < simulation.stepCount; i++) if (simulation.step(i).kind === "recordProduced") return i;
  throw new Error("no produced record");
}

describe("playback: the play timer", () => {
  it("advances one step per period at the chosen speed while playing", () => {
    const { scheduler, store } = setup();
    store.getState().speedChanged(4);
    store.getState().playRequested();
    scheduler.advance(249);
    expect(store.getState().shown?.cursor).toBe(0);
    scheduler.advance(1);
    expect(store.getState().shown?.cursor).toBe(1);
    scheduler.advance(750);
    expect(store.getState().shown?.cursor).toBe(4);
  });

  it("stops ticking when paused", () => {
    const { scheduler, store } = setup();
    store.getState().playRequested();
    scheduler.advance(500);
    store.getState().pauseRequested();
    const at = store.getState().shown?.cursor;
    scheduler.advance(5_000);
    expect(store.getState().shown?.cursor).toBe(at);
  });

  it("restarts the period at the new speed when the speed changes", () => {
    const { scheduler, store } = setup();
    store.getState().speedChanged(1);
    store.getState().playRequested();
    scheduler.advance(900);
    store.getState().speedChanged(10);
    scheduler.advance(100);
    expect(store.getState().shown?.cursor).toBe(1);
    scheduler.advance(200);
    expect(store.getState().shown?.cursor).toBe(3);
  });

  it("pauses at the end of the trace and leaves no timer behind", () => {
    const { scheduler, store, stepCount } = setup();
    store.getState().speedChanged(16);
    store.getState().playRequested();
    scheduler.advance((stepCount + 5) * 1000);
    expect(store.getState()).toMatchObject({ shown: { cursor: stepCount }, playing: false });
    expect(scheduler.pending()).toBe(0);
  });

  it("stops everything on dispose", () => {
    const { scheduler, store, playback } = setup();
    store.getState().playRequested();
    playback.dispose();
    scheduler.advance(5_000);
    expect(store.getState().shown?.cursor).toBe(0);
    expect(scheduler.pending()).toBe(0);
  });
});

describe("playback: the tween", () => {
  it("runs a forward step's flight from 0 to 1 on animation frames", () => {
    const { scheduler, store, playback } = setup();
    const step = movingStep(store);
    store.getState().goTo(step);
    const seen: Tween[] = [];
    playback.subscribeTween((tween) => seen.push(tween));
    store.getState().stepRequested(1);
    expect(seen[0]).toMatchObject({ progress: 0 });
    expect(seen[0]!.flight?.step).toBe(step);
    scheduler.advance(TWEEN_MS / 2);
    const middle = playback.tween().progress;
    expect(middle).toBeGreaterThan(0.2);
    expect(middle).toBeLessThan(0.8);
    scheduler.advance(TWEEN_MS);
    expect(playback.tween().progress).toBe(1);
    expect(scheduler.pending()).toBe(0);
  });

  it("shows the flight at rest after a jump or a step back", () => {
    const { store, playback } = setup();
    const step = movingStep(store);
    store.getState().goTo(step + 1);
    expect(playback.tween()).toMatchObject({ progress: 1 });
    expect(playback.tween().flight?.step).toBe(step);
    store.getState().stepRequested(1);
    store.getState().stepRequested(-1);
    expect(playback.tween().progress).toBe(1);
    expect(playback.tween().flight?.step).toBe(step);
  });

  it("places flights without moving them when the user prefers reduced motion", () => {
    const { scheduler, store, playback } = setup();
    scheduler.reducedMotion = true;
    store.getState().goTo(movingStep(store));
    store.getState().stepRequested(1);
    expect(playback.tween().progress).toBe(1);
    expect(scheduler.pending()).toBe(0);
  });

  it("restarts the tween when the next step comes before it finished", () => {
    const { scheduler, store, playback } = setup();
    store.getState().goTo(movingStep(store));
    store.getState().stepRequested(1);
    scheduler.advance(100);
    store.getState().stepRequested(1);
    expect(playback.tween().progress).toBe(0);
  });
});
