/**
 * The topology canvas: producers, topics (with partition lanes) and operators laid out left to right, with the
 * flight overlay on top. The graph is laid out once per simulation; stepping only changes what nodes show. While a
 * long scenario is being simulated, the canvas is empty under its progress.
 */
import "@xyflow/react/dist/style.css";
import "./flow.css";
import { Background, Controls, MiniMap, type Node, ReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import type { Simulation } from "../../engine";
import { useLabState } from "../LabContext";
import { t } from "../messages";
import { FlightOverlay } from "./FlightOverlay";
import { layoutTopology } from "./layoutTopology";
import { OperatorNode } from "./OperatorNode";
import { ProducerNode } from "./ProducerNode";
import { SimulationProgress } from "./SimulationProgress";
import { TopicNode } from "./TopicNode";

/** Module-level, so React Flow sees the same object on every render. */
const nodeTypes = { operator: OperatorNode, topic: TopicNode, producer: ProducerNode };

const FIT_VIEW_OPTIONS = { padding: 0.06, maxZoom: 1.1 };
const MINIMAP_STYLE = { width: 150, height: 96 };

function miniMapColor(node: Node): string {
  switch (node.type) {
    case "topic":
      return "#cbd5e1";
    case "producer":
      return "#fcd34d";
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

function Flow({ simulation }: { simulation: Simulation }) {
  const layout = useMemo(() => layoutTopology(simulation), [simulation]);
  return (
    <ReactFlow
      defaultNodes={layout.nodes}
      defaultEdges={layout.edges}
      nodeTypes={nodeTypes}
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
      <MiniMap pannable zoomable nodeColor={miniMapColor} nodeStrokeWidth={0} style={MINIMAP_STYLE} />
      <Controls showInteractive={false} />
      <FlightOverlay boxes={layout.boxes} />
    </ReactFlow>
  );
}

export function TopologyCanvas() {
  const simulation = useLabState((s) => s.open?.simulation ?? null);
  const loading = useLabState((s) => s.loading !== null);
  if (!simulation && !loading) return null;
  // A new simulation is a new graph: remount so React Flow fits the view to it.
  return (
    <div className={simulation ? "canvas-wrap" : "canvas-wrap canvas-pending"}>
      {simulation ? <Flow key={simulationKey(simulation)} simulation={simulation} /> : null}
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
