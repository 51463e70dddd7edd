/**
 * The "why" of the current step, always visible, with the wall-clock time it happened at. The names in it — nodes,
 * topics and partitions, instances, tasks — are buttons that show that thing on the canvas and the cluster panel.
 */
import { useEffect, useMemo } from "react";
import { type NarrationEntity, narrationSegments } from "../app/narrationEntities";
import { useLabActions, useLabState } from "./LabContext";
import { t } from "./messages";

/** How long a focused instance or task stays outlined in the cluster panel. */
const PANEL_FOCUS_MS = 1600;

/** Outlines the cluster panel's instance or task the user picked in the narration, if the panel shows it. */
function usePanelFocus() {
  const focus = useLabState((s) => s.focus);
  useEffect(() => {
    if (!focus) return;
    const { instance, task } = focus.entity;
    const ids = [instance ? `instance-${instance}` : null, task ? `task-${task}` : null].filter(
      (i) => i !== null,
    );
    const elements = ids
      .map((id) => document.querySelector(`[data-testid="cluster-panel"] [data-testid="${CSS.escape(id)}"]`))
      .filter((e) => e !== null);
    for (const element of elements) {
      element.classList.add("is-focused");
      element.scrollIntoView({ block: "nearest" });
    }
    const timer = window.setTimeout(() => {
      for (const element of elements) element.classList.remove("is-focused");
    }, PANEL_FOCUS_MS);
    return () => {
      window.clearTimeout(timer);
      for (const element of elements) element.classList.remove("is-focused");
    };
  }, [focus]);
}

function EntityLink({ entity }: { entity: NarrationEntity }) {
  const { entityFocused } = useLabActions();
  return (
    <button
      type="button"
      className="narration-entity"
      data-testid={`narration-entity-${entity.name}`}
      title={t("narrationShow", { name: entity.name })}
      onClick={() => entityFocused(entity)}
    >
      {entity.name}
    </button>
  );
}

export function NarrationBar() {
  const narration = useLabState((s) => s.shown?.narration ?? null);
  const simulation = useLabState((s) => s.shown?.open.simulation ?? null);
  const timeMs = useLabState((s) => s.shown?.step?.timeMs ?? null);
  const title = useLabState((s) => s.shown?.open.scenario.title ?? "");
  const segments = useMemo(
    () => (narration && simulation ? narrationSegments(simulation, narration) : null),
    [narration, simulation],
  );
  usePanelFocus();
  return (
    <section className="narration-bar" aria-label={t("narrationLabel")}>
      <span className="narration-time">{timeMs === null ? "—" : t("wallClock", { time: timeMs })}</span>
      <p className="narration" data-testid="narration" aria-live="polite" lang={narration ? "en" : undefined}>
        {segments
          ? segments.map((segment, i) =>
              segment.entity ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and rebuilt with the text
                <EntityLink key={i} entity={segment.entity} />
              ) : (
                segment.text
              ),
            )
          : t("narrationStart", { title })}
      </p>
    </section>
  );
}
