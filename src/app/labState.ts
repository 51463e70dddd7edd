/**
 * The lab's state: the open scenario and its simulation, the *cursor* (how many trace steps have happened, 0..N),
 * what that cursor shows, and playback. Everything the UI renders is here or is read from the simulation.
 */
import type { Frame, RecordId, Simulation, TraceStep } from "../engine";
import type { Scenario, ScenarioError } from "../scenario";
import type { Flight, RecordPlaces } from "./flight";
import type { InterestingCategory, JumpDirection } from "./interestingSteps";
import type { NarrationEntity } from "./narrationEntities";
import type { OperatorRefProblem, OperatorSelection } from "./operatorSelection";

/**
 * Why nothing can be shown: a share link that does not decode, a scenario that does not validate or run, or a run
 * the user cancelled with nothing open before it.
 */
export interface Problem {
  kind: "link" | "scenario" | "simulation" | "cancelled";
  errors: ScenarioError[];
}

/** A scenario that loaded and ran. */
export interface OpenScenario {
  scenario: Scenario;
  simulation: Simulation;
  /** The built-in lesson this is, or null for a scenario from a link that is not one. */
  lessonId: string | null;
  places: RecordPlaces;
  /**
   * Opened from a share link (the address bar's, or one typed or pasted there), rather than chosen in the lab: the
   * address already holds it, so URL sync rewrites that history entry instead of adding one.
   */
  fromLink: boolean;
}

/**
 * What the lab shows: one run at one cursor, with everything read from that run there. It is immutable and
 * replaced as a whole on every move and every newly opened scenario, so a frame never travels without the
 * simulation it belongs to: a view that selects `shown` (or shows it a paint later, as the side panel does) draws
 * one run's frame against that same run, whatever the lab has moved on to.
 */
export interface Shown {
  open: OpenScenario;
  /** Steps applied, 0..stepCount. */
  cursor: number;
  /** The state after `cursor` steps. */
  frame: Frame;
  /** The step that led here (`cursor - 1`), or null at the start. */
  step: TraceStep | null;
  /** The "why" of `step`. */
  narration: string | null;
  /** Where the record of `step` travelled. */
  flight: Flight | null;
}

/**
 * A scenario being simulated on a worker: what the lab shows, over the scenario open before it (if any), until it
 * opens, fails or is cancelled.
 */
export interface Loading {
  title: string;
  /** How far the run has come, 0..1: of its records sent, or of its step limit reached, whichever is further. */
  progress: number;
  /** Trace steps recorded so far. */
  steps: number;
}

/**
 * How the cursor reached its value: one step forward (animated), or any other move (shown in place: a step back,
 * a jump, a scrub, a newly opened scenario).
 */
export type Motion = "forward" | "jump";

/**
 * The record the user is inspecting and its lineage: the 0-based indexes of the steps about any version of the same
 * produced record, in order. It stays selected while the cursor moves.
 */
export interface RecordSelection {
  record: RecordId;
  lineage: readonly number[];
}

/** The canvas: one node per operator, or operators expanded per task and grouped by owning instance. */
export type CanvasView = "logical" | "physical";
export const CANVAS_VIEWS: readonly CanvasView[] = ["logical", "physical"];

