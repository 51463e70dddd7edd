/**
 * The record inspector when a record is selected (or the operator inspector when an operator is: `OperatorSlot`),
 * then the cluster at this frame (instances, tasks, generations: `ClusterPanel`) or, on its other tab, time at a
 * glance (`TimeLanes`: `SideViews`), then each producer's buffer, then what the scenario is about.
 *
 * The frame's part of the panel follows what the lab shows one painted frame behind the canvas (`useAfterPaint`): a
 * step or a scrubber jump paints the canvas, the step and its narration at once, and the panel right after, without
 * holding that paint up; while the user drags the scrubber, the panel renders at most once per frame. It follows
 * `shown` as a whole, so the frame it draws is always drawn against the simulation it belongs to, even the paint
 * after another lesson was opened. Each part has its own error boundary (`PanelBoundary`).
 */
import "./panels.css";
import { memo, Suspense } from "react";
import type { Shown } from "../../app/labState";
import type { Frame, Simulation } from "../../engine";
import { useLabState } from "../LabContext";
import { LazyRecordInspector } from "../lazyPanels";
import { t } from "../messages";
import { PanelBoundary } from "../PanelBoundary";
import { useAfterPaint } from "../useAfterPaint";
import { KeyDots } from "./KeyDots";
import { OperatorSlot } from "./OperatorSlot";
import { SideViews } from "./SideViews";

export function SidePanel() {
  const shown = useLabState((s) => s.shown);
  const later = useAfterPaint(shown);
  const selection = useLabState((s) => s.selection);
  if (!shown || !later) return null;
  return (
    <aside className="side-panel" aria-label={t("sidePanelLabel")}>
      {selection ? (
        <PanelBoundary part="labPartRecordInspector">
          <Suspense fallback={null}>
            <LazyRecordInspector simulation={shown.open.simulation} selection={selection} />
          </Suspense>
        </PanelBoundary>
      ) : null}
      <PanelBoundary part="labPartOperatorInspector">
        <OperatorSlot />
      </PanelBoundary>
      <FramePanels shown={later} />
    </aside>
  );
}

/**
 * What the side panel shows of a frame, drawn against the simulation it is a frame of; memoised, so it renders only
 * when what it shows (a paint behind) changes.
 */
const FramePanels = memo(function FramePanels({ shown }: { shown: Shown }) {
  const { frame } = shown;
  const { simulation, scenario } = shown.open;
  const description = scenario.description ?? null;
  return (
    <>
      <PanelBoundary part="labPartSideViews">
        <SideViews simulation={simulation} frame={frame} />
      </PanelBoundary>
      <PanelBoundary part="labPartProducers">
        <ProducerBuffers simulation={simulation} frame={frame} />
      </PanelBoundary>
      {description ? (
        <section>
          <h2>{t("scenarioAbout")}</h2>
          <p className="about">{description}</p>
        </section>
      ) : null}
    </>
  );
});

/** Each producer's buffer at the frame: how many records wait, and their keys. */
function ProducerBuffers({ simulation, frame }: { simulation: Simulation; frame: Frame }) {
  const producers = Object.entries(frame.producerBuffers);
  return (
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
  );
}
