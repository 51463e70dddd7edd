import { describe, expect, it } from "vitest";
import { formatKey, SimulationError } from "../engine";
import { categoryOf, keysInTrace } from "./interestingSteps";
import { type LabServices, labServices } from "./labServices";
import type { LabState } from "./labState";
import { createLabStore } from "./labStore";

function openedStore(services: LabServices = labServices) {
  const store = createLabStore(services);
  store.getState().defaultLessonRequested();
  const open = store.getState().shown?.open;
  if (!open) throw new Error("the default lesson did not open");
  return { store, simulation: open.simulation };
}

describe("lab store: opening", () => {
  it("opens the first lesson at step 0 with its frame and no narration", () => {
    const { store, simulation } = openedStore();
    const state = store.getState();
    expect(state.shown?.open.lessonId).toBe(labServices.lessons[0]!.id);
    expect(state.shown?.cursor).toBe(0);
    expect(state.shown?.frame?.cursor).toBe(0);
    expect(state.shown?.narration).toBeNull();
    expect(state.shown?.step).toBeNull();
    expect(simulation.stepCount).toBeGreaterThan(10);
  });

  it("opens a chosen lesson and ignores an unknown id", () => {
    const { store } = openedStore();
    const second = labServices.lessons[1]!;
    store.getState().lessonChosen(second.id);
    expect(store.getState().shown?.open.lessonId).toBe(second.id);
    store.getState().lessonChosen("no-such-lesson");
    expect(store.getState().shown?.open.lessonId).toBe(second.id);
  });

  it("opens a lesson whose scenario is still to load once it has loaded, keeping the screen until then", async () => {
    let loaded = false;
    let finish = () => {};
    const services: LabServices = {
      ...labServices,
      lesson: (id) => (loaded || id === labServices.lessons[0]!.id ? labServices.lesson(id) : undefined),
      loadLessons: () =>
        new Promise<void>((resolve) => {
          finish = () => {
            loaded = true;
            resolve();
          };
        }),
    };
    const { store } = openedStore(services);
    const before = store.getState().shown?.open;
    store.getState().lessonChosen(labServices.lessons[2]!.id);
    store.getState().lessonChosen(labServices.lessons[1]!.id);
    expect(store.getState().shown?.open).toBe(before);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    // The later choice wins.
    expect(store.getState().shown?.open.lessonId).toBe(labServices.lessons[1]!.id);
  });

  it("says so when a lesson cannot be loaded", async () => {
    const services: LabServices = {
      ...labServices,
      lesson: (id) => (id === labServices.lessons[0]!.id ? labServices.lesson(id) : undefined),
      loadLessons: () => Promise.reject(new Error("network down")),
    };
    const { store } = openedStore(services);
    store.getState().lessonChosen(labServices.lessons[1]!.id);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().problem?.errors[0]?.message).toBe("the lesson could not be loaded: network down");
  });

  it("recognises a link to a lesson once the lessons are loaded", async () => {
    let loaded = false;
    const services: LabServices = {
      ...labServices,
      lesson: (id) => (loaded ? labServices.lesson(id) : undefined),
      loadLessons: async () => {
        loaded = true;
      },
    };
    const store = createLabStore(services);
    store.getState().linkOpened(labServices.encodeLink(labServices.lessons[3]!.scenario, 2));
    expect(store.getState().shown?.open.lessonId).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().shown?.open.lessonId).toBe(labServices.lessons[3]!.id);
  });

  it("narrates the step on screen again when the narration loads", () => {
    let told = "";
    const { store, simulation } = openedStore();
    const narrated = { ...simulation, narrate: (step: number) => told || String(step) };
    const { shown } = store.getState();
    store.setState({ shown: { ...shown!, open: { ...shown!.open, simulation: narrated } } });
    store.getState().goTo(5);
    expect(store.getState().shown?.narration).toBe("4");
    told = "the real story";
    store.getState().narrationLoaded();
    expect(store.getState().shown?.narration).toBe("the real story");
  });

  it("opens a share link at its step, recognising a lesson", () => {
    const { store, simulation } = openedStore();
    const fragment = labServices.encodeLink(store.getState().shown!.open.scenario, 7);
    const other = createLabStore(labServices);
    other.getState().linkOpened(`#${fragment}`);
    expect(other.getState().shown?.cursor).toBe(7);
    expect(other.getState().shown?.narration).toBe(simulation.narrate(6));
    expect(other.getState().shown?.open.lessonId).toBe(labServices.lessons[0]!.id);
  });

  it("clamps a share link's step to the end of the trace", () => {
    const { store, simulation } = openedStore();
    const fragment = labServices.encodeLink(store.getState().shown!.open.scenario, 1_000_000);
    store.getState().linkOpened(fragment);
    expect(store.getState().shown?.cursor).toBe(simulation.stepCount);
  });

  it("shows the decoder's errors for a broken link, with nothing open", () => {
    const store = createLabStore(labServices);
    store.getState().linkOpened("#v1/garbage!!");
    const { problem, shown } = store.getState();
    expect(shown).toBeNull();
    expect(problem?.kind).toBe("link");
    expect(problem?.errors.length).toBeGreaterThan(0);
    expect(problem?.errors[0]).toEqual({ path: expect.any(String), message: expect.any(String) });
  });

  it("shows a scenario's validation errors with their paths", () => {
    const store = createLabStore(labServices);
    store.getState().scenarioOpened({ version: 1, title: "", topics: [], producers: [], app: {} });
    expect(store.getState().problem?.kind).toBe("scenario");
    expect(store.getState().problem?.errors.map((e) => e.path)).toContain("title");
  });

  it("shows a SimulationError as a simulation problem", () => {
    const failing: LabServices = {
      ...labServices,
      simulate: () => {
        throw new SimulationError("the run passed 10 steps (limits.maxSteps)");
      },
    };
    const store = createLabStore(failing);
    store.getState().defaultLessonRequested();
    expect(store.getState().problem).toEqual({
      kind: "simulation",
      errors: [{ path: "", message: "the run passed 10 steps (limits.maxSteps)" }],
    });
  });

  it("explains an unexpected engine failure instead of throwing", () => {
    const broken: LabServices = {
      ...labServices,
      simulate: () => {
        throw new TypeError("cannot read properties of undefined");
      },
    };
    const store = createLabStore(broken);
    store.getState().defaultLessonRequested();
    expect(store.getState().problem?.errors[0]?.message).toBe(
      "internal error: cannot read properties of undefined",
    );
  });

  it("clears a problem when a lesson opens", () => {
    const store = createLabStore(labServices);
    store.getState().linkOpened("#v1/garbage!!");
    store.getState().defaultLessonRequested();
    expect(store.getState().problem).toBeNull();
    expect(store.getState().shown?.open).not.toBeNull();
  });
});

