/**
 * The topology canvas: producers, topics (with partition lanes) and operators laid out left to right, with the
 * flight overlay on top, in the logical view (`Flow.tsx`) or the physical view (`PhysicalFlow.tsx`, loaded on
 * first use). The graph is laid out once per simulation; stepping only changes what nodes show. While a scenario
 * is being simulated, its progress is over the canvas (empty, or what was open before).
 */
import { lazy, Suspense } from "react";
import type { CanvasView } from "../../app/labState";
import type { Simulation } from "../../engine";
import { useLabActions, useLabState } from "../LabContext";
import { t } from "../messages";
import { Flow, logicalNodeTypes, useLogicalLayout } from "./Flow";

export { FIT_VIEW_OPTIONS } from "./Flow";

const PhysicalFlow = lazy(() => import("./PhysicalFlow").then((m) => ({ default: m.PhysicalFlow })));
// Loaded when a run goes to the worker: it shows itself after a moment anyway (`flow.css`), and a lesson never
// needs it.
const SimulationProgress = lazy(() =>
  import("./SimulationProgress").then((m) => ({ default: m.SimulationProgress })),
);

function LogicalFlow({ simulation }: { simulation: Simulation }) {
  return <Flow layout={useLogicalLayout(simulation)} nodeTypes={logicalNodeTypes} />;
}

/** The switch between the logical and the physical view, over the canvas. */
function ViewSwitch() {
  const view = useLabState((s) => s.view);
  const { viewChanged } = useLabActions();
  const option = (value: CanvasView, label: string) => (
    <button type="button" aria-pressed={view === value} onClick={() => viewChanged(value)}>
      {label}
    </button>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, not a fieldset of form controls
    <div className="view-switch" role="group" aria-label={t("viewLabel")} data-testid="view-switch">
      {option("logical", t("viewLogical"))}
      {option("physical", t("viewPhysical"))}
    </div>
  );
}

export function TopologyCanvas() {
  const simulation = useLabState((s) => s.shown?.open.simulation ?? null);
  const loading = useLabState((s) => s.loading !== null);
  const view = useLabState((s) => s.view);
  if (!simulation && !loading) return null;
  // A new simulation or view is a new graph: remount so React Flow fits the view to it.
  const key = simulation ? `${simulationKey(simulation)}-${view}` : "";
  return (
    <div
      className={simulation ? "canvas-wrap" : "canvas-wrap canvas-pending"}
      data-view={view}
      data-testid="canvas"
    >
      {simulation ? <ViewSwitch /> : null}
      {/* Empty while the layout library or the physical view loads. */}
      <Suspense fallback={null}>
        {simulation && view === "physical" ? <PhysicalFlow key={key} /> : null}
        {simulation && view === "logical" ? <LogicalFlow key={key} simulation={simulation} /> : null}
      </Suspense>
      {loading ? (
        <Suspense fallback={null}>
          <SimulationProgress />
        </Suspense>
      ) : null}
    </div>
  );
}

const keys = new WeakMap<Simulation, number>();
let nextKey = 0;
function simulationKey(simulation: Simulation): number {
  let key = keys.get(simulation);
  if (key === undefined) {
    key = nextKey++;
    keys.set(simulation, key);
  }
  return key;
}
