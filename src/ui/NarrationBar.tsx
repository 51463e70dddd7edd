/** The "why" of the current step, always visible, with the wall-clock time it happened at. */
import { useLabState } from "./LabContext";
import { t } from "./messages";

export function NarrationBar() {
  const narration = useLabState((s) => s.narration);
  const timeMs = useLabState((s) => s.step?.timeMs ?? null);
  const title = useLabState((s) => s.open?.scenario.title ?? "");
  const text = narration ?? t("narrationStart", { title });
  return (
    <section className="narration-bar" aria-label={t("narrationLabel")}>
      <span className="narration-time">{timeMs === null ? "—" : t("wallClock", { time: timeMs })}</span>
      <p className="narration" data-testid="narration" aria-live="polite" lang={narration ? "en" : undefined}>
        {text}
      </p>
    </section>
  );
}
