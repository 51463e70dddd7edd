/**
 * The topology canvas: producers, topics (with partition lanes) and operators laid out left to right, with the
 * flight overlay on top. The graph is laid out once per simulation; stepping only changes what nodes show. While a
 * long scenario is being simulated, the canvas is empty under its progress.
 */
import "@xyflow/react/dist/style.css";
import "./flow.css";
import { Background, Controls, MiniMap, type Node, ReactFlow, useReactFlow } from "@xyflow/react";
import { Suspense, useContext, useEffect, useMemo, useRef } from "react";
import type { CanvasView } from "../../app/labState";
import { ownershipKey, physicalGroups } from "../../app/physicalView";
import type { Simulation } from "../../engine";
import { useLab, useLabActions, useLabState } from "../LabContext";
import { t } from "../messages";
import { instanceColor } from "../panels/instanceColor";
import { CanvasSizeContext } from "./canvasSize";
import { FlightOverlay } from "./FlightOverlay";
import { FocusBridge } from "./FocusBridge";
import { InstanceGroupNode, TaskGroupNode } from "./GroupNodes";
import { layoutPhysical } from "./layoutPhysical";
import { usePlacer } from "./layoutPlacer";
import { layoutGraphOf, layoutTopology, type TopologyLayout } from "./layoutTopology";
import { OperatorNode } from "./OperatorNode";
import { ProducerNode } from "./ProducerNode";
import { SimulationProgress } from "./SimulationProgress";
import { TopicNode } from "./TopicNode";

/** Module-level, so React Flow sees the same object on every render. */
const nodeTypes = {
  operator: OperatorNode,
  topic: TopicNode,
  producer: ProducerNode,
  instance: InstanceGroupNode,
  task: TaskGroupNode,
};

/** How the view is fitted to the graph (and, before the app runs, to the first screen: `src/firstScreen.tsx`). */
export const FIT_VIEW_OPTIONS = { padding: 0.06, maxZoom: 1.1 };
const MINIMAP_STYLE = { width: 150, height: 96 };

function miniMapColor(node: Node): string {
  switch (node.type) {
    case "topic":
      return "#cbd5e1";
    case "producer":
      return "#fcd34d";
    case "instance":
      return "transparent";
    case "task":
      return "#f1f5f9";
    default:
      return "#93c5fd";
  }
}

/** React Flow's own labels, from the catalogue (built on render, so a switched catalogue applies). */
const ariaLabels = () => ({
  "controls.ariaLabel": t("canvasControls"),
  "controls.zoomIn.ariaLabel": t("zoomIn"),
  "controls.zoomOut.ariaLabel": t("zoomOut"),
  "controls.fitView.ariaLabel": t("fitView"),
  "minimap.ariaLabel": t("miniMap"),
  "handle.ariaLabel": t("nodeHandle"),
});

function miniMapStroke(node: Node): string {
  return node.type === "instance" ? instanceColor((node.data as { index: number }).index) : "transparent";
}

/** The logical layout: once per simulation (it suspends while the layout library loads, if it must). */
function useLogicalLayout(simulation: Simulation): TopologyLayout {
  const graph = useMemo(() => layoutGraphOf(simulation), [simulation]);
  const placer = usePlacer(graph);
  return useMemo(() => layoutTopology(simulation, placer), [simulation, placer]);
}

/**
 * The physical layout at the current frame. It is recomputed only when ownership changes (a rebalance, a crash):
 * stepping within a generation keeps every node where it is.
 */
function usePhysicalLayout(simulation: Simulation): TopologyLayout {
  const { store } = useLab();
  const logical = useLogicalLayout(simulation);
  // Selects only the ownership key (a string), so stepping within a generation does not even re-render the flow.
  const key = useLabState((s) => (s.frame ? ownershipKey(physicalGroups(simulation, s.frame)) : ""));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout changes exactly when the key does
  return useMemo(() => {
    const frame = store.getState().frame;
    return layoutPhysical(simulation, frame ? physicalGroups(simulation, frame) : [], logical);
  }, [simulation, store, key, logical]);
}

function LogicalFlow({ simulation }: { simulation: Simulation }) {
  return <Flow layout={useLogicalLayout(simulation)} />;
}

function PhysicalFlow({ simulation }: { simulation: Simulation }) {
  return <Flow layout={usePhysicalLayout(simulation)} />;
}

/** Fits the view again when the layout changes under a mounted canvas (ownership moved in the physical view). */
function RefitOnLayout({ layout }: { layout: TopologyLayout }) {
  const flow = useReactFlow();
  const first = useRef(layout);
  useEffect(() => {
    if (layout === first.current) return;
    const frame = requestAnimationFrame(() => {
      void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 250 });
    });
    return () => cancelAnimationFrame(frame);
  }, [layout, flow]);
  return null;
}

function Flow({ layout }: { layout: TopologyLayout }) {
  const size = useContext(CanvasSizeContext);
  return (
    <ReactFlow
      nodes={layout.nodes}
      edges={layout.edges}
      nodeTypes={nodeTypes}
      width={size?.width}
      height={size?.height}
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.2}
      maxZoom={2.5}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      edgesFocusable={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      zoomActivationKeyCode={null}
      disableKeyboardA11y
      aria-label={t("canvasLabel")}
      ariaLabelConfig={ariaLabels()}
    >
      <Background gap={20} size={1} color="#dbe2ea" />
      <MiniMap
        pannable
        zoomable
        nodeColor={miniMapColor}
        nodeStrokeColor={miniMapStroke}
        nodeStrokeWidth={3}
        style={MINIMAP_STYLE}
      />
      <Controls showInteractive={false} />
      <FlightOverlay boxes={layout.boxes} />
      <FocusBridge />
      <RefitOnLayout layout={layout} />
    </ReactFlow>
  );
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
  const simulation = useLabState((s) => s.open?.simulation ?? null);
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
      {/* Empty while the layout library loads (a scenario whose places are not known in advance). */}
      <Suspense fallback={null}>
        {simulation && view === "physical" ? <PhysicalFlow key={key} simulation={simulation} /> : null}
        {simulation && view === "logical" ? <LogicalFlow key={key} simulation={simulation} /> : null}
      </Suspense>
      <SimulationProgress />
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