describe("lab store: what is shown travels whole", () => {
  /** A frame of `simulation` exactly: the same as rebuilding it at its cursor. */
  const frameOfItsOwnRun = (shown: NonNullable<LabState["shown"]>) =>
    expect(JSON.stringify(shown.frame)).toBe(JSON.stringify(shown.open.simulation.frameAt(shown.cursor)));

  it("replaces what is shown as a whole on every move and opening, never mixing runs", () => {
    const { store } = openedStore();
    const seen: NonNullable<LabState["shown"]>[] = [];
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.shown !== null && state.shown !== previous.shown) seen.push(state.shown);
    });
    store.getState().stepRequested(1);
    store.getState().goTo(9);
    store.getState().lessonChosen("keyed-partitioning");
    store.getState().goTo(40);
    store.getState().jumpRequested({ direction: "previous", category: "write" });
    store.getState().lessonChosen("tumbling-grace");
    store.getState().stepRequested(1);
    unsubscribe();
    expect(seen.length).toBeGreaterThanOrEqual(7);
    for (const shown of seen) {
      frameOfItsOwnRun(shown);
      expect(shown.frame.cursor).toBe(shown.cursor);
      expect(shown.step).toEqual(shown.cursor > 0 ? shown.open.simulation.step(shown.cursor - 1) : null);
    }
  });

  it("leaves what was shown before another lesson opened as it was: its frame, its run", () => {
    const { store } = openedStore();
    store.getState().lessonChosen("keyed-partitioning");
    store.getState().goTo(60);
    const held = store.getState().shown!;
    const frame = JSON.stringify(held.frame);
    store.getState().lessonChosen("tumbling-grace");
    expect(store.getState().shown!.open.simulation).not.toBe(held.open.simulation);
    expect(held.open.lessonId).toBe("keyed-partitioning");
    expect(held.cursor).toBe(60);
    expect(JSON.stringify(held.frame)).toBe(frame);
    frameOfItsOwnRun(held);
  });

  it("tells a scenario opened from a link from one chosen in the lab", () => {
    const { store } = openedStore();
    expect(store.getState().shown?.open.fromLink).toBe(false);
    const fragment = labServices.encodeLink(store.getState().shown!.open.scenario, 3);
    store.getState().linkOpened(fragment);
    expect(store.getState().shown?.open.fromLink).toBe(true);
    store.getState().lessonChosen("branch-merge");
    expect(store.getState().shown?.open.fromLink).toBe(false);
  });
});

