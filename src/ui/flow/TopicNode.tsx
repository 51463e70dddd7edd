/**
 * A topic as a stack of partition lanes. Each lane (`orders-0`, `orders-1`, …) shows the records its log holds at
 * this frame — offset and key, coloured by key — newest on the right, the last few when there are many.
 */
import { Handle, type NodeProps, Position } from "@xyflow/react";
import type { CSSProperties } from "react";
import type { LogEntry, Simulation } from "../../engine";
import { keyColor, keyLabel } from "../keyColor";
import { useLabActions, useLabState } from "../LabContext";
import { t } from "../messages";
import { type LabNode, laneHandle, type TopicNodeData } from "./layoutTopology";
import {
  LANE_RECORDS,
  laneCentreY,
  laneRecordsInView,
  TOPIC_HEADER,
  TOPIC_LANE,
  TOPIC_WIDTH,
  topicHeight,
} from "./nodeMetrics";

type Props = NodeProps<Extract<LabNode, { type: "topic" }>>;

const ROLE_MESSAGE = {
  input: "topicRoleInput",
  output: "topicRoleOutput",
  intermediate: "topicRoleIntermediate",
} as const;

/**
 * A record in a lane, as a button that opens it in the inspector. The selected record is outlined; other versions
 * of the same produced record (its lineage, e.g. what it became on an output topic) get a dashed outline.
 */
function RecordChip({
  simulation,
  entry,
  partition,
  isNew,
}: {
  simulation: Simulation;
  entry: LogEntry;
  partition: string;
  isNew: boolean;
}) {
  const { key, origin, reprocessed } = simulation.record(entry.record);
  const selected = useLabState((s) => s.selection?.record === entry.record);
  const related = useLabState(
    (s) => !selected && s.selection !== null && simulation.record(s.selection.record).origin === origin,
  );
  const { recordSelected } = useLabActions();
  const label = keyLabel(key);
  const color = keyColor(key);
  const className = `record-chip nodrag nopan${isNew ? " is-new" : ""}${selected ? " is-selected" : ""}${related ? " is-related" : ""}${reprocessed ? " is-reprocessed" : ""}`;
  return (
    <button
      type="button"
      className={className}
      data-testid="record"
      data-offset={entry.offset}
      // The border takes the key's colour from `--key` (flow.css): one style property to update per step.
      style={{ "--key": color } as CSSProperties}
      aria-label={`${t("recordChipLabel", { partition, offset: entry.offset, key: label })}${reprocessed ? ` ${t("reprocessedNote")}` : ""}`}
      aria-pressed={selected}
      // The tooltip (the full key, which the chip may cut) is set when the pointer comes, not on every step.
      onPointerEnter={(event) => {
        event.currentTarget.title = `${t("recordTitle", { offset: entry.offset, key: label })}${reprocessed ? ` ${t("reprocessedNote")}` : ""}`;
      }}
      onClick={() => recordSelected(selected ? null : entry.record)}
    >
      <span className="record-offset">{entry.offset}</span>
      <span className="record-key">{label}</span>
      {reprocessed ? (
        <span className="record-reprocessed" aria-hidden="true">
          ↻
        </span>
      ) : null}
    </button>
  );
}

interface LaneProps {
  simulation: Simulation;
  topic: string;
  partition: number;
  /** Log-end offset at this frame: records at offsets below it exist. */
  end: number;
  /** The offset the current step appended to this lane, if any. */
  appended: number | null;
}

/** Past this many characters (a repartition topic's, say) a lane is labelled `p<n>`: the header names the topic. */
const LONG_TOPIC_NAME = 16;

function PartitionLane({ simulation, topic, partition, end, appended }: LaneProps) {
  const log = simulation.logs[topic]?.[partition] ?? [];
  const name = `${topic}-${partition}`;
  const label = topic.length > LONG_TOPIC_NAME ? `p${partition}` : name;
  // Only the records that can be in view (the lane hides the rest): fewer elements to update on every step.
  const newest = log.slice(Math.max(0, end - LANE_RECORDS), end).reverse();
  const labels = newest.map((entry) => `${entry.offset}${keyLabel(simulation.record(entry.record).key)}`);
  const shown = newest.slice(0, laneRecordsInView(label, end, labels));
  return (
    <div
      className="lane"
      data-testid={`partition-${topic}-${partition}`}
      data-log-end={end}
      style={{ height: TOPIC_LANE }}
      title={t("partitionTitle", { partition: name, count: end })}
    >
      <span className="lane-name">{label}</span>
      <span className="lane-count">{end}</span>
      {/* Newest first, laid out right to left: records that do not fit wrap onto a hidden line, whole. */}
      <span className="lane-records">
        {shown.map((entry) => (
          <RecordChip
            // Keyed by place in the lane, so a jump updates the chips instead of replacing them; a record just
            // appended gets a fresh chip, so its arrival animates.
            key={entry.offset === appended ? `new-${entry.offset}` : end - 1 - entry.offset}
            simulation={simulation}
            entry={entry}
            partition={name}
            isNew={entry.offset === appended}
          />
        ))}
      </span>
    </div>
  );
}

function partitionIndexes(count: number): number[] {
  return Array.from({ length: count }, (_, p) => p);
}

export function TopicNode({ data }: Props) {
  const { topic, partitions, role, internal } = data as TopicNodeData;
  const simulation = useLabState((s) => s.shown?.open.simulation ?? null);
  const logEnd = useLabState((s) => s.shown?.frame.logEnd[topic]);
  // The record the current step appended here, as "partition:offset" (a string, so other steps do not re-render).
  const appendedHere = useLabState((s) => {
    const step = s.shown?.step;
    return step?.kind === "recordAppended" && step.topic === topic
      ? `${step.partition}:${step.offset}`
      : null;
  });
  if (!simulation) return null;
  const [appendedPartition, appendedOffset] = appendedHere?.split(":").map(Number) ?? [];
  return (
    <div
      className={`topic-node topic-${role}`}
      data-testid={`topic-${topic}`}
      style={{ width: TOPIC_WIDTH, height: topicHeight(partitions) }}
    >
      <Handle type="target" id="left" position={Position.Left} isConnectable={false} />
      <Handle type="target" id="top" position={Position.Top} isConnectable={false} />
      <div className="topic-head" style={{ height: TOPIC_HEADER }}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="topic-icon">
          <path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="topic-name" title={topic}>
          {topic}
        </span>
        <span className="topic-role">{t(internal ? "topicRoleRepartition" : ROLE_MESSAGE[role])}</span>
      </div>
      {partitionIndexes(partitions).map((p) => (
        <PartitionLane
          key={p}
          simulation={simulation}
          topic={topic}
          partition={p}
          end={logEnd?.[p] ?? 0}
          appended={appendedPartition === p ? appendedOffset! : null}
        />
      ))}
      <Handle type="source" position={Position.Right} isConnectable={false} />
      {/* One per lane, for the physical view's edges from a partition to the task that reads it. */}
      {partitionIndexes(partitions).map((p) => (
        <Handle
          key={p}
          type="source"
          id={laneHandle(p)}
          position={Position.Right}
          isConnectable={false}
          className="lane-handle"
          style={{ top: laneCentreY(p) }}
        />
      ))}
    </div>
  );
}
