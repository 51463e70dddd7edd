/**
 * Shows on the canvas what the user picked in the narration: fits the view to the matching nodes (every task's copy
 * in the physical view) and outlines them briefly. Lives inside React Flow, whose viewport it moves.
 */
import { useReactFlow } from "@xyflow/react";
import { useEffect, useState } from "react";
import type { NarrationEntity } from "../../app/narrationEntities";
import { useLabState } from "../LabContext";
import { flowId } from "./layoutTopology";

/** How long a focused node stays outlined. */
export const FOCUS_MS = 1600;

/** The canvas nodes an entity names, among `ids` (the nodes on the canvas now). */
export function focusTargets(entity: NarrationEntity, ids: readonly string[]): string[] {
  const wanted = new Set<string>();
  const prefixes: string[] = [];
  for (const node of entity.nodes) {
    wanted.add(flowId.node(node));
    prefixes.push(`${flowId.node(node)}@`);
  }
  if (entity.topic) wanted.add(flowId.topic(entity.topic.topic));
  if (entity.producer) wanted.add(flowId.producer(entity.producer));
  if (entity.instance) wanted.add(flowId.instance(entity.instance));
  if (entity.task) wanted.add(flowId.task(entity.task));
  return ids.filter((id) => wanted.has(id) || prefixes.some((p) => id.startsWith(p)));
}

export function FocusBridge() {
  const focus = useLabState((s) => s.focus);
  const flow = useReactFlow();
  // A request made before this canvas mounted (say, before switching views) is not repeated.
  const [mountedAt] = useState(() => focus?.seq ?? 0);
  useEffect(() => {
    if (!focus || focus.seq <= mountedAt) return;
    const targets = focusTargets(
      focus.entity,
      flow.getNodes().map((n) => n.id),
    );
    if (targets.length === 0) return;
    void flow.fitView({ nodes: targets.map((id) => ({ id })), padding: 0.4, maxZoom: 1.2, duration: 300 });
    const elements = targets
      .map((id) => document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`))
      .filter((e) => e !== null);
    for (const element of elements) element.classList.add("is-focused");
    const timer = window.setTimeout(() => {
      for (const element of elements) element.classList.remove("is-focused");
    }, FOCUS_MS);
    return () => {
      window.clearTimeout(timer);
      for (const element of elements) element.classList.remove("is-focused");
    };
  }, [focus, flow, mountedAt]);
  return null;
}
