/**
 * The playback bar: go to start, step back, play / pause, step forward, go to end, a scrubber over every step,
 * the speed, and where we are ("Step c / N").
 */
import "./controls.css";
import { SPEEDS } from "../../app/labState";
import { useLabActions, useLabState } from "../LabContext";
import { t } from "../messages";

const ICON = {
  start: "M6 5v14M19 5 9 12l10 7z",
  back: "M18 5 8 12l10 7z",
  play: "M8 5v14l11-7z",
  pause: "M7 5h4v14H7zM14 5h4v14h-4z",
  forward: "M6 5l10 7-10 7z",
  end: "M18 5v14M5 5l10 7-10 7z",
};

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path d={d} fill="currentColor" stroke="currentColor" strokeWidth="1" strokeLinejoin="round" />
    </svg>
  );
}

export function PlaybackControls() {
  const actions = useLabActions();
  const cursor = useLabState((s) => s.cursor);
  const total = useLabState((s) => s.open?.simulation.stepCount ?? 0);
  const playing = useLabState((s) => s.playing);
  const speed = useLabState((s) => s.stepsPerSecond);
  const atStart = cursor === 0;
  const atEnd = cursor >= total;

  return (
    <div className="controls" role="toolbar" aria-label={t("playbackControls")}>
      <div className="controls-buttons">
        <button
          type="button"
          aria-label={t("goToStart")}
          title={`${t("goToStart")} (Home)`}
          disabled={atStart}
          onClick={() => actions.goTo(0)}
        >
          <Icon d={ICON.start} />
        </button>
        <button
          type="button"
          aria-label={t("stepBack")}
          title={`${t("stepBack")} (←)`}
          disabled={atStart}
          onClick={() => actions.stepRequested(-1)}
        >
          <Icon d={ICON.back} />
        </button>
        <button
          type="button"
          className="primary"
          aria-label={playing ? t("pause") : t("play")}
          title={`${playing ? t("pause") : t("play")} (Space)`}
          disabled={total === 0}
          onClick={() => actions.playToggled()}
        >
          <Icon d={playing ? ICON.pause : ICON.play} />
        </button>
        <button
          type="button"
          aria-label={t("stepForward")}
          title={`${t("stepForward")} (→)`}
          disabled={atEnd}
          onClick={() => actions.stepRequested(1)}
        >
          <Icon d={ICON.forward} />
        </button>
        <button
          type="button"
          aria-label={t("goToEnd")}
          title={`${t("goToEnd")} (End)`}
          disabled={atEnd}
          onClick={() => actions.goTo(total)}
        >
          <Icon d={ICON.end} />
        </button>
      </div>
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
      <output className="step-indicator" data-testid="step-indicator">
        {t("stepIndicator", { cursor, total })}
      </output>
      <label className="speed">
        <span>{t("speedLabel")}</span>
        <select value={speed} onChange={(event) => actions.speedChanged(Number(event.currentTarget.value))}>
          {SPEEDS.map((n) => (
            <option key={n} value={n}>
              {t("speedOption", { n })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
