/**
 * An operator of the topology: its kind (outline, icon and name), its id, and the live counters of the current
 * frame — records in, forwarded out, dropped. In the physical view it is one task's copy of the node: it names its
 * task, and is lit only when the current record is processed in that task. (The frame counts per node, not per
 * task, so a copy shows no counters.)
 */
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { useLabState } from "../LabContext";
import { t } from "../messages";
import type { LabNode, OperatorNodeData } from "./layoutTopology";
import { OPERATOR_SIZE } from "./nodeMetrics";
import { OpIcon } from "./opIcons";
import { OpShape, shapeOf } from "./opShapes";

type Props = NodeProps<Extract<LabNode, { type: "operator" }>>;

/** Kinds that drop records by design: their dropped counter shows even at 0. */
const DROPPING = new Set(["filter", "branch", "joinTable", "join"]);

export function OperatorNode({ data }: Props) {
  const { nodeId, op, task } = data as OperatorNodeData;
  const counters = useLabState((s) => s.frame?.counters[nodeId]);
  // The node (and, in the physical view, the task) the current step's record arrived at.
  const active = useLabState((s) => {
    const path = s.flight?.path ?? [];
    for (let i = path.length - 1; i >= 0; i--) {
      const anchor = path[i]!;
      if (anchor.kind === "node") return anchor.id === nodeId && (task === undefined || anchor.task === task);
    }
    return false;
  });
  const c = counters ?? { in: 0, out: 0, dropped: 0 };
  const testId = task === undefined ? `node-${nodeId}` : `node-${nodeId}@${task}`;
  return (
    <div
      className={`op-node op-${op} op-shape-${shapeOf(op)}${active ? " is-active" : ""}`}
      data-testid={testId}
      data-active={active || undefined}
      style={OPERATOR_SIZE}
      title={
        task === undefined
          ? t("countersTitle", { in: c.in, out: c.out, dropped: c.dropped })
          : t("copyTitle", { node: nodeId, task })
      }
    >
      <OpShape op={op} />
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="op-head">
        <OpIcon op={op} />
        <span className="op-kind" title={op}>
          {op === "windowedAggregate" ? "window" : op}
        </span>
      </div>
      <div className="op-id">{nodeId}</div>
      {task === undefined ? (
        <div className="op-counters">
          <span className="counter" data-testid={`counter-in-${nodeId}`}>
            <b>{c.in}</b> {t("counterIn")}
          </span>
          <span className="counter" data-testid={`counter-out-${nodeId}`}>
            <b>{c.out}</b> {t("counterOut")}
          </span>
          {c.dropped > 0 || DROPPING.has(op) ? (
            <span className="counter counter-dropped" data-testid={`counter-dropped-${nodeId}`}>
              <b>{c.dropped}</b> {t("counterDropped")}
            </span>
          ) : null}
        </div>
      ) : (
        <div className="op-task">{t("taskLabel", { task })}</div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