describe("lab store: stepping", () => {
  it("steps forward one step, narrating the step that just happened", () => {
    const { store, simulation } = openedStore();
    store.getState().stepRequested(1);
    const state = store.getState();
    expect(state.shown?.cursor).toBe(1);
    expect(state.shown?.step?.step).toBe(0);
    expect(state.shown?.narration).toBe(simulation.narrate(0));
    expect(state.shown?.frame?.cursor).toBe(1);
    expect(state.motion).toBe("forward");
  });

  it("steps back to the previous narration, shown in place", () => {
    const { store, simulation } = openedStore();
    store.getState().stepRequested(1);
    store.getState().stepRequested(1);
    store.getState().stepRequested(-1);
    expect(store.getState().shown?.cursor).toBe(1);
    expect(store.getState().shown?.narration).toBe(simulation.narrate(0));
    expect(store.getState().motion).toBe("jump");
  });

  it("does not step before the start or past the end", () => {
    const { store, simulation } = openedStore();
    store.getState().stepRequested(-1);
    expect(store.getState().shown?.cursor).toBe(0);
    store.getState().goTo(simulation.stepCount);
    const moves = store.getState().moveCount;
    store.getState().stepRequested(1);
    expect(store.getState().shown?.cursor).toBe(simulation.stepCount);
    expect(store.getState().moveCount).toBe(moves);
  });

  it("goes to any step, clamping and truncating what it is given", () => {
    const { store, simulation } = openedStore();
    store.getState().goTo(12.7);
    expect(store.getState().shown?.cursor).toBe(12);
    store.getState().goTo(-3);
    expect(store.getState().shown?.cursor).toBe(0);
    store.getState().goTo(simulation.stepCount + 50);
    expect(store.getState().shown?.cursor).toBe(simulation.stepCount);
    store.getState().goTo(Number.NaN);
    expect(store.getState().shown?.cursor).toBe(0);
  });

  it("gives the step's flight: a produced record travels from its producer to its partition", () => {
    const { store, simulation } = openedStore();
    let produced = 0;
    while (simulation.step(produced).kind !== "recordProduced") produced++;
    store.getState().goTo(produced + 1);
    const step = simulation.step(produced);
    if (step.kind !== "recordProduced") throw new Error("unreachable");
    expect(store.getState().shown?.flight?.path).toEqual([
      { kind: "producer", id: step.producer },
      { kind: "partition", topic: step.topic, partition: step.partition, end: "tail" },
    ]);
  });
});

