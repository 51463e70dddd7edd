/**
 * The lab's services for the page. They do what `labServices` does, but keep the validator out of the first
 * download: a built-in lesson is trusted — it is compiled as it is, since the lesson tests validate every lesson and
 * check that it is already in its validated form — while a share link or any other input waits for
 * `untrustedInput`, which `validation()` loads on demand.
 *
 * `src/main.tsx` awaits `validation()` before opening a link, and starts it in the background otherwise, so every
 * untrusted input is validated; until it has loaded, such input is refused with a message instead.
 *
 * Of the lessons, the page starts with the first one and every lesson's title: the others' scenarios load on
 * demand (`loadLessons`), and in the background once the page is idle. So do the engine's narration
 * (`loadNarration`: a lesson opens at step 0, which has none) and the engine code only some scenarios need
 * (`loadEngineLibrary`: windowed aggregation, Flink's watermarks), which `loadLessons` and opening a link wait
 * for.
 */
import { type EngineLibrary, type Narrator, openSimulationWith, simulateWith } from "../engine/core";
import { compileScenario } from "../scenario/compileScenario";
import { firstLesson, LESSON_ENTRIES, type Lesson } from "../scenario/lessons/firstLesson";
import { encodeShareFragment } from "../scenario/shareEncode";
import type { LabServices } from "./labServices";
import { browserWorkerFactory } from "./simulationRunner";

type UntrustedInput = Pick<LabServices, "load" | "decodeLink">;

export interface PageServices {
  services: LabServices;
  /** Loads the validator (once); resolves when untrusted input can be opened. */
  validation(): Promise<void>;
}

const NOT_READY = [{ path: "", message: "the scenario validator is still loading: open the link again" }];

export function pageServices(
  importValidator: () => Promise<UntrustedInput> = () =>
    import("./untrustedInput").then((m) => m.untrustedInput),
): PageServices {
  let untrusted: UntrustedInput | null = null;
  let loading: Promise<void> | null = null;
  let lessons: readonly Lesson[] = [firstLesson];
  let library: EngineLibrary = { windowedAggregation: null, flinkWatermarks: null };
  let libraryLoading: Promise<void> | null = null;
  const loadEngineLibrary = () => {
    libraryLoading ??= import("../engine/fullLibrary").then((m) => {
      library = m.FULL_LIBRARY;
    });
    return libraryLoading;
  };
  let narrate: Narrator | null = null;
  let narrationLoading: Promise<void> | null = null;
  const narrator: Narrator = (source, step) => (narrate ? narrate(source, step) : "");
  let lessonsLoading: Promise<void> | null = null;
  const services: LabServices = {
    lessons: LESSON_ENTRIES,
    lesson: (id) => lessons.find((l) => l.id === id),
    loadLessons() {
      lessonsLoading ??= Promise.all([import("../scenario/lessons"), loadEngineLibrary()]).then(([m]) => {
        lessons = m.lessons;
      });
      return lessonsLoading;
    },
    loadEngineLibrary,
    load(input) {
      const lesson = lessons.find((l) => l.scenario === input);
      if (lesson) return { ok: true, scenario: lesson.scenario, model: compileScenario(lesson.scenario) };
      return untrusted ? untrusted.load(input) : { ok: false, errors: NOT_READY };
    },
    decodeLink: (fragment) => (untrusted ? untrusted.decodeLink(fragment) : { ok: false, errors: NOT_READY }),
    encodeLink: (scenario, cursor, extra) => encodeShareFragment(scenario, cursor, extra).slice(1),
    loadNarration() {
      narrationLoading ??= import("../engine/narration").then((m) => {
        narrate = m.narrate;
      });
      return narrationLoading;
    },
    simulate: (model) => simulateWith(model, narrator, library),
    openRecorded: (model, recorded) => openSimulationWith(model, recorded, narrator),
    createWorker: browserWorkerFactory(),
  };
  return {
    services,
    validation() {
      loading ??= importValidator().then((loaded) => {
        untrusted = loaded;
      });
      return loading;
    },
  };
}
