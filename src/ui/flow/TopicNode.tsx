/**
 * A topic as a stack of partition lanes. Each lane (`orders-0`, `orders-1`, …) holds every record its log has at
 * this frame — offset and whole key, coloured by key — oldest on the left, newest on the right, and scrolls
 * sideways when they do not all fit; it stays scrolled to its newest record unless the user scrolls it back. A topic
 * with more partitions than `LANES_SHOWN` shows that many lanes in a list that scrolls. Only the lanes and chips in
 * view are rendered, so the DOM stays small whatever the partition and record counts.
 */
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { type CSSProperties, memo, useEffect, useLayoutEffect, useRef, type WheelEvent } from "react";
import type { LogEntry, Simulation } from "../../engine";
import { type KeyColors, keyColorsOf, keyLabel } from "../keyColor";
import { useLabActions, useLabState } from "../LabContext";
import { t } from "../messages";
import { useScrollOffset } from "../windowing/useScrollOffset";
import { fixedWindowRange, windowRange } from "../windowing/windowRange";
import { laneOffsets } from "./laneOffsets";
import { type LabNode, laneHandle, laneSlots, type TopicNodeData } from "./layoutTopology";
import {
  CHIP_GAP,
  LANES_SHOWN,
  laneCentreY,
  laneColumns,
  laneLabel,
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

/** Lanes rendered above and below the ones in view, and chips left and right of them. */
const LANE_OVERSCAN = 2;
const CHIP_OVERSCAN = 3;

/**
 * A record in a lane, as a button that opens it in the inspector. The selected record is outlined; other versions
 * of the same produced record (its lineage, e.g. what it became on an output topic) get a dashed outline.
 */
function RecordChip({
  simulation,
  colors,
  entry,
  partition,
  isNew,
  left,
  width,
}: {
  simulation: Simulation;
  colors: KeyColors;
  entry: LogEntry;
  partition: string;
  isNew: boolean;
  left: number;
  width: number;
}) {
  const { key, origin, reprocessed } = simulation.record(entry.record);
  const selected = useLabState((s) => s.selection?.record === entry.record);
  const related = useLabState(
    (s) => !selected && s.selection !== null && simulation.record(s.selection.record).origin === origin,
  );
  const { recordSelected } = useLabActions();
  const label = keyLabel(key);
  const className = `record-chip nodrag nopan${isNew ? " is-new" : ""}${selected ? " is-selected" : ""}${related ? " is-related" : ""}${reprocessed ? " is-reprocessed" : ""}`;
  return (
    <button
      type="button"
      className={className}
      data-testid="record"
      data-offset={entry.offset}
      // The border takes the key's colour from `--key` (flow.css); the chip sits at its place in the lane.
      style={{ "--key": colors.of(key), left, width } as CSSProperties}
      aria-label={`${t("recordChipLabel", { partition, offset: entry.offset, key: label })}${reprocessed ? ` ${t("reprocessedNote")}` : ""}`}
      aria-pressed={selected}
      // The tooltip is an extra (the chip shows the whole key): set when the pointer comes, not on every step.
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
  colors: KeyColors;
  topic: string;
  partition: number;
  /** Log-end offset at this frame: records at offsets below it exist. */
  end: number;
  /** The offset the current step appended to this lane, if any. */
  appended: number | null;
  /** Where the lane sits in its topic's lane list. */
  top: number;
  nameWidth: number;
  recordsWidth: number;
  /** The lane list scrolls vertically: a plain wheel over the lane scrolls the list, not the lane. */
  listScrolls: boolean;
}

const PartitionLane = memo(function PartitionLane(props: LaneProps) {
  const { simulation, colors, topic, partition, end, appended, top, nameWidth, recordsWidth } = props;
  const log = simulation.logs[topic]?.[partition] ?? [];
  const name = `${topic}-${partition}`;
  const offsets = laneOffsets(simulation, topic, partition);
  const contentWidth = offsets[end]!;
  const overflows = contentWidth > recordsWidth;
  const recordsRef = useRef<HTMLDivElement>(null);
  const [scrollLeft] = useScrollOffset(recordsRef, "x", Math.max(0, contentWidth - recordsWidth));
  // Scrolled to the newest record until the user scrolls away from it, and again once they scroll back.
  const pinned = useRef(true);
  useLayoutEffect(() => {
    const element = recordsRef.current;
    if (element && pinned.current) element.scrollLeft = element.scrollWidth;
  });
  const { start, end: last } = windowRange(
    offsets,
    end,
    scrollLeft,
    scrollLeft + recordsWidth,
    CHIP_OVERSCAN,
  );
  const chips: LogEntry[] = log.slice(start, last);
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    // Over a long lane a plain wheel scrolls it sideways (the canvas does not zoom here: `nowheel`).
    if (props.listScrolls || Math.abs(event.deltaX) > Math.abs(event.deltaY)) return;
    event.currentTarget.scrollLeft += event.deltaY;
  };
  return (
    <div
      className="lane"
      data-testid={`partition-${topic}-${partition}`}
      data-log-end={end}
      style={{ top, height: TOPIC_LANE }}
      title={t("partitionTitle", { partition: name, count: end })}
    >
      <span className="lane-name" style={{ width: nameWidth }}>
        {laneLabel(topic, partition)}
      </span>
      <span className="lane-count">{end}</span>
      <div
        ref={recordsRef}
        className={`lane-records nopan${overflows ? " nowheel is-scrollable" : ""}`}
        style={{ width: recordsWidth }}
        onScroll={(event) => {
          const element = event.currentTarget;
          pinned.current = element.scrollLeft + element.clientWidth >= element.scrollWidth - 4;
        }}
        onWheel={overflows ? onWheel : undefined}
      >
        <div className="lane-track" style={{ width: contentWidth }}>
          {chips.map((entry) => (
            <RecordChip
              // Keyed by offset, so a jump updates the chips instead of replacing them; a record just appended
              // gets a fresh chip, so its arrival animates.
              key={entry.offset === appended ? `new-${entry.offset}` : entry.offset}
              simulation={simulation}
              colors={colors}
              entry={entry}
              partition={name}
              isNew={entry.offset === appended}
              left={offsets[entry.offset]!}
              width={offsets[entry.offset + 1]! - offsets[entry.offset]! - CHIP_GAP}
            />
          ))}
        </div>
      </div>
    </div>
  );
});

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
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollTop] = useScrollOffset(listRef, "y");
  const [appendedPartition, appendedOffset] = appendedHere?.split(":").map(Number) ?? [];
  const listScrolls = partitions > LANES_SHOWN;
  const viewHeight = Math.min(partitions, LANES_SHOWN) * TOPIC_LANE;
  // A record appended to a lane out of view: the list scrolls to it, so the current record is in view.
  useEffect(() => {
    const list = listRef.current;
    if (!list || !listScrolls || appendedPartition === undefined) return;
    const laneTop = appendedPartition * TOPIC_LANE;
    if (laneTop < list.scrollTop || laneTop + TOPIC_LANE > list.scrollTop + viewHeight)
      list.scrollTop = laneTop - (viewHeight - TOPIC_LANE) / 2;
  }, [appendedPartition, listScrolls, viewHeight]);
  if (!simulation) return null;
  const colors = keyColorsOf(simulation);
  const { nameWidth, recordsWidth } = laneColumns(topic, partitions);
  const { start, end } = fixedWindowRange(
    partitions,
    TOPIC_LANE,
    scrollTop,
    scrollTop + viewHeight,
    LANE_OVERSCAN,
  );
  const lanes: number[] = [];
  for (let p = start; p < end; p++) lanes.push(p);
  return (
    <div
      className={`topic-node topic-${role}`}
      data-testid={`topic-${topic}`}
      data-partitions={partitions}
      style={{ width: TOPIC_WIDTH, height: topicHeight(partitions) }}
    >
      <Handle type="target" id="left" position={Position.Left} isConnectable={false} />
      <Handle type="target" id="top" position={Position.Top} isConnectable={false} />
      <div className="topic-head" style={{ height: TOPIC_HEADER }}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="topic-icon">
          <path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className={`topic-name${topic.length > 22 ? " is-long" : ""}`} title={topic}>
          {topic}
        </span>
        <span className="topic-role">
          {t(internal ? "topicRoleRepartition" : ROLE_MESSAGE[role])}
          {listScrolls ? ` · ${t("topicPartitions", { count: partitions })}` : null}
        </span>
      </div>
      <div
        ref={listRef}
        className={`lane-list${listScrolls ? " nowheel nopan is-scrollable" : ""}`}
        data-testid={`lanes-${topic}`}
        style={{ height: viewHeight }}
      >
        <div className="lane-list-track" style={{ height: partitions * TOPIC_LANE }}>
          {lanes.map((p) => (
            <PartitionLane
              key={p}
              simulation={simulation}
              colors={colors}
              topic={topic}
              partition={p}
              end={logEnd?.[p] ?? 0}
              appended={appendedPartition === p ? appendedOffset! : null}
              top={p * TOPIC_LANE}
              nameWidth={nameWidth}
              recordsWidth={recordsWidth}
              listScrolls={listScrolls}
            />
          ))}
        </div>
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
      {/* One per lane slot, for the physical view's edges from a partition to the task that reads it. */}
      {laneSlots(partitions).map((slot) => (
        <Handle
          key={slot}
          type="source"
          id={laneHandle(slot)}
          position={Position.Right}
          isConnectable={false}
          className="lane-handle"
          style={{ top: laneCentreY(slot) }}
        />
      ))}
    </div>
  );
}