describe("lab store: play and pause", () => {
  it("toggles between playing and paused", () => {
    const { store } = openedStore();
    store.getState().playToggled();
    expect(store.getState().playing).toBe(true);
    store.getState().playToggled();
    expect(store.getState().playing).toBe(false);
  });

  it("stops playing when the user steps or jumps", () => {
    const { store } = openedStore();
    store.getState().playRequested();
    store.getState().stepRequested(1);
    expect(store.getState().playing).toBe(false);
    store.getState().playRequested();
    store.getState().goTo(5);
    expect(store.getState().playing).toBe(false);
  });

  it("advances on each playback tick and pauses on the last step", () => {
    const { store, simulation } = openedStore();
    store.getState().goTo(simulation.stepCount - 2);
    store.getState().playRequested();
    store.getState().playbackTicked();
    expect(store.getState()).toMatchObject({
      shown: { cursor: simulation.stepCount - 1 },
      playing: true,
      motion: "forward",
    });
    store.getState().playbackTicked();
    expect(store.getState()).toMatchObject({ shown: { cursor: simulation.stepCount }, playing: false });
  });

  it("ignores a tick that arrives after pausing", () => {
    const { store } = openedStore();
    store.getState().playRequested();
    store.getState().pauseRequested();
    store.getState().playbackTicked();
    expect(store.getState().shown?.cursor).toBe(0);
  });

  it("starts over when play is pressed at the end", () => {
    const { store, simulation } = openedStore();
    store.getState().goTo(simulation.stepCount);
    store.getState().playRequested();
    expect(store.getState()).toMatchObject({ shown: { cursor: 0 }, playing: true });
  });

  it("accepts only a positive speed", () => {
    const { store } = openedStore();
    store.getState().speedChanged(8);
    store.getState().speedChanged(0);
    store.getState().speedChanged(Number.NaN);
    expect(store.getState().stepsPerSecond).toBe(8);
  });
});

describe("lab store: record selection", () => {
  it("selects a record with its lineage and keeps it while the cursor moves", () => {
    const { store, simulation } = openedStore();
    const steps = Array.from({ length: simulation.stepCount }, (_, i) => simulation.step(i));
    const first = steps.findIndex((s) => s.kind === "recordProduced");
    const produced = steps[first]!;
    if (produced.kind !== "recordProduced") throw new Error("the lesson produces no record");
    store.getState().recordSelected(produced.record);
    const selection = store.getState().selection;
    expect(selection).toEqual({ record: produced.record, lineage: simulation.lineage(produced.record) });
    expect(selection?.lineage[0]).toBe(first);

    store.getState().stepRequested(1);
    store.getState().goTo(selection!.lineage.at(-1)! + 1);
    store.getState().playRequested();
    store.getState().playbackTicked();
    expect(store.getState().selection).toBe(selection);
  });

  it("clears the selection on null and when another scenario opens", () => {
    const { store, simulation } = openedStore();
    const first = simulation.logs[simulation.graph.topics[0]!.name]![0]![0]!.record;
    store.getState().recordSelected(first);
    store.getState().recordSelected(null);
    expect(store.getState().selection).toBeNull();

    store.getState().recordSelected(first);
    store.getState().lessonChosen(labServices.lessons[1]!.id);
    expect(store.getState().selection).toBeNull();
  });

  it("ignores an id that is not a record of the open run", () => {
    const { store } = openedStore();
    store.getState().recordSelected(-5);
    expect(store.getState().selection).toBeNull();
    expect(createLabStore(labServices).getState().selection).toBeNull();
  });
});

describe("lab store: jumping to interesting steps", () => {
  it("jumps to the next and previous drop, pausing playback", () => {
    const { store, simulation } = openedStore();
    store.getState().playRequested();
    store.getState().jumpRequested({ direction: "next", category: "drop" });
    const { playing, motion, shown: first } = store.getState();
    expect(playing).toBe(false);
    expect(motion).toBe("jump");
    if (!first) throw new Error("nothing shown");
    expect(first.step?.kind).toBe("recordFiltered");
    expect(first.narration).toBe(simulation.narrate(first.cursor - 1));

    store.getState().jumpRequested({ direction: "next", category: "drop" });
    const second = store.getState().shown?.cursor;
    expect(second).toBeGreaterThan(first.cursor);
    expect(["recordFiltered", "recordUnmatched", "userFunctionFailed"]).toContain(
      store.getState().shown?.step?.kind,
    );

    store.getState().jumpRequested({ direction: "previous", category: "drop" });
    expect(store.getState().shown?.cursor).toBe(first.cursor);
  });

  it("stays put (and paused) when there is no match that way", () => {
    const { store } = openedStore();
    const moves = store.getState().moveCount;
    store.getState().playRequested();
    store.getState().jumpRequested({ direction: "previous", category: "write" });
    expect(store.getState().shown?.cursor).toBe(0);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().moveCount).toBe(moves);
  });

  it("does nothing with nothing open", () => {
    const store = createLabStore(labServices);
    store.getState().jumpRequested({ direction: "next", category: "drop" });
    expect(store.getState().shown).toBeNull();
  });

  it("remembers the category across lessons and ignores an unknown one", () => {
    const { store } = openedStore();
    expect(store.getState().jumpCategory).toBe("drop");
    store.getState().jumpCategoryChanged("commit");
    store.getState().lessonChosen(labServices.lessons[1]!.id);
    expect(store.getState().jumpCategory).toBe("commit");
    store.getState().jumpCategoryChanged("nonsense" as never);
    expect(store.getState().jumpCategory).toBe("commit");
  });

  it("opens and closes the keyboard shortcuts dialog", () => {
    const { store } = openedStore();
    expect(store.getState().shortcutsOpen).toBe(false);
    store.getState().shortcutsToggled(true);
    expect(store.getState().shortcutsOpen).toBe(true);
    store.getState().shortcutsToggled(false);
    expect(store.getState().shortcutsOpen).toBe(false);
  });
});

