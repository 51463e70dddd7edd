/**
 * The physical view: the canvas with operators expanded per task, grouped by the instance that owns them at the
 * frame (`layoutPhysical.ts`). Its own module, loaded when the view is first switched to.
 */
import { useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useMemo, useRef } from "react";
import type { Shown } from "../../app/labState";
import { ownershipKey, type PhysicalGroup, physicalGroups } from "../../app/physicalView";
import type { Simulation } from "../../engine";
import { useLabState } from "../LabContext";
import { Flow, logicalNodeTypes, useLogicalLayout } from "./Flow";
import { InstanceGroupNode, TaskGroupNode } from "./GroupNodes";
import { layoutPhysical } from "./layoutPhysical";
import type { TopologyLayout } from "./layoutTopology";
import { boundsOf, readableViewport } from "./readableViewport";

const physicalNodeTypes = { ...logicalNodeTypes, instance: InstanceGroupNode, task: TaskGroupNode };

/** Who owns what in one run, at some frame of it. */
interface Ownership {
  simulation: Simulation;
  key: string;
  groups: PhysicalGroup[];
}

/** Each run's last ownership, so selecting it gives the same object until ownership changes. */
const lastOwnership = new WeakMap<Simulation, Ownership>();

/** The ownership at the shown frame: the same object while it stays the same (stepping within a generation). */
function ownershipOf(shown: Shown | null): Ownership | null {
  if (!shown) return null;
  const { simulation } = shown.open;
  const groups = physicalGroups(simulation, shown.frame);
  const key = ownershipKey(groups);
  const last = lastOwnership.get(simulation);
  if (last?.key === key) return last;
  const next = { simulation, key, groups };
  lastOwnership.set(simulation, next);
  return next;
}

/**
 * The physical layout of one ownership. It is recomputed only when ownership changes (a rebalance, a crash):
 * stepping within a generation keeps every node where it is, and does not even re-render the flow.
 */
function OwnedFlow({ ownership }: { ownership: Ownership }) {
  const logical = useLogicalLayout(ownership.simulation);
  const layout = useMemo(
    () => layoutPhysical(ownership.simulation, ownership.groups, logical),
    [ownership, logical],
  );
  return (
    <Flow layout={layout} nodeTypes={physicalNodeTypes} fitted>
      <ReadableFit layout={layout} />
    </Flow>
  );
}

/** Keeps the physical view at a readable zoom (`readableViewport`), on first show, new layouts and resizes. */
function ReadableFit({ layout }: { layout: TopologyLayout }) {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const shown = useRef(false);
  useEffect(() => {
    if (width === 0 || height === 0) return;
    const viewport = readableViewport(boundsOf(layout.boxes.values()), width, height);
    void flow.setViewport(viewport, shown.current ? { duration: 250 } : undefined);
    shown.current = true;
  }, [layout, width, height, flow]);
  return null;
}

export function PhysicalFlow() {
  const ownership = useLabState((s) => ownershipOf(s.shown));
  return ownership ? <OwnedFlow ownership={ownership} /> : null;
}
