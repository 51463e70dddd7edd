/**
 * What the lab needs from the layers below it — the lessons, the scenario loader, the share-link codec, the
 * engine and the simulation worker — gathered in one object so the store can be tested with a substitute (a
 * failing engine, a codec that reports errors, a fake worker) and the real wiring lives in one place.
 */
import { openSimulation, simulate } from "../engine";
import {
  decodeShareFragment,
  encodeShareFragment,
  type LoadResult,
  loadScenario,
  type Scenario,
  type ScenarioError,
} from "../scenario";
import { type Lesson, type LessonEntry, lessons } from "../scenario/lessons";
import { browserWorkerFactory, type RunnerServices } from "./simulationRunner";

/** A share link's fragment, decoded: the scenario it holds (still to validate) and its step. */
export type DecodedLink =
  | { ok: true; scenario: unknown; cursor: number; extra?: Record<string, string> }
  | { ok: false; errors: ScenarioError[] };

export interface LabServices extends RunnerServices {
  /** Every lesson's id and title, in gallery order; the first is the default. */
  lessons: readonly LessonEntry[];
  /** A lesson, if its scenario is loaded (the first always is). */
  lesson(id: string): Lesson | undefined;
  /** Loads every lesson's scenario (the page loads them on demand; here they always are). */
  loadLessons(): Promise<void>;
  /**
   * Loads the engine's narration: until then, runs opened here narrate every step as "" (the page loads it after
   * its first screen; here it always is).
   */
  loadNarration(): Promise<void>;
  /**
   * Loads the engine code only some scenarios need (windowed aggregation, Flink's watermarks): a run that needs it
   * before it has loaded fails with a SimulationError (the page loads it after its first screen; here it always
   * is).
   */
  loadEngineLibrary(): Promise<void>;
  load(input: unknown): LoadResult;
  /** `fragment` is `location.hash` with or without its leading `#`. */
  decodeLink(fragment: string): DecodedLink;
  /** The fragment (without `#`) of a link to `scenario` at `cursor`, with view settings (`extra`) if any. */
  encodeLink(scenario: Scenario, cursor: number, extra?: Record<string, string>): string;
}

export const labServices: Omit<LabServices, "lessons"> & { lessons: readonly Lesson[] } = {
  lessons,
  lesson: (id) => lessons.find((l) => l.id === id),
  loadLessons: () => Promise.resolve(),
  loadNarration: () => Promise.resolve(),
  loadEngineLibrary: () => Promise.resolve(),
  load: loadScenario,
  simulate,
  openRecorded: openSimulation,
  createWorker: browserWorkerFactory(),
  decodeLink: (fragment) => decodeShareFragment(fragment),
  encodeLink: (scenario, cursor, extra) => encodeShareFragment(scenario, cursor, extra).slice(1),
};
