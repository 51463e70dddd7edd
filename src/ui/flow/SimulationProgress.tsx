/**
 * Over the canvas while a long scenario is simulated off the page's thread: its title, a progress bar and the
 * percentage of its records sent. Renders nothing otherwise.
 */
import { useLabState } from "../LabContext";
import { t } from "../messages";

export function SimulationProgress() {
  const loading = useLabState((s) => s.loading);
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
        <p className="simulation-progress-text">{t("simulating", { percent })}</p>
      </div>
    </div>
  );
}
