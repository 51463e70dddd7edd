/**
 * The record inspector: the selected record (where it sits, key, value, timestamps) and its lineage — every step
 * about any version of the same produced record, each a button that moves the cursor to that step. The step that
 * led to the cursor is highlighted; steps still to come are muted. Escape closes it (see `useKeyboardShortcuts`).
 */
import { useEffect, useMemo, useRef } from "react";
import type { RecordSelection } from "../../app/labState";
import type { Simulation } from "../../engine";
import { useLabActions, useLabState } from "../LabContext";
import { t } from "../messages";
import { InspectorHead } from "./InspectorHead";
import { inspectedRecord, lineageLines } from "./lineageLines";

export function RecordInspector({
  simulation,
  selection,
}: {
  simulation: Simulation;
  selection: RecordSelection;
}) {
  const cursor = useLabState((s) => s.shown?.cursor ?? 0);
  const { goTo, recordSelected } = useLabActions();
  const record = useMemo(() => inspectedRecord(simulation, selection), [simulation, selection]);
  const lines = useMemo(() => lineageLines(simulation, selection, cursor), [simulation, selection, cursor]);
  // Keep the highlighted line in view as the cursor moves (the side panel scrolls).
  const list = useRef<HTMLOListElement>(null);
  const currentStep = lines.find((line) => line.current)?.step ?? null;
  useEffect(() => {
    if (currentStep === null) return;
    list.current?.querySelector(`[data-step="${currentStep + 1}"]`)?.scrollIntoView?.({ block: "nearest" });
  }, [currentStep]);
  const where = record ? t("inspectorWhere", { partition: record.partition, offset: record.offset }) : "";
  return (
    <section className="inspector" aria-label={t("inspectorLabel")} data-testid="inspector">
      <InspectorHead
        title={t("inspectorTitle")}
        where={where}
        closeLabel={t("inspectorClose")}
        onClose={() => recordSelected(null)}
      />
      {record ? (
        <dl className="inspector-fields">
          <dt>{t("fieldPartition")}</dt>
          <dd>{record.partition}</dd>
          <dt>{t("fieldOffset")}</dt>
          <dd>{record.offset}</dd>
          <dt>{t("fieldKey")}</dt>
          <dd>{record.key}</dd>
          <dt>{t("fieldValue")}</dt>
          <dd className="inspector-value">{record.value}</dd>
          <dt>{t("fieldTimestamp")}</dt>
          <dd>{t("milliseconds", { ms: record.timestampMs })}</dd>
          <dt>{t("fieldAppendTime")}</dt>
          <dd>{t("milliseconds", { ms: record.appendTimeMs })}</dd>
        </dl>
      ) : null}
      <h3 className="lineage-title">{t("lineageTitle")}</h3>
      <ol
        ref={list}
        className="lineage"
        aria-label={t("lineageLabel", { partition: record?.partition ?? "", offset: record?.offset ?? "" })}
      >
        {lines.map((line) => {
          const n = line.step + 1;
          const state = line.current ? " is-current" : line.future ? " is-future" : "";
          return (
            <li key={line.step}>
              <button
                type="button"
                className={`lineage-line${state}`}
                data-testid="lineage-step"
                data-step={n}
                aria-current={line.current ? "step" : undefined}
                aria-label={t("lineageJump", { n, summary: line.summary })}
                title={line.narration}
                onClick={() => goTo(n)}
              >
                <span className="lineage-step">{n}</span>
                <span className="lineage-summary">{line.summary}</span>
                <span className="lineage-narration" lang="en">
                  {line.narration}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
