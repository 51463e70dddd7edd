/**
 * What the lab needs from the layers below it — the lessons, the scenario loader, the share-link codec and the
 * engine — gathered in one object so the store can be tested with a substitute (a failing engine, a codec that
 * reports errors) and the real wiring lives in one place.
 */
import { type Simulation, type SimulationModel, simulate } from "../engine";
import {
  decodeShareFragment,
  encodeShareFragment,
  type LoadResult,
  loadScenario,
  type Scenario,
  type ScenarioError,
} from "../scenario";
import { type Lesson, lessons } from "../scenario/lessons";

/** A share link's fragment, decoded: the scenario it holds (still to validate) and its step. */
export type DecodedLink =
  | { ok: true; scenario: unknown; cursor: number }
  | { ok: false; errors: ScenarioError[] };

export interface LabServices {
  /** In gallery order; the first is the default. */
  lessons: readonly Lesson[];
  load(input: unknown): LoadResult;
  simulate(model: SimulationModel): Simulation;
  /** `fragment` is `location.hash` with or without its leading `#`. */
  decodeLink(fragment: string): DecodedLink;
  /** The fragment (without `#`) of a link to `scenario` at `cursor`. */
  encodeLink(scenario: Scenario, cursor: number): string;
}

export const labServices: LabServices = {
  lessons,
  load: loadScenario,
  simulate,
  decodeLink: (fragment) => decodeShareFragment(fragment),
  encodeLink: (scenario, cursor) => encodeShareFragment(scenario, cursor).slice(1),
};
