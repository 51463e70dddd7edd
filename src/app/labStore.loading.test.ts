import { describe, expect, it } from "vitest";
import { simulate } from "../engine";
import { loadScenario } from "../scenario";
import { type LabServices, labServices } from "./labServices";
import type { LabState } from "./labState";
import { createLabStore } from "./labStore";
import { fakeWorkers, generatedScenario } from "./testing/fakeWorker";

/** Above the main-thread limit, so it goes to a worker. */
const LARGE = 20_500;

function setup() {
  const workers = fakeWorkers();
  const services: LabServices = { ...labServices, createWorker: workers.factory };
  const store = createLabStore(services);
  const states: LabState[] = [];
  store.subscribe((state) => states.push(state));
  return { store, workers, states, services };
}

function load(scenario: unknown) {
  const loaded = loadScenario(scenario);
  if (!loaded.ok) throw new Error("the scenario does not load");
  return loaded;
}

describe("lab store: a long scenario simulated on a worker", () => {
  it("shows the scenario's title and progress while it runs, then opens it at the link's step", async () => {
    const { store, workers, services } = setup();
    const scenario = generatedScenario(LARGE, "A long run");
    store.getState().linkOpened(services.encodeLink(load(scenario).scenario, 7));
    expect(store.getState()).toMatchObject({
      shown: null,
      problem: null,
      loading: { title: "A long run", progress: 0, steps: 0 },
    });

    const worker = workers.started[0]!;
    worker.reply({ type: "progress", done: LARGE / 2, total: LARGE, steps: 50_000 });
    expect(store.getState().loading).toEqual({ title: "A long run", progress: 0.5, steps: 50_000 });

    worker.answer();
    await expect.poll(() => store.getState().shown?.open).not.toBeNull();
    const state = store.getState();
    expect(state.loading).toBeNull();
    expect(state.shown?.open.lessonId).toBeNull();
    expect(state.shown?.cursor).toBe(7);
    expect(state.shown?.narration).toBe(simulate(load(scenario).model).narrate(6));
  });

  it("never shows loading for a lesson, and starts no worker", () => {
    const { store, workers, states } = setup();
    store.getState().defaultLessonRequested();
    expect(store.getState().shown?.open).not.toBeNull();
    expect(states.every((s) => s.loading === null)).toBe(true);
    expect(workers.started).toEqual([]);
  });

  it("does nothing on playback or stepping while it runs", () => {
    const { store } = setup();
    store.getState().scenarioOpened(generatedScenario(LARGE));
    store.getState().playRequested();
    store.getState().stepRequested(1);
    expect(store.getState()).toMatchObject({ playing: false, shown: null });
  });
});

describe("lab store: a scenario from a link, over what was open", () => {
  it("runs a small link on a worker too, keeping the lesson on screen (paused) until it opens", async () => {
    const { store, workers, services } = setup();
    store.getState().defaultLessonRequested();
    store.getState().goTo(3);
    store.getState().playRequested();
    const lesson = store.getState().shown;
    store.getState().linkOpened(services.encodeLink(load(generatedScenario(12, "Twelve")).scenario, 0));
    expect(store.getState()).toMatchObject({
      shown: lesson,
      playing: false,
      loading: { title: "Twelve", progress: 0, steps: 0 },
    });
    workers.started[0]!.answer();
    await expect.poll(() => store.getState().shown?.open.scenario.title).toBe("Twelve");
    expect(store.getState()).toMatchObject({ loading: null, shown: { cursor: 0 } });
  });
});

