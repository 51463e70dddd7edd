/**
 * An operator of the topology: its kind (outline, icon and name), its id, and the live counters of the current
 * frame — records in, forwarded out, dropped, late. In the physical view it is one task's copy of the node: it shows
 * that task's counters, and is lit only when the current record is processed in that task. Clicking it (or Enter /
 * Space when it has focus) opens it in the operator inspector; the selected operator is outlined.
 */
import { Handle, type NodeProps, Position, useReactFlow } from "@xyflow/react";
import type { FocusEvent, KeyboardEvent } from "react";
import { useLabActions, useLabState } from "../LabContext";
import { t } from "../messages";
import type { LabNode, OperatorNodeData } from "./layoutTopology";
import { OPERATOR_SIZE } from "./nodeMetrics";
import { countersText, OperatorCounters } from "./OperatorCounters";
import { OpIcon } from "./opIcons";
import { OpShape, shapeOf } from "./opShapes";

type Props = NodeProps<Extract<LabNode, { type: "operator" }>>;

const NO_COUNTERS = { in: 0, out: 0, dropped: 0, late: 0 };

export function OperatorNode({ data, positionAbsoluteX, positionAbsoluteY }: Props) {
  const { nodeId, op, task } = data as OperatorNodeData;
  const counters = useLabState((s) =>
    task === undefined
      ? s.shown?.frame.counters[nodeId]
      : s.shown?.frame.tasks.find((x) => x.id === task)?.counters[nodeId],
  );
  // The node (and, in the physical view, the task) the current step's record arrived at.
  const active = useLabState((s) => {
    const path = s.shown?.flight?.path ?? [];
    for (let i = path.length - 1; i >= 0; i--) {
      const anchor = path[i]!;
      if (anchor.kind === "node") return anchor.id === nodeId && (task === undefined || anchor.task === task);
    }
    return false;
  });
  // Selected: this node, or this copy; a node selected as a whole outlines every copy of it.
  const selected = useLabState(
    (s) =>
      s.operator !== null &&
      s.operator.node === nodeId &&
      (task === undefined || s.operator.task === null || s.operator.task === task),
  );
  const exactly = useLabState(
    (s) => s.operator !== null && s.operator.node === nodeId && s.operator.task === (task ?? null),
  );
  const { operatorSelected } = useLabActions();
  const flow = useReactFlow();
  const c = counters ?? NO_COUNTERS;
  const testId = task === undefined ? nodeId : `${nodeId}@${task}`;
  const kind = op === "windowedAggregate" ? "window" : op;
  const toggle = () => operatorSelected(exactly ? null : { node: nodeId, task: task ?? null });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    // Space here presses this node, not the lab's play shortcut.
    event.preventDefault();
    event.stopPropagation();
    toggle();
  };
  // Tabbing to a node outside the viewport brings it into view (React Flow does this for its own focusable nodes).
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.matches(":focus-visible")) return;
    const pane = event.currentTarget.closest(".react-flow")?.getBoundingClientRect();
    const box = event.currentTarget.getBoundingClientRect();
    if (
      !pane ||
      (box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom)
    )
      return;
    void flow.setCenter(
      positionAbsoluteX + OPERATOR_SIZE.width / 2,
      positionAbsoluteY + OPERATOR_SIZE.height / 2,
      {
        zoom: flow.getZoom(),
        duration: 200,
      },
    );
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a canvas node holding React Flow's handles, pressed like a button
    <div
      className={`op-node op-${op} op-shape-${shapeOf(op)}${active ? " is-active" : ""}${selected ? " is-selected" : ""}`}
      data-testid={`node-${testId}`}
      data-active={active || undefined}
      style={OPERATOR_SIZE}
      role="button"
      tabIndex={0}
      aria-pressed={exactly}
      aria-label={
        task === undefined
          ? t("operatorNodeLabel", { kind, node: nodeId, counters: countersText(c) })
          : t("copyNodeLabel", { kind, node: nodeId, task, counters: countersText(c) })
      }
      title={task === undefined ? countersText(c) : t("copyTitle", { node: nodeId, task })}
      onClick={toggle}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <OpShape op={op} />
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="op-head">
        <OpIcon op={op} />
        <span className="op-kind" title={op}>
          {kind}
        </span>
      </div>
      <div className="op-id">{nodeId}</div>
      <OperatorCounters op={op} counters={c} testId={testId} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
