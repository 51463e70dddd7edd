/**
 * An operator of the topology: its kind (icon and shape), its id, and the live counters of the current frame —
 * records in, forwarded out, dropped.
 */
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { useLabState } from "../LabContext";
import { t } from "../messages";
import type { LabNode, OperatorNodeData } from "./layoutTopology";
import { OPERATOR_SIZE } from "./nodeMetrics";
import { OpIcon } from "./opIcons";

type Props = NodeProps<Extract<LabNode, { type: "operator" }>>;

export function OperatorNode({ data }: Props) {
  const { nodeId, op } = data as OperatorNodeData;
  const counters = useLabState((s) => s.frame?.counters[nodeId]);
  // The node the current step's record arrived at.
  const active = useLabState((s) => {
    const path = s.flight?.path ?? [];
    for (let i = path.length - 1; i >= 0; i--) {
      const anchor = path[i]!;
      if (anchor.kind === "node") return anchor.id === nodeId;
    }
    return false;
  });
  const c = counters ?? { in: 0, out: 0, dropped: 0 };
  return (
    <div
      className={`op-node op-${op}${active ? " is-active" : ""}`}
      data-testid={`node-${nodeId}`}
      style={OPERATOR_SIZE}
      title={t("countersTitle", { in: c.in, out: c.out, dropped: c.dropped })}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="op-head">
        <OpIcon op={op} />
        <span className="op-kind">{op}</span>
      </div>
      <div className="op-id">{nodeId}</div>
      <div className="op-counters">
        <span className="counter" data-testid={`counter-in-${nodeId}`}>
          <b>{c.in}</b> {t("counterIn")}
        </span>
        <span className="counter">
          <b>{c.out}</b> {t("counterOut")}
        </span>
        {c.dropped > 0 || op === "filter" || op === "branch" || op === "joinTable" ? (
          <span className="counter counter-dropped">
            <b>{c.dropped}</b> {t("counterDropped")}
          </span>
        ) : null}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
