/**
 * The React Flow canvas of a layout, with its background, minimap, controls and the flight overlay on top; and the
 * logical view's layout. The physical view (`PhysicalFlow.tsx`) draws with the same `Flow`.
 */
import "@xyflow/react/dist/style.css";
import "./flow.css";
import {
  Background,
  Controls,
  MiniMap,
  type Node,
  type NodeTypes,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import { lazy, type ReactNode, Suspense, useContext, useEffect, useMemo, useRef } from "react";
import type { Simulation } from "../../engine";
import { t } from "../messages";
import { instanceColor } from "../panels/instanceColor";
import { CanvasSizeContext } from "./canvasSize";
import { FocusBridge } from "./FocusBridge";
import { usePlacer } from "./layoutPlacer";
import { layoutGraphOf, layoutTopology, type TopologyLayout } from "./layoutTopology";
import { OperatorNode } from "./OperatorNode";
import { ProducerNode } from "./ProducerNode";
import { TopicNode } from "./TopicNode";

/**
 * The records in motion: nothing moves on the first screen (step 0), so the overlay loads with it, on its own, and
 * is drawn from the first step.
 */
const FlightOverlay = lazy(() => import("./FlightOverlay").then((m) => ({ default: m.FlightOverlay })));
/** The legend lists the run's keys once the page is idle: it loads on its own too. */
const CanvasLegend = lazy(() => import("./CanvasLegend").then((m) => ({ default: m.CanvasLegend })));

/** The logical view's node kinds (module-level, so React Flow sees the same object on every render). */
export const logicalNodeTypes = {
  operator: OperatorNode,
  topic: TopicNode,
  producer: ProducerNode,
};

/** How the view is fitted to the graph (and, before the app runs, to the first screen: `src/firstScreen.tsx`). */
export const FIT_VIEW_OPTIONS = {
  padding: 0.06,
  maxZoom: 1.1,
  // Nodes outside the viewport are not rendered (so never measured): fit to every node's declared size.
  includeHiddenNodes: true,
};

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
export function useLogicalLayout(simulation: Simulation): TopologyLayout {
  const graph = useMemo(() => layoutGraphOf(simulation), [simulation]);
  const placer = usePlacer(graph);
  return useMemo(() => layoutTopology(simulation, placer), [simulation, placer]);
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

/**
 * The canvas. It fits the whole graph in view (the logical view), unless `fitted` says a child sets the viewport
 * (the physical view's `ReadableFit`).
 */
export function Flow({
  layout,
  nodeTypes,
  fitted = false,
  children,
}: {
  layout: TopologyLayout;
  nodeTypes: NodeTypes;
  fitted?: boolean;
  children?: ReactNode;
}) {
  const size = useContext(CanvasSizeContext);
  return (
    <ReactFlow
      nodes={layout.nodes}
      edges={layout.edges}
      nodeTypes={nodeTypes}
      width={size?.width}
      height={size?.height}
      fitView={!fitted}
      fitViewOptions={FIT_VIEW_OPTIONS}
      // Nodes and edges outside the viewport are not rendered: a graph of a hundred topics costs what is in view.
      // The physical view, shown at 1:1 and panned, keeps every node (its groups are few and sized to be read).
      onlyRenderVisibleElements={!fitted}
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
      <Suspense fallback={null}>
        <CanvasLegend />
        <FlightOverlay boxes={layout.boxes} />
      </Suspense>
      <FocusBridge />
      {fitted ? null : <RefitOnLayout layout={layout} />}
      {children}
    </ReactFlow>
  );
}
