/**
 * The playback bar: go to start, step back, play / pause, step forward, go to end, a scrubber over every step,
 * where we are ("Step c / N"), jumps to the previous / next step of a chosen kind (a drop, a write…) or touching a
 * chosen record key, breakpoints (kinds of steps that pause playing), the speed, and the keyboard shortcuts help.
 */
import "./controls.css";
import { useMemo } from "react";
import { recordsInFlight } from "../../app/inFlight";
import {
  hasInteresting,
  INTERESTING_CATEGORIES,
  type InterestingCategory,
  type JumpDirection,
  keysInTrace,
  nextStepWithKey,
} from "../../app/interestingSteps";
import { SPEEDS } from "../../app/labState";
import type { Simulation } from "../../engine";
import { useLabActions, useLabState } from "../LabContext";
import { returnFocusToLab } from "../labFocus";
import { type MessageId, t } from "../messages";

const CATEGORY_LABEL: Record<InterestingCategory, MessageId> = {
  drop: "jumpDrop",
  write: "jumpWrite",
  buffer: "jumpBuffer",
  commit: "jumpCommit",
  rebalance: "jumpRebalance",
  crash: "jumpCrash",
  reprocess: "jumpReprocess",
  late: "jumpLate",
  window: "jumpWindow",
};

/** The "Jump to" value that means "a record key" (categories are plain words, so never this). */
const KEY_OPTION = "-key";

const ICON = {
  start: "M6 5v14M19 5 9 12l10 7z",
  back: "M18 5 8 12l10 7z",
  play: "M8 5v14l11-7z",
  pause: "M7 5h4v14H7zM14 5h4v14h-4z",
  forward: "M6 5l10 7-10 7z",
  end: "M18 5v14M5 5l10 7-10 7z",
  previousMatch: "M17 6 11 12l6 6M11 6 5 12l6 6",
  nextMatch: "M7 6l6 6-6 6M13 6l6 6-6 6",
};

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path d={d} fill="currentColor" stroke="currentColor" strokeWidth="1" strokeLinejoin="round" />
    </svg>
  );
}

