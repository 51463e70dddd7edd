/**
 * The record inspector when a record is selected (or the operator inspector when an operator is: `OperatorSlot`),
 * then the cluster at this frame (instances, tasks, generations: `ClusterPanel`), then each producer's buffer, then
 * what the scenario is about.
 */
import "./panels.css";
import { Suspense } from "react";
import { useLabState } from "../LabContext";
import { LazyRecordInspector } from "../lazyPanels";
import { t } from "../messages";
import { ClusterPanel } from "./ClusterPanel";
import { KeyDots } from "./KeyDots";
import { OperatorSlot } from "./OperatorSlot";

export function SidePanel() {
  const simulation = useLabState((s) => s.open?.simulation ?? null);
  const frame = useLabState((s) => s.frame);
  const description = useLabState((s) => s.open?.scenario.description ?? null);
  const selection = useLabState((s) => s.selection);
  if (!simulation || !frame) return null;
  const producers = Object.entries(frame.producerBuffers);
  return (
    <aside className="side-panel" aria-label={t("sidePanelLabel")}>
      {selection ? (
        <Suspense fallback={null}>
          <LazyRecordInspector simulation={simulation} selection={selection} />
        </Suspense>
      ) : null}
      <OperatorSlot simulation={simulation} />
      <ClusterPanel simulation={simulation} frame={frame} />
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
    </aside>
  );
}