describe("lab store: jumping by key", () => {
  it("jumps to the next and previous steps touching the chosen key, and stops playing", () => {
    const { store, simulation } = openedStore();
    const key = keysInTrace(simulation)[0]!;
    store.getState().jumpKeyChanged(key);
    store.getState().playRequested();
    store.getState().keyJumpRequested({ direction: "next", key });
    const first = store.getState().shown?.cursor ?? 0;
    expect(first).toBeGreaterThan(0);
    expect(store.getState().playing).toBe(false);
    const step = simulation.step(first - 1);
    const stepKeys = ["input", "record"]
      .filter((field) => field in step)
      .map((field) => formatKey(simulation.record((step as unknown as Record<string, number>)[field]!).key));
    expect(stepKeys).toContain(key);

    store.getState().keyJumpRequested({ direction: "next", key });
    const second = store.getState().shown?.cursor;
    expect(second).toBeGreaterThan(first);
    store.getState().keyJumpRequested({ direction: "previous", key });
    expect(store.getState().shown?.cursor).toBe(first);
  });

  it("stays put when no step that way touches the key", () => {
    const { store } = openedStore();
    store.getState().goTo(3);
    store.getState().keyJumpRequested({ direction: "next", key: "nobody" });
    expect(store.getState().shown?.cursor).toBe(3);
  });

  it("forgets the key when another scenario opens, but keeps the category", () => {
    const { store, simulation } = openedStore();
    store.getState().jumpCategoryChanged("write");
    store.getState().jumpKeyChanged(keysInTrace(simulation)[0]!);
    store.getState().lessonChosen(labServices.lessons[1]!.id);
    expect(store.getState()).toMatchObject({ jumpKey: null, jumpCategory: "write" });
  });
});

describe("lab store: breakpoints", () => {
  const firstOf = (simulation: ReturnType<typeof openedStore>["simulation"], category: string) => {
    for (let i = 0; i < simulation.stepCount; i++) if (categoryOf(simulation.step(i)) === category) return i;
    throw new Error(`no ${category} step`);
  };

  it("pauses playing on the first step of a checked category, and plays on from there", () => {
    const { store, simulation } = openedStore();
    const drop = firstOf(simulation, "drop");
    store.getState().breakpointToggled("drop", true);
    store.getState().playRequested();
    for (let i = 0; i < simulation.stepCount && store.getState().playing; i++)
      store.getState().playbackTicked();
    expect(store.getState()).toMatchObject({ shown: { cursor: drop + 1 }, playing: false });
    expect(store.getState().shown?.narration).toContain("dropped");

    store.getState().playRequested();
    store.getState().playbackTicked();
    expect(store.getState()).toMatchObject({ shown: { cursor: drop + 2 }, playing: true });
  });

  it("does not pause on steps of unchecked categories, nor when the breakpoint is unchecked again", () => {
    const { store, simulation } = openedStore();
    store.getState().breakpointToggled("drop", true);
    store.getState().breakpointToggled("drop", false);
    expect(store.getState().breakpoints).toEqual([]);
    store.getState().playRequested();
    let ticks = 0;
    while (store.getState().playing && ticks < simulation.stepCount) {
      store.getState().playbackTicked();
      ticks++;
    }
    expect(store.getState().shown?.cursor).toBe(simulation.stepCount);
  });

  it("keeps breakpoints in the order of the categories, each once", () => {
    const { store } = openedStore();
    store.getState().breakpointToggled("commit", true);
    store.getState().breakpointToggled("drop", true);
    store.getState().breakpointToggled("drop", true);
    expect(store.getState().breakpoints).toEqual(["drop", "commit"]);
  });

  it("does not stop a step forward or a jump: breakpoints are about playing", () => {
    const { store, simulation } = openedStore();
    const drop = firstOf(simulation, "drop");
    store.getState().breakpointToggled("drop", true);
    store.getState().goTo(drop);
    store.getState().stepRequested(1);
    expect(store.getState().shown?.cursor).toBe(drop + 1);
  });
});

