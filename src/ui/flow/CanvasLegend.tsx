/**
 * The canvas's legend, along its bottom edge: the colour of each record key (the first keys of the run, in order
 * of appearance), and what the shapes of a moving record mean — dropped (hollow, crossed), reprocessed (a dashed
 * ring), and the ring in the colour of the instance that runs the task. Folds away with its summary.
 */
import { useEffect, useState } from "react";
import { indexKeysInPart, keysInTrace } from "../../app/interestingSteps";
import type { Simulation } from "../../engine/core";
import { keyColorsOf, keyInitial } from "../keyColor";
import { useLabState } from "../LabContext";
import { t } from "../messages";

/** Keys listed at most; the rest are counted. */
const SHOWN_KEYS = 12;

/** Steps of the trace indexed at a time (a few milliseconds of work), for as long as the idle moment lasts. */
const KEY_INDEX_SLICE = 4_000;

/**
 * The run's first keys, indexed when the page is idle, in slices (indexing a long trace takes seconds, which in
 * one task would hold up the page).
 */
function useRunKeys(simulation: Simulation | null): string[] | null {
  const [keys, setKeys] = useState<{ of: Simulation; keys: string[] } | null>(null);
  useEffect(() => {
    if (!simulation) return;
    const idle =
      window.requestIdleCallback ??
      ((callback: (deadline: IdleDeadline) => void) =>
        window.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 10 }), 50));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const slice = (deadline: IdleDeadline) => {
      let done = indexKeysInPart(simulation, KEY_INDEX_SLICE);
      while (!done && deadline.timeRemaining() > 4) done = indexKeysInPart(simulation, KEY_INDEX_SLICE);
      if (done) setKeys({ of: simulation, keys: keysInTrace(simulation, SHOWN_KEYS + 100) });
      else handle = idle(slice);
    };
    let handle = idle(slice);
    return () => cancel(handle);
  }, [simulation]);
  return keys && keys.of === simulation ? keys.keys : null;
}

function Swatch({ kind, color }: { kind: "dot" | "dropped" | "reprocessed" | "instance"; color: string }) {
  return (
    <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
      {kind === "dropped" ? (
        <>
          <circle cx="10" cy="10" r="6" fill="#ffffff" stroke={color} strokeWidth="2" strokeDasharray="3 2" />
          <path d="M5 5l10 10M15 5L5 15" stroke="#b91c1c" strokeWidth="2.2" strokeLinecap="round" />
        </>
      ) : (
        <circle cx="10" cy="10" r={kind === "dot" ? 6 : 5} fill={color} stroke="#ffffff" strokeWidth="1.5" />
      )}
      {kind === "reprocessed" ? (
        <circle
          cx="10"
          cy="10"
          r="8.5"
          fill="none"
          stroke="#0f172a"
          strokeWidth="1.4"
          strokeDasharray="2 2"
        />
      ) : null}
      {kind === "instance" ? (
        <circle cx="10" cy="10" r="8.5" fill="none" stroke="#2563eb" strokeWidth="2" />
      ) : null}
    </svg>
  );
}

export function CanvasLegend() {
  const simulation = useLabState((s) => s.shown?.open.simulation ?? null);
  const keys = useRunKeys(simulation);
  // On a phone (the page's narrowest layout, `app.css`) it starts folded: open, it would hide a third of the canvas.
  const [startsOpen] = useState(
    () => typeof window === "undefined" || !window.matchMedia?.("(max-width: 640px)").matches,
  );
  if (!simulation) return null;
  const shown = keys?.slice(0, SHOWN_KEYS) ?? [];
  const more = keys ? keys.length - shown.length : 0;
  return (
    <details className="canvas-legend nopan nowheel" open={startsOpen} data-testid="canvas-legend">
      <summary>{t("legendTitle")}</summary>
      <ul className="legend-keys" aria-label={t("legendKeys")}>
        {shown.map((key) => (
          <li key={key}>
            <span
              className="legend-key-dot"
              style={{ background: keyColorsOf(simulation).ofLabel(key) }}
              aria-hidden="true"
            >
              {keyInitial(key)}
            </span>
            <span className="legend-key-name">{key}</span>
          </li>
        ))}
        {more > 0 ? <li className="muted">{t("legendMoreKeys", { count: more })}</li> : null}
      </ul>
      <ul className="legend-shapes">
        <li>
          <Swatch kind="dropped" color="#64748b" />
          {t("legendDropped")}
        </li>
        <li>
          <Swatch kind="reprocessed" color="#64748b" />
          {t("legendReprocessed")}
        </li>
        <li>
          <Swatch kind="instance" color="#64748b" />
          {t("legendInstance")}
        </li>
      </ul>
    </details>
  );
}
