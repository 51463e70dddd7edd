/** A producer feeding its topic, with how many records wait in its buffer at this frame. */
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { useLabState } from "../LabContext";
import { t } from "../messages";
import type { LabNode, ProducerNodeData } from "./layoutTopology";
import { PRODUCER_SIZE } from "./nodeMetrics";

type Props = NodeProps<Extract<LabNode, { type: "producer" }>>;

export function ProducerNode({ data }: Props) {
  const { producerId } = data as ProducerNodeData;
  const buffered = useLabState((s) => s.shown?.frame.producerBuffers[producerId]?.length ?? 0);
  return (
    <div className="producer-node" data-testid={`producer-${producerId}`} style={PRODUCER_SIZE}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" className="producer-icon">
        <path
          d="M4 12h10m-4-5 5 5-5 5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
        <circle cx="19" cy="12" r="2.5" fill="currentColor" />
      </svg>
      <div className="producer-text">
        <span className="producer-kind">{t("producerTitle")}</span>
        <span className="producer-id">{producerId}</span>
        {buffered > 0 ? (
          <span className="producer-buffered">{t("producerBuffered", { count: buffered })}</span>
        ) : null}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}
