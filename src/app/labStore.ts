/**
 * The lab's store: a zustand *vanilla* store (no React here; `src/ui` binds it). Actions are events — the user
 * chose a lesson, asked for a step, pressed play — and the store works out the new cursor and what it shows.
 *
 * Opening a built-in lesson is synchronous. Anything else is simulated on a worker (`simulationRunner.ts` says
 * why): the store shows `loading` (its title and progress) over what was open before, and opens it when the run
 * ends — unless the user cancelled it, or something else was opened meanwhile, which cancels that run.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { type RecordId, type Simulation, SimulationError } from "../engine/core";
import type { Scenario } from "../scenario";
import { flightOf, recordPlaces } from "./flight";
import { categoryOf, INTERESTING_CATEGORIES, nextInteresting, nextStepWithKey } from "./interestingSteps";
import type { LabServices } from "./labServices";
import {
  CANVAS_VIEWS,
  DEFAULT_STEPS_PER_SECOND,
  type LabState,
  type LabStore,
  type Motion,
  type OpenScenario,
  type Problem,
  type Shown,
} from "./labState";
import {
  type OperatorSelection,
  resolveOperator,
  resolveOperatorRef,
  sameOperator,
} from "./operatorSelection";
import { parseShareSettings } from "./shareSettings";
import { createSimulationRunner, RunCancelledError, RunFailedError, type RunStart } from "./simulationRunner";
import { followedRecord, nextInLineage, nextTick } from "./stepUnits";

export type LabStoreApi = StoreApi<LabStore>;

const EMPTY: Omit<LabState, "stepsPerSecond" | "jumpCategory" | "breakpoints" | "shortcutsOpen" | "view"> = {
  shown: null,
  problem: null,
  loading: null,
  motion: "jump",
  moveCount: 0,
  playing: false,
  selection: null,
  operator: null,
  operatorProblem: null,
  jumpKey: null,
  focus: null,
};

function clamp(cursor: number, stepCount: number): number {
  if (!Number.isFinite(cursor)) return 0;
  return Math.min(stepCount, Math.max(0, Math.trunc(cursor)));
}

/** What `open` shows at `cursor`: the frame, the step that led to it, its narration and its flight. */
function shownAt(open: OpenScenario, cursor: number): Shown {
  const { simulation, places } = open;
  const step = cursor > 0 ? simulation.step(cursor - 1) : null;
  return {
    open,
    cursor,
    frame: simulation.frameAt(cursor),
    step,
    narration: cursor > 0 ? simulation.narrate(cursor - 1) : null,
    flight: step ? flightOf(simulation, places, step) : null,
  };
}

/**
 * What a failed run shows. A SimulationError is the scenario's fault (a limit reached); anything else is a bug
 * below the app, but the user still gets an explanation instead of a blank page.
 */
function problemOf(error: unknown): Problem {
  if (error instanceof RunFailedError && error.failure.kind === "scenario") {
    return { kind: "scenario", errors: error.failure.errors };
  }
  const message =
    error instanceof SimulationError
      ? error.message
      : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return { kind: "simulation", errors: [{ path: "", message }] };
}