describe("lab store: the user cancels a run", () => {
  it("goes back to what was open, where it was, and stops the worker", async () => {
    const { store, workers } = setup();
    store.getState().defaultLessonRequested();
    store.getState().goTo(5);
    const before = store.getState();
    store.getState().scenarioOpened(generatedScenario(LARGE, "Too long"));
    store.getState().runCancelled();
    const worker = workers.started[0]!;
    expect(worker.terminated).toBe(true);
    expect(store.getState()).toMatchObject({ loading: null, problem: null });
    expect(store.getState().shown).toBe(before.shown);
    expect(store.getState().shown?.cursor).toBe(5);

    worker.answer(); // a late answer changes nothing
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().shown).toBe(before.shown);
  });

  it("says what was cancelled, and how far it had come, when nothing was open before", () => {
    const { store, workers, services } = setup();
    store
      .getState()
      .linkOpened(services.encodeLink(load(generatedScenario(LARGE, "A long run")).scenario, 0));
    workers.started[0]!.reply({ type: "progress", done: LARGE / 4, total: LARGE, steps: 100_000 });
    store.getState().runCancelled();
    expect(store.getState()).toMatchObject({
      loading: null,
      shown: null,
      problem: {
        kind: "cancelled",
        errors: [{ path: "", message: '"A long run" was cancelled after 100,000 steps (25% of its run)' }],
      },
    });
    // The way on: a lesson opens as usual.
    store.getState().defaultLessonRequested();
    expect(store.getState()).toMatchObject({
      problem: null,
      shown: { open: { lessonId: expect.any(String) } },
    });
  });

  it("does nothing when no run is in progress", () => {
    const { store } = setup();
    store.getState().defaultLessonRequested();
    const before = store.getState();
    store.getState().runCancelled();
    expect(store.getState()).toBe(before);
  });
});

describe("lab store: cancelling a long run", () => {
  it("cancels the run when a lesson is chosen, and ignores the run's late answer", async () => {
    const { store, workers } = setup();
    store.getState().scenarioOpened(generatedScenario(LARGE));
    store.getState().lessonChosen("branch-merge");
    const worker = workers.started[0]!;
    expect(worker.terminated).toBe(true);
    expect(store.getState()).toMatchObject({ loading: null, shown: { open: { lessonId: "branch-merge" } } });

    worker.answer();
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().shown?.open.lessonId).toBe("branch-merge");
  });

  it("replaces an older long run with a newer one", async () => {
    const { store, workers } = setup();
    store.getState().scenarioOpened(generatedScenario(LARGE, "Older"));
    store.getState().scenarioOpened(generatedScenario(LARGE + 1, "Newer"));
    const [older, newer] = workers.started;
    expect(older!.terminated).toBe(true);
    older!.reply({ type: "progress", done: 1, total: 2, steps: 50_000 });
    expect(store.getState().loading).toEqual({ title: "Newer", progress: 0, steps: 0 });

    newer!.answer();
    await expect.poll(() => store.getState().shown?.open.scenario.title).toBe("Newer");
  });

  it("cancels the run when a broken link is opened, showing the link's errors", () => {
    const { store, workers } = setup();
    store.getState().scenarioOpened(generatedScenario(LARGE));
    store.getState().linkOpened("#v1/garbage!!");
    expect(workers.started[0]!.terminated).toBe(true);
    expect(store.getState()).toMatchObject({ loading: null, shown: null, problem: { kind: "link" } });
  });
});

describe("lab store: a long run that fails", () => {
  it("shows the worker's SimulationError as a simulation problem", async () => {
    const { store, workers } = setup();
    store.getState().scenarioOpened(generatedScenario(LARGE));
    workers.started[0]!.reply({
      type: "failed",
      failure: { kind: "simulation", message: "the run passed 10 steps (limits.maxSteps)" },
    });
    await expect.poll(() => store.getState().problem).not.toBeNull();
    expect(store.getState()).toMatchObject({
      loading: null,
      shown: null,
      problem: {
        kind: "simulation",
        errors: [{ path: "", message: "the run passed 10 steps (limits.maxSteps)" }],
      },
    });
  });

  it("explains a crashed worker as an internal error", async () => {
    const { store, workers } = setup();
    store.getState().scenarioOpened(generatedScenario(LARGE));
    workers.started[0]!.crash("out of memory");
    await expect.poll(() => store.getState().problem).not.toBeNull();
    expect(store.getState().problem?.errors[0]?.message).toBe(
      "internal error: the simulation worker failed: out of memory",
    );
  });
});
