/**
 * The physical view: the canvas with operators expanded per task, grouped by the instance that owns them at the
 * frame (`layoutPhysical.ts`). Its own module, loaded when the view is first switched to.
 */
import { useMemo } from "react";
import { ownershipKey, physicalGroups } from "../../app/physicalView";
import type { Simulation } from "../../engine";
import { useLab, useLabState } from "../LabContext";
import { Flow, logicalNodeTypes, useLogicalLayout } from "./Flow";
import { InstanceGroupNode, TaskGroupNode } from "./GroupNodes";
import { layoutPhysical } from "./layoutPhysical";
import type { TopologyLayout } from "./layoutTopology";

const physicalNodeTypes = { ...logicalNodeTypes, instance: InstanceGroupNode, task: TaskGroupNode };

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

export function PhysicalFlow({ simulation }: { simulation: Simulation }) {
  return <Flow layout={usePhysicalLayout(simulation)} nodeTypes={physicalNodeTypes} />;
}