export interface LabState {
  /** The open scenario's run at the cursor; null when nothing is open. */
  shown: Shown | null;
  /** Set when `shown` is null: what went wrong. */
  problem: Problem | null;
  /**
   * The scenario being simulated off the main thread; `shown` (if any) is what was open before, shown until the run
   * opens, and again if it is cancelled.
   */
  loading: Loading | null;
  motion: Motion;
  /** Grows on every cursor change, so subscribers can tell two moves to the same cursor apart. */
  moveCount: number;
  playing: boolean;
  stepsPerSecond: number;
  /** The record shown in the inspector; cleared when another scenario opens, or when an operator is selected. */
  selection: RecordSelection | null;
  /**
   * The operator shown in the operator inspector (never together with a record: selecting one clears the other);
   * cleared when another scenario opens.
   */
  operator: OperatorSelection | null;
  /** Why the operator a share link named could not be selected; cleared by the next selection. */
  operatorProblem: OperatorRefProblem | null;
  /** What "previous / next match" looks for; kept across scenarios, like the speed. */
  jumpCategory: InterestingCategory;
  /**
   * When set, "previous / next match" looks for steps touching this record key instead (a key as the narration
   * writes it, from `keysInTrace`); cleared when another scenario opens.
   */
  jumpKey: string | null;
  /** Playing pauses on reaching a step of one of these categories; kept across scenarios. */
  breakpoints: readonly InterestingCategory[];
  /** Whether the keyboard shortcuts dialog is open. */
  shortcutsOpen: boolean;
  /** The canvas's view; kept across scenarios. */
  view: CanvasView;
  /**
   * What the user last asked to see from the narration (a node, topic, instance or task); `seq` grows with each
   * request, so asking twice for the same thing shows it twice.
   */
  focus: { entity: NarrationEntity; seq: number } | null;
}

export interface LabActions {
  lessonChosen(id: string): void;
  /** The default (first) lesson, e.g. from the error panel. */
  defaultLessonRequested(): void;
  /** A share link's fragment (`location.hash`). */
  linkOpened(fragment: string): void;
  /** A user-written scenario (untrusted), opened at `cursor` (clamped). */
  scenarioOpened(input: unknown, cursor?: number): void;
  /**
   * The user cancelled the run in progress (Cancel, Escape): the worker stops, and what was open before stays;
   * with nothing open before, a "cancelled" problem says what happened.
   */
  runCancelled(): void;
  /** Step back (-1) or forward (+1); stops playback; clamps to 0..stepCount. */
  stepRequested(delta: -1 | 1): void;
  /** Jump to a cursor (scrubber, Home/End); stops playback; clamps. */
  goTo(cursor: number): void;
  playRequested(): void;
  pauseRequested(): void;
  playToggled(): void;
  /** Playback's timer fired: one step forward, pausing at the end. */
  playbackTicked(): void;
  speedChanged(stepsPerSecond: number): void;
  /** The user picked a record to inspect (a chip in a partition lane), or closed the inspector (null). */
  recordSelected(record: RecordId | null): void;
  /**
   * The user picked an operator to inspect (a node, or one task's copy of it), or closed the operator inspector
   * (null, which also dismisses a link's operator problem). One that is not in the topology is ignored.
   */
  operatorSelected(selection: OperatorSelection | null): void;
  /** The user chose what "previous / next match" looks for. */
  jumpCategoryChanged(category: InterestingCategory): void;
  /**
   * Jump to the nearest step of `category` after or before the one shown; stops playback. Does not move when
   * there is none that way.
   */
  jumpRequested(request: { direction: JumpDirection; category: InterestingCategory }): void;
  /** The user chose a key for "previous / next match", or went back to categories (null). */
  jumpKeyChanged(key: string | null): void;
  /**
   * Jump to the nearest step touching `key` after or before the one shown; stops playback. Does not move when
   * there is none that way.
   */
  keyJumpRequested(request: { direction: JumpDirection; key: string }): void;
  /** The user checked or unchecked a breakpoint category. */
  breakpointToggled(category: InterestingCategory, on: boolean): void;
  /** The user switched the canvas between the logical and the physical view. */
  viewChanged(view: CanvasView): void;
  /** The user picked a name in the narration: show it on the canvas and the cluster panel. */
  entityFocused(entity: NarrationEntity): void;
  /** The engine's narration has loaded (the page loads it after its first screen): narrate the current step. */
  narrationLoaded(): void;
  /** Open or close the keyboard shortcuts dialog. */
  shortcutsToggled(open: boolean): void;
  /**
   * Step by a larger unit: `tick` shows all of the next (or previous) wall-clock instant; `record` moves to the
   * next (or previous) step of the selected record's lineage (or the shown step's record). Stops playback.
   */
  unitStepRequested(request: { unit: "tick" | "record"; direction: JumpDirection }): void;
}

export type LabStore = LabState & LabActions;

export const SPEEDS = [1, 2, 4, 8, 16] as const;
export const DEFAULT_STEPS_PER_SECOND = 4;
