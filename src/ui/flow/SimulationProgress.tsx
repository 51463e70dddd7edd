/**
 * Over the canvas while a scenario is simulated off the page's thread: its title, a progress bar, how far the run
 * has come (percent and steps) and a Cancel button (Escape does the same, see `useKeyboardShortcuts`). What was open
 * before stays under it. It fades in after a moment (`flow.css`), so a run that ends at once does not flash it.
 * Renders nothing otherwise.
 */
import { useLabActions, useLabState } from "../LabContext";
import { t } from "../messages";

const STEPS = new Intl.NumberFormat("en-US");

export function SimulationProgress() {
  const loading = useLabState((s) => s.loading);
  const { runCancelled } = useLabActions();
  if (!loading) return null;
  const percent = Math.floor(loading.progress * 100);
  return (
    <div className="simulation-progress" data-testid="simulation-progress">
      <div className="simulation-progress-card">
        <p className="simulation-progress-title" lang="en">
          {loading.title}
        </p>
        <div
          className="simulation-progress-track"
          role="progressbar"
          aria-label={t("simulatingLabel", { title: loading.title })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div className="simulation-progress-bar" style={{ width: `${percent}%` }} />
        </div>
        <div className="simulation-progress-foot">
          <p className="simulation-progress-text">
            {t("simulating", { percent })}
            {loading.steps > 0 ? ` · ${t("simulatingSteps", { steps: STEPS.format(loading.steps) })}` : null}
          </p>
          <button
            type="button"
            className="simulation-progress-cancel"
            title={t("cancelRunTitle")}
            onClick={() => runCancelled()}
          >
            {t("cancelRun")}
          </button>
        </div>
      </div>
    </div>
  );
}