function Chevrons({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * Whether "previous / next match" can move. A category search stops at the first match, so this is cheap unless
 * the category is rare in a long trace; a key search is a binary search.
 */
function hasMatch(
  simulation: Simulation | null,
  cursor: number,
  direction: JumpDirection,
  category: InterestingCategory,
  jumpKey: string | null,
): boolean {
  if (simulation === null) return false;
  return jumpKey !== null
    ? nextStepWithKey(simulation, cursor, direction, jumpKey) !== null
    : hasInteresting(simulation, cursor, direction, category);
}

export function PlaybackControls() {
  return (
    <div className="controls" role="toolbar" aria-label={t("playbackControls")}>
      <StepButtons />
      <Scrubber />
      <StepIndicator />
      <InFlight />
      <JumpControls />
      <Breakpoints />
      <SpeedChoice />
      <ShortcutsButton />
    </div>
  );
}

// Each part below subscribes to what it shows only: a step re-renders the scrubber and the indicators, not the
// breakpoints or the speed.

function StepButtons() {
  const actions = useLabActions();
  const atStart = useLabState((s) => (s.shown?.cursor ?? 0) === 0);
  const atEnd = useLabState((s) => !s.shown || s.shown.cursor >= s.shown.open.simulation.stepCount);
  const total = useLabState((s) => s.shown?.open.simulation.stepCount ?? 0);
  const playing = useLabState((s) => s.playing);
  return (
    <div className="controls-buttons">
      <button
        type="button"
        aria-label={t("goToStart")}
        title={t("withShortcut", { label: t("goToStart"), key: "Home" })}
        disabled={atStart}
        onClick={() => actions.goTo(0)}
      >
        <Icon d={ICON.start} />
      </button>
      <button
        type="button"
        aria-label={t("stepBack")}
        title={t("withShortcut", { label: t("stepBack"), key: "←" })}
        disabled={atStart}
        onClick={() => actions.stepRequested(-1)}
      >
        <Icon d={ICON.back} />
      </button>
      <button
        type="button"
        className="primary"
        aria-label={playing ? t("pause") : t("play")}
        title={t("withShortcut", { label: playing ? t("pause") : t("play"), key: t("keySpace") })}
        disabled={total === 0}
        onClick={() => actions.playToggled()}
      >
        <Icon d={playing ? ICON.pause : ICON.play} />
      </button>
      <button
        type="button"
        aria-label={t("stepForward")}
        title={t("withShortcut", { label: t("stepForward"), key: "→" })}
        disabled={atEnd}
        onClick={() => actions.stepRequested(1)}
      >
        <Icon d={ICON.forward} />
      </button>
      <button
        type="button"
        aria-label={t("goToEnd")}
        title={t("withShortcut", { label: t("goToEnd"), key: "End" })}
        disabled={atEnd}
        onClick={() => actions.goTo(total)}
      >
        <Icon d={ICON.end} />
      </button>
    </div>
  );
}

function Scrubber() {
  const actions = useLabActions();
  const cursor = useLabState((s) => s.shown?.cursor ?? 0);
  const total = useLabState((s) => s.shown?.open.simulation.stepCount ?? 0);
  return (
    <input
      className="scrubber"
      type="range"
      aria-label={t("scrubber")}
      min={0}
      max={total}
      step={1}
      value={cursor}
      onChange={(event) => actions.goTo(Number(event.currentTarget.value))}
    />
  );
}

function StepIndicator() {
  const cursor = useLabState((s) => s.shown?.cursor ?? 0);
  const total = useLabState((s) => s.shown?.open.simulation.stepCount ?? 0);
  return (
    <output className="step-indicator" data-testid="step-indicator">
      {t("stepIndicator", { cursor, total })}
    </output>
  );
}

function JumpControls() {
  const actions = useLabActions();
  const cursor = useLabState((s) => s.shown?.cursor ?? 0);
  const simulation = useLabState((s) => s.shown?.open.simulation ?? null);
  const category = useLabState((s) => s.jumpCategory);
  const jumpKey = useLabState((s) => s.jumpKey);
  // Indexed once per trace, when "Key…" is first chosen.
  const keys = useMemo(
    () => (simulation !== null && jumpKey !== null ? keysInTrace(simulation) : []),
    [simulation, jumpKey],
  );
  const hasPrevious = useMemo(
    () => hasMatch(simulation, cursor, "previous", category, jumpKey),
    [simulation, cursor, category, jumpKey],
  );
  const hasNext = useMemo(
    () => hasMatch(simulation, cursor, "next", category, jumpKey),
    [simulation, cursor, category, jumpKey],
  );
  const jump = (direction: JumpDirection) =>
    jumpKey !== null
      ? actions.keyJumpRequested({ direction, key: jumpKey })
      : actions.jumpRequested({ direction, category });
  const jumpToChosen = (value: string) => {
    if (value !== KEY_OPTION) {
      actions.jumpKeyChanged(null);
      actions.jumpCategoryChanged(value as InterestingCategory);
    } else if (simulation !== null) {
      actions.jumpKeyChanged(keysInTrace(simulation, 1)[0] ?? null);
    }
  };
  return (
    <div className="jump">
      <label className="control-label">
        <span>{t("jumpLabel")}</span>
        <select
          aria-label={t("jumpLabel")}
          value={jumpKey !== null ? KEY_OPTION : category}
          onChange={(event) => {
            jumpToChosen(event.currentTarget.value);
            returnFocusToLab();
          }}
        >
          {INTERESTING_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(CATEGORY_LABEL[c])}
            </option>
          ))}
          <option value={KEY_OPTION}>{t("jumpKey")}</option>
        </select>
      </label>
      {jumpKey !== null ? (
        <select
          className="jump-key"
          aria-label={t("jumpKeyLabel")}
          value={jumpKey}
          onChange={(event) => {
            actions.jumpKeyChanged(event.currentTarget.value);
            returnFocusToLab();
          }}
        >
          {keys.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      ) : null}
      <button
        type="button"
        aria-label={t("previousMatch")}
        title={t("withShortcut", { label: t("previousMatch"), key: "p" })}
        disabled={!hasPrevious}
        onClick={() => jump("previous")}
      >
        <Chevrons d={ICON.previousMatch} />
      </button>
      <button
        type="button"
        aria-label={t("nextMatch")}
        title={t("withShortcut", { label: t("nextMatch"), key: "n" })}
        disabled={!hasNext}
        onClick={() => jump("next")}
      >
        <Chevrons d={ICON.nextMatch} />
      </button>
    </div>
  );
}

function Breakpoints() {
  const actions = useLabActions();
  const breakpoints = useLabState((s) => s.breakpoints);
  return (
    <details className="breakpoints">
      <summary>{t("breakpointsSummary", { count: breakpoints.length })}</summary>
      <fieldset>
        <legend>{t("breakpointsLegend")}</legend>
        {INTERESTING_CATEGORIES.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={breakpoints.includes(c)}
              onChange={(event) => actions.breakpointToggled(c, event.currentTarget.checked)}
            />
            {t(CATEGORY_LABEL[c])}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

function SpeedChoice() {
  const actions = useLabActions();
  const speed = useLabState((s) => s.stepsPerSecond);
  return (
    <label className="speed control-label">
      <span>{t("speedLabel")}</span>
      <select
        value={speed}
        onChange={(event) => {
          actions.speedChanged(Number(event.currentTarget.value));
          returnFocusToLab();
        }}
      >
        {SPEEDS.map((n) => (
          <option key={n} value={n}>
            {t("speedOption", { n })}
          </option>
        ))}
      </select>
    </label>
  );
}

function ShortcutsButton() {
  const actions = useLabActions();
  return (
    <button
      type="button"
      className="shortcuts-button"
      aria-label={t("shortcutsButton")}
      title={t("withShortcut", { label: t("shortcutsButton"), key: "?" })}
      aria-haspopup="dialog"
      onClick={() => actions.shortcutsToggled(true)}
    >
      ?
    </button>
  );
}

/** How many records are on their way: sent and not appended, or appended and not processed. */
function InFlight() {
  const frame = useLabState((state) => state.shown?.frame ?? null);
  if (frame === null) return null;
  const { sending, waiting } = recordsInFlight(frame);
  return (
    <output className="in-flight" data-testid="in-flight" title={t("inFlightHelp", { sending, waiting })}>
      {t("inFlight", { count: sending + waiting })}
    </output>
  );
}
