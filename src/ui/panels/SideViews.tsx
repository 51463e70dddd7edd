/**
 * The side panel's two views of the frame, as tabs: the cluster (instances, tasks, offsets, group history:
 * `ClusterPanel`) and time at a glance (partition lanes, partition and stream time or watermarks, the next pick:
 * `TimeLanes`, loaded on first use). Arrow keys, Home and End move between the tabs (the WAI-ARIA tabs pattern).
 */
import "./sideViews.css";
import { type KeyboardEvent, Suspense, useRef, useState } from "react";
import type { Frame, Simulation } from "../../engine";
import { LazyTimeLanes } from "../lazyPanels";
import { t } from "../messages";
import { ClusterPanel } from "./ClusterPanel";

type SideView = "cluster" | "time";
const VIEWS: readonly SideView[] = ["cluster", "time"];

export function SideViews({ simulation, frame }: { simulation: Simulation; frame: Frame }) {
  const [view, setView] = useState<SideView>("cluster");
  const tabs = useRef<Record<SideView, HTMLButtonElement | null>>({ cluster: null, time: null });
  const choose = (next: SideView) => {
    setView(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = VIEWS.indexOf(view);
    const to =
      event.key === "ArrowRight"
        ? VIEWS[(at + 1) % VIEWS.length]
        : event.key === "ArrowLeft"
          ? VIEWS[(at + VIEWS.length - 1) % VIEWS.length]
          : event.key === "Home"
            ? VIEWS[0]
            : event.key === "End"
              ? VIEWS.at(-1)
              : undefined;
    if (to === undefined) return;
    // Handled here: the lab's own arrow-key and Home / End shortcuts leave a prevented key alone.
    event.preventDefault();
    choose(to);
  };
  return (
    <div className="side-views">
      <div className="side-tabs" role="tablist" aria-label={t("sideViewsLabel")} onKeyDown={onKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v}
            ref={(el) => {
              tabs.current[v] = el;
            }}
            type="button"
            role="tab"
            id={`side-tab-${v}`}
            aria-selected={view === v}
            aria-controls={view === v ? `side-view-${v}` : undefined}
            tabIndex={view === v ? 0 : -1}
            className="side-tab"
            onClick={() => setView(v)}
          >
            {v === "cluster" ? t("clusterTitle") : t("sideTabTime")}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`side-view-${view}`} aria-labelledby={`side-tab-${view}`}>
        {view === "cluster" ? (
          <ClusterPanel simulation={simulation} frame={frame} />
        ) : (
          <Suspense fallback={<p className="muted">{t("timeLanesLoading")}</p>}>
            <LazyTimeLanes simulation={simulation} frame={frame} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
