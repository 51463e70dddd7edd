/**
 * The record inspector when a record is selected (or the operator inspector when an operator is: `OperatorSlot`),
 * then the cluster at this frame (instances, tasks, generations: `ClusterPanel`) or, on its other tab, time at a
 * glance (`TimeLanes`: `SideViews`), then each producer's buffer, then what the scenario is about.
 *
 * The panel follows the frame one painted frame behind the canvas (`useAfterPaint`): a step or a scrubber jump
 * paints the canvas, the step and its narration at once, and the panel right after, without holding that paint up;
 * while the user drags the scrubber, the panel renders at most once per frame.
 */
import "./panels.css";
import { memo, Suspense } from "react";
import type { Frame, Simulation } from "../../engine";
import { useLabState } from "../LabContext";
import { LazyRecordInspector } from "../lazyPanels";
import { t } from "../messages";
import { useAfterPaint } from "../useAfterPaint";
import { KeyDots } from "./KeyDots";
import { OperatorSlot } from "./OperatorSlot";
import { SideViews } from "./SideViews";

export function SidePanel() {
  const simulation = useLabState((s) => s.open?.simulation ?? null);
  const frame = useAfterPaint(useLabState((s) => s.frame));
  const description = useLabState((s) => s.open?.scenario.description ?? null);
  const selection = useLabState((s) => s.selection);
  if (!simulation || !frame) return null;
  return (
    <aside className="side-panel" aria-label={t("sidePanelLabel")}>
      {selection ? (
        <Suspense fallback={null}>
          <LazyRecordInspector simulation={simulation} selection={selection} />
        </Suspense>
      ) : null}
      <OperatorSlot simulation={simulation} />
      <FramePanels simulation={simulation} frame={frame} description={description} />
    </aside>
  );
}

/** What the side panel shows of a frame; memoised, so it renders only when its (deferred) frame changes. */
const FramePanels = memo(function FramePanels({
  simulation,
  frame,
  description,
}: {
  simulation: Simulation;
  frame: Frame;
  description: string | null;
}) {
  const producers = Object.entries(frame.producerBuffers);
  return (
    <>
      <SideViews simulation={simulation} frame={frame} />
      <section>
        <h2>{t("producersTitle")}</h2>
        <ul className="producer-buffers">
          {producers.map(([id, records]) => (
            <li key={id} data-testid={`buffer-${id}`}>
              <span className="producer-name">{id}</span>
              <span className="muted">
                {records.length === 0 ? t("bufferEmpty") : t("bufferCount", { count: records.length })}
              </span>
              {records.length > 0 ? <KeyDots simulation={simulation} records={records} /> : null}
            </li>
          ))}
        </ul>
      </section>
      {description ? (
        <section>
          <h2>{t("scenarioAbout")}</h2>
          <p className="about">{description}</p>
        </section>
      ) : null}
    </>
  );
});