export function createLabStore(services: LabServices): LabStoreApi {
  const runner = createSimulationRunner(services);
  return createStore<LabStore>()((set, get) => {
    const moveTo = (cursor: number, motion: Motion, playing: boolean) => {
      const { shown, moveCount } = get();
      if (!shown) return;
      const next = clamp(cursor, shown.open.simulation.stepCount);
      if (next === shown.cursor) {
        set({ playing });
        return;
      }
      set({ shown: shownAt(shown.open, next), motion, moveCount: moveCount + 1, playing });
    };

    const showProblem = (problem: Problem) => set({ ...EMPTY, problem, moveCount: get().moveCount + 1 });

    /**
     * Each lesson's link at step 0, to recognise a link to a lesson (computed on first use, once every lesson is
     * loaded; null before).
     */
    let lessonLinks: Map<string, string> | null = null;
    const lessonOf = (link: string): string | null => {
      if (lessonLinks === null) {
        const all = services.lessons.map((entry) => services.lesson(entry.id));
        if (all.some((lesson) => lesson === undefined)) return null;
        lessonLinks = new Map();
        for (const lesson of all) {
          const loaded = services.load(lesson!.scenario);
          if (loaded.ok) lessonLinks.set(services.encodeLink(loaded.scenario, 0), lesson!.id);
        }
      }
      return lessonLinks.get(link) ?? null;
    };

    /** Recognises `opened` as a lesson once the lessons are loaded, if it is still what is open. */
    const recogniseLater = (opened: OpenScenario) => {
      services.loadLessons().then(
        () => {
          const lessonId = lessonOf(services.encodeLink(opened.scenario, 0));
          const { shown } = get();
          if (lessonId !== null && shown?.open === opened)
            set({ shown: { ...shown, open: { ...opened, lessonId } } });
        },
        () => {}, // not recognised: it stays "a scenario from a link"
      );
    };

    /** Grows whenever what is asked for changes, so the end of a superseded worker run is ignored. */
    let request = 0;
    /** Forgets the run still going, if any: something else is being opened. */
    const supersede = (): number => {
      runner.cancel();
      return ++request;
    };

    const show = (
      scenario: Scenario,
      simulation: Simulation,
      cursor: number,
      lessonId: string | null,
      fromLink: boolean,
      record: RecordId | null,
      operator: string | null,
    ) => {
      const opened: OpenScenario = {
        scenario,
        simulation,
        lessonId: lessonId ?? lessonOf(services.encodeLink(scenario, 0)),
        places: recordPlaces(simulation),
        fromLink,
      };
      set({
        ...EMPTY,
        shown: shownAt(opened, clamp(cursor, simulation.stepCount)),
        moveCount: get().moveCount + 1,
      });
      if (opened.lessonId === null && lessonLinks === null) recogniseLater(opened);
      // A link's selected record: kept only if it is a record of this run. Its operator: selected, or reported.
      if (record !== null) get().recordSelected(record);
      else if (operator !== null) {
        const resolved = resolveOperatorRef(simulation, operator);
        set(resolved.ok ? { operator: resolved.selection } : { operatorProblem: resolved.problem });
      }
    };

    /** Loads and runs an untrusted scenario; shows it at `cursor`, or shows what went wrong. */
    const open = (
      input: unknown,
      cursor: number,
      problemKind: Problem["kind"],
      lessonId: string | null,
      record: RecordId | null = null,
      operator: string | null = null,
    ) => {
      const current = supersede();
      let loaded: ReturnType<LabServices["load"]>;
      let started: RunStart;
      try {
        loaded = services.load(input);
        if (!loaded.ok) {
          showProblem({ kind: problemKind, errors: loaded.errors });
          return;
        }
        const { title } = loaded.scenario;
        started = runner.run(loaded, {
          trusted: lessonId !== null,
          onProgress: ({ fraction, steps }) => {
            if (request === current) set({ loading: { title, progress: fraction, steps } });
          },
        });
      } catch (error) {
        showProblem(problemOf(error));
        return;
      }
      const fromLink = problemKind === "link";
      if (started.kind === "done") {
        show(loaded.scenario, started.simulation, cursor, lessonId, fromLink, record, operator);
        return;
      }
      const { scenario } = loaded;
      // What is open stays on screen, paused, under the progress, until the run opens (or is cancelled).
      set({ loading: { title: scenario.title, progress: 0, steps: 0 }, problem: null, playing: false });
      started.simulation
        .then((simulation) => {
          if (request === current) show(scenario, simulation, cursor, lessonId, fromLink, record, operator);
        })
        .catch((error: unknown) => {
          if (request === current && !(error instanceof RunCancelledError)) showProblem(problemOf(error));
        });
    };

    return {
      ...EMPTY,
      stepsPerSecond: DEFAULT_STEPS_PER_SECOND,
      jumpCategory: INTERESTING_CATEGORIES[0]!,
      breakpoints: [],
      shortcutsOpen: false,
      view: "logical",

      lessonChosen(id) {
        const lesson = services.lesson(id);
        if (lesson) {
          open(lesson.scenario, 0, "scenario", lesson.id);
          return;
        }
        if (!services.lessons.some((l) => l.id === id)) return;
        // Its scenario is still to load: what is on screen stays until it opens (unless something else is asked).
        const current = supersede();
        services.loadLessons().then(
          () => {
            const loaded = services.lesson(id);
            if (request === current && loaded) open(loaded.scenario, 0, "scenario", loaded.id);
          },
          (error: unknown) => {
            if (request !== current) return;
            const reason = error instanceof Error ? error.message : String(error);
            showProblem({
              kind: "scenario",
              errors: [{ path: "", message: `the lesson could not be loaded: ${reason}` }],
            });
          },
        );
      },
      defaultLessonRequested() {
        const first = services.lessons[0];
        const lesson = first ? services.lesson(first.id) : undefined;
        if (lesson) open(lesson.scenario, 0, "scenario", lesson.id);
      },
      linkOpened(fragment) {
        const decoded = services.decodeLink(fragment);
        if (decoded.ok) {
          // The view and the selection the link was shared with; what is malformed is left as it is.
          const settings = parseShareSettings(decoded.extra);
          set({ view: settings.view });
          open(decoded.scenario, decoded.cursor, "link", null, settings.record, settings.operator);
        } else {
          supersede();
          showProblem({ kind: "link", errors: decoded.errors });
        }
      },
      scenarioOpened(input, cursor = 0) {
        open(input, cursor, "scenario", null);
      },
      runCancelled() {
        const { loading, shown: previous } = get();
        if (loading === null) return;
        supersede();
        if (previous !== null) {
          set({ loading: null });
          return;
        }
        const percent = Math.floor(loading.progress * 100);
        showProblem({
          kind: "cancelled",
          errors: [
            {
              path: "",
              message: `"${loading.title}" was cancelled after ${loading.steps.toLocaleString("en-US")} steps (${percent}% of its run)`,
            },
          ],
        });
      },
      stepRequested(delta) {
        moveTo((get().shown?.cursor ?? 0) + delta, delta > 0 ? "forward" : "jump", false);
      },
      goTo(cursor) {
        moveTo(cursor, "jump", false);
      },
      playRequested() {
        const { shown } = get();
        if (!shown || shown.open.simulation.stepCount === 0) return;
        // Playing from the end starts over, as media players do.
        if (shown.cursor >= shown.open.simulation.stepCount) moveTo(0, "jump", true);
        else set({ playing: true });
      },
      pauseRequested() {
        set({ playing: false });
      },
      playToggled() {
        if (get().playing) get().pauseRequested();
        else get().playRequested();
      },
      playbackTicked() {
        const { shown, playing, breakpoints } = get();
        if (!shown || !playing) return;
        const { simulation } = shown.open;
        const end = simulation.stepCount;
        const next = shown.cursor + 1;
        // A breakpoint pauses on the step it names, shown at cursor `next` (step next - 1).
        const category = next <= end ? categoryOf(simulation.step(next - 1)) : null;
        const atBreakpoint = category !== null && breakpoints.includes(category);
        moveTo(next, "forward", next < end && !atBreakpoint);
      },
      speedChanged(stepsPerSecond) {
        if (Number.isFinite(stepsPerSecond) && stepsPerSecond > 0) set({ stepsPerSecond });
      },
      jumpCategoryChanged(category) {
        if (INTERESTING_CATEGORIES.includes(category)) set({ jumpCategory: category });
      },
      jumpRequested({ direction, category }) {
        const { shown } = get();
        if (!shown) return;
        const target = nextInteresting(shown.open.simulation, shown.cursor, direction, [category]);
        moveTo(target ?? shown.cursor, "jump", false);
      },
      jumpKeyChanged(key) {
        if (get().jumpKey !== key) set({ jumpKey: key });
      },
      keyJumpRequested({ direction, key }) {
        const { shown } = get();
        if (!shown) return;
        const target = nextStepWithKey(shown.open.simulation, shown.cursor, direction, key);
        moveTo(target ?? shown.cursor, "jump", false);
      },
      breakpointToggled(category, on) {
        const { breakpoints } = get();
        if (!INTERESTING_CATEGORIES.includes(category) || breakpoints.includes(category) === on) return;
        // Kept in the order the UI offers the categories.
        set({
          breakpoints: INTERESTING_CATEGORIES.filter((c) => (c === category ? on : breakpoints.includes(c))),
        });
      },
      unitStepRequested({ unit, direction }) {
        const { shown, selection } = get();
        if (!shown) return;
        const { cursor } = shown;
        const { simulation } = shown.open;
        let target: number | null;
        if (unit === "tick") target = nextTick(simulation, cursor, direction);
        else {
          const record = followedRecord(simulation, cursor, selection?.record ?? null);
          target = record === null ? null : nextInLineage(simulation, cursor, direction, record);
        }
        moveTo(target ?? cursor, direction === "next" && unit === "tick" ? "forward" : "jump", false);
      },
      narrationLoaded() {
        const { shown } = get();
        if (!shown || shown.cursor === 0) return;
        const told = shown.open.simulation.narrate(shown.cursor - 1);
        if (told !== shown.narration) set({ shown: { ...shown, narration: told } });
      },
      entityFocused(entity) {
        set({ focus: { entity, seq: (get().focus?.seq ?? 0) + 1 } });
      },
      viewChanged(view) {
        if (CANVAS_VIEWS.includes(view) && get().view !== view) set({ view });
      },
      shortcutsToggled(open) {
        if (get().shortcutsOpen !== open) set({ shortcutsOpen: open });
      },
      recordSelected(record) {
        const { shown, selection } = get();
        if (record === null || !shown) {
          if (selection !== null) set({ selection: null });
          return;
        }
        if (selection?.record === record) return;
        let lineage: number[];
        try {
          lineage = shown.open.simulation.lineage(record);
        } catch {
          return; // Not a record of this run (a stale click): keep what is selected.
        }
        set({ selection: { record, lineage }, operator: null, operatorProblem: null });
      },
      operatorSelected(selection: OperatorSelection | null) {
        const { shown, operator, operatorProblem } = get();
        if (selection === null || !shown) {
          if (operator !== null || operatorProblem !== null) set({ operator: null, operatorProblem: null });
          return;
        }
        if (sameOperator(operator, selection)) return;
        const resolved = resolveOperator(shown.open.simulation, selection);
        if (!resolved.ok) return; // Not an operator of this topology (a stale click): keep what is selected.
        set({ operator: resolved.selection, selection: null, operatorProblem: null });
      },
    };
  });
}