describe("lab store: operator selection", () => {
  function windowedStore() {
    const store = createLabStore(labServices);
    store.getState().lessonChosen("tumbling-grace");
    return { store, simulation: store.getState().shown!.open.simulation };
  }

  it("selects a node or a task's copy, and closes on null", () => {
    const { store } = windowedStore();
    store.getState().operatorSelected({ node: "count", task: null });
    expect(store.getState().operator).toEqual({ node: "count", task: null });
    store.getState().operatorSelected({ node: "count", task: "0_0" });
    expect(store.getState().operator).toEqual({ node: "count", task: "0_0" });
    store.getState().goTo(20);
    expect(store.getState().operator).toEqual({ node: "count", task: "0_0" });
    store.getState().operatorSelected(null);
    expect(store.getState().operator).toBeNull();
  });

  it("is never selected together with a record: selecting one clears the other", () => {
    const { store, simulation } = windowedStore();
    const first = simulation.logs.clicks![0]![0]!.record;
    store.getState().recordSelected(first);
    store.getState().operatorSelected({ node: "in", task: null });
    expect(store.getState().selection).toBeNull();
    expect(store.getState().operator).toEqual({ node: "in", task: null });
    store.getState().recordSelected(first);
    expect(store.getState().operator).toBeNull();
    expect(store.getState().selection?.record).toBe(first);
  });

  it("ignores an operator that is not in the topology, and clears the selection when another scenario opens", () => {
    const { store } = windowedStore();
    store.getState().operatorSelected({ node: "count", task: null });
    store.getState().operatorSelected({ node: "nope", task: null });
    store.getState().operatorSelected({ node: "count", task: "7_7" });
    expect(store.getState().operator).toEqual({ node: "count", task: null });
    store.getState().lessonChosen(labServices.lessons[0]!.id);
    expect(store.getState().operator).toBeNull();
  });

  it("selects the operator a link names, or says why it cannot", () => {
    const { store } = windowedStore();
    const base = labServices.encodeLink(store.getState().shown!.open.scenario, 3);
    const other = createLabStore(labServices);
    other.getState().linkOpened(`#${base}/n=count%400_0`);
    expect(other.getState().operator).toEqual({ node: "count", task: "0_0" });
    expect(other.getState().operatorProblem).toBeNull();

    other.getState().linkOpened(`#${base}/n=counter`);
    expect(other.getState().problem).toBeNull();
    expect(other.getState().shown?.cursor).toBe(3);
    expect(other.getState().operator).toBeNull();
    expect(other.getState().operatorProblem).toEqual({ kind: "unknownNode", node: "counter" });
    // Closing the inspector dismisses the problem.
    other.getState().operatorSelected(null);
    expect(other.getState().operatorProblem).toBeNull();

    other.getState().linkOpened(`#${base}/n=%3Cimg%3E`);
    expect(other.getState().operatorProblem).toEqual({ kind: "malformed", ref: "<img>" });
    other.getState().operatorSelected({ node: "in", task: null });
    expect(other.getState().operatorProblem).toBeNull();
  });
});
