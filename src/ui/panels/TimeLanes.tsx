/**
 * Time at a glance, beside the canvas: per task, each source partition as a lane of record chips in offset order —
 * coloured by key as on the canvas; processed ones faded, fetched-and-waiting ones solid, the head record ringed,
 * records not fetched yet dashed — with the timestamp the task's extractor gives each under it, the partition time
 * (Kafka Streams) or the partition's watermark (Flink); the task's stream time, or each input channel's watermark and
 * the operator's minimum; and which record the scheduler takes next and why. A chip opens its record in the
 * inspector. The view model is `timeLanes` (app layer); this file only renders it.
 */
import "./timeLanes.css";
import { type CSSProperties, useMemo } from "react";
import {
  type LaneRecord,
  type NextPick,
  type TaskClock,
  type TaskTimeView,
  type TimeLane,
  timeLanes,
} from "../../app/timeLanes";
import type { Frame, Simulation } from "../../engine";
import { keyLabel } from "../keyColor";
import { useLabActions, useLabState } from "../LabContext";
import { type MessageId, t } from "../messages";
import { useKeyColors } from "../useKeyColors";
import { WindowedList } from "../windowing/WindowedList";

function timeText(timeMs: number | null): string {
  return timeMs === null ? t("timeUnknown") : t("timeMs", { time: timeMs });
}

function stampText(record: LaneRecord): string {
  if (record.skipReason !== null) return "✕";
  return record.timestampMs === null ? "—" : String(record.timestampMs);
}

function statusText(record: LaneRecord): string {
  const status =
    record.status === "processed"
      ? t("timeStatusProcessed")
      : record.status === "skipped"
        ? t("timeStatusSkipped", { reason: record.skipReason ?? "" })
        : record.status === "buffered"
          ? t("timeStatusBuffered")
          : t("timeStatusUnfetched");
  return [status, record.head ? t("timeStatusHead") : null, record.next ? t("timeStatusNext") : null]
    .filter((s) => s !== null)
    .join(", ");
}

function RecordChip({ record, partition }: { record: LaneRecord; partition: string }) {
  const selected = useLabState((s) => s.selection?.record === record.record);
  const { recordSelected } = useLabActions();
  const colors = useKeyColors();
  const label = keyLabel(record.key);
  const stamp =
    record.timestampMs === null && record.skipReason === null ? t("timeStampPending") : stampText(record);
  const className = [
    "time-chip",
    `is-${record.status}`,
    record.head ? "is-head" : "",
    record.next ? "is-next" : "",
    selected ? "is-selected" : "",
  ]
    .filter((c) => c !== "")
    .join(" ");
  return (
    <li className="time-record" data-offset={record.offset}>
      <span className="time-next-mark" aria-hidden="true">
        {record.next ? "▾" : ""}
      </span>
      <button
        type="button"
        className={className}
        style={{ "--key": colors.of(record.key) } as CSSProperties}
        data-testid="time-chip"
        aria-label={t("timeChipLabel", {
          partition,
          offset: record.offset,
          key: label,
          time: stamp,
          status: statusText(record),
        })}
        title={`${t("recordTitle", { offset: record.offset, key: label })} · ts ${stamp} · ${statusText(record)}`}
        aria-pressed={selected}
        onClick={() => recordSelected(selected ? null : record.record)}
      >
        {record.offset}
      </button>
      <span className="time-stamp" aria-hidden="true">
        {stampText(record)}
      </span>
    </li>
  );
}

function Lane({ lane, semantics }: { lane: TimeLane; semantics: "kafka-streams" | "flink" }) {
  return (
    <div className="time-lane" data-testid={`time-lane-${lane.name}`}>
      <div className="time-lane-head">
        <span className="time-lane-name">{lane.name}</span>
        {semantics === "kafka-streams" ? (
          <span
            className="time-marker"
            data-testid={`partition-time-${lane.name}`}
            title={t("timePartitionTimeHelp")}
          >
            {t("timePartitionTime", { time: timeText(lane.partitionTimeMs) })}
          </span>
        ) : (
          <span className="time-marker" data-testid={`lane-watermark-${lane.name}`}>
            {t("timeLaneWatermark", { time: timeText(lane.watermarkMs) })}
            {lane.idle ? <span className="time-idle"> · {t("timeLaneIdle")}</span> : null}
          </span>
        )}
      </div>
      <ol className="time-records" aria-label={t("timeRecordsLabel", { partition: lane.name })}>
        {lane.records.map((r) => (
          <RecordChip key={r.offset} record={r} partition={lane.name} />
        ))}
      </ol>
      {lane.earlier > 0 || lane.later > 0 ? (
        <p className="time-more">
          {lane.earlier > 0 ? t("timeLaneEarlier", { count: lane.earlier }) : null}
          {lane.earlier > 0 && lane.later > 0 ? " · " : null}
          {lane.later > 0 ? t("timeLaneLater", { count: lane.later }) : null}
        </p>
      ) : null}
    </div>
  );
}

/** The keys of the records shown, each in its colour: what the chips' colours mean. */
function KeysShown({ lanes }: { lanes: readonly TimeLane[] }) {
  const colors = useKeyColors();
  const keys = [...new Map(lanes.flatMap((l) => l.records.map((r) => [keyLabel(r.key), r.key] as const)))];
  if (keys.length === 0) return null;
  return (
    <p className="time-keys">
      <span className="muted">{t("timeKeysLabel")}</span>
      {keys.map(([label, key]) => (
        <span key={label} className="key-dot" style={{ background: colors.of(key) }}>
          {label}
        </span>
      ))}
    </p>
  );
}

function Clock({ clock, task }: { clock: TaskClock; task: string }) {
  if (clock.semantics === "kafka-streams") {
    return (
      <p className="time-clock" data-testid={`stream-time-${task}`}>
        <strong>{t("streamTime", { time: timeText(clock.streamTimeMs) })}</strong>
        {clock.operators.map((o) => (
          <span key={o.node} className="muted">
            {" "}
            · {t("operatorStreamTime", { node: o.node, time: timeText(o.streamTimeMs) })}
          </span>
        ))}
      </p>
    );
  }
  return (
    <div className="time-clock" data-testid={`watermarks-${task}`}>
      <ul className="time-channels" aria-label={t("timeChannelsLabel")}>
        {clock.channels.map((c) => (
          <li key={c.name} className={c.idle ? "is-idle" : ""} data-testid={`channel-${c.name}`}>
            <span className="time-lane-name">{c.name}</span>{" "}
            {t("timeLaneWatermark", { time: timeText(c.watermarkMs) })}
            {c.idle ? <span className="time-idle"> · {t("timeLaneIdle")}</span> : null}
            {c.own ? null : <span className="muted"> · {t("timeChannelShuffled")}</span>}
          </li>
        ))}
      </ul>
      {clock.minimum === null ? null : (
        <p className="time-minimum" data-testid={`watermark-minimum-${task}`}>
          <strong>
            {t("timeWatermarkMinimum", {
              node: clock.minimum.node,
              time: timeText(clock.minimum.watermarkMs),
            })}
          </strong>
        </p>
      )}
    </div>
  );
}

const RULE_REASON = {
  timestamp: "timeReasonTimestamp",
  arrival: "timeReasonArrival",
  "round-robin": "timeReasonRoundRobin",
  custom: "timeReasonCustom",
} as const satisfies Record<string, MessageId>;

const RULE_RANK = {
  timestamp: "timeRankTimestamp",
  arrival: "timeRankArrival",
  "round-robin": "timeRankRoundRobin",
  custom: "timeRankCustom",
} as const satisfies Record<string, MessageId>;

/** The "Next: …" line and, for a choice, what was compared and what the empty partitions did. */
export function nextPickLines(next: NextPick): { line: string; details: string[] } {
  switch (next.kind) {
    case "notConsumed":
      return { line: t("timeNextNotConsumed"), details: [] };
    case "nothingBuffered":
      return { line: t("timeNextNothingBuffered"), details: [] };
    case "fetching":
      return { line: t("timeNextFetching", { partitions: next.partitions.join(", ") }), details: [] };
    case "onlyPartition":
      return {
        line: t("timeNextOnly", {
          partition: next.partition,
          offset: next.offset,
          time: next.timestampMs ?? "—",
        }),
        details: [],
      };
    case "waiting": {
      const line =
        next.partition !== null && next.untilMs !== null
          ? t("timeNextWaitingIdle", {
              partition: next.partition,
              idle: next.maxTaskIdleMs,
              until: next.untilMs,
            })
          : next.partition !== null
            ? t("timeNextWaitingFetch", { partition: next.partition })
            : t("timeNextWaiting");
      return {
        line,
        details: next.resumesAtMs === null ? [] : [t("timeNextResumes", { time: next.resumesAtMs })],
      };
    }
    case "chosen": {
      let reason = t(RULE_REASON[next.rule], { expression: next.source ?? "" });
      if (next.tie) reason = `${reason}; ${t("timeReasonTie")}`;
      const details = [
        `${t("timeComparedLabel")}: ${next.candidates
          .map((c) =>
            t(RULE_RANK[next.rule], {
              partition: c.partition,
              rank: c.rank === Number.POSITIVE_INFINITY ? "∞" : c.rank,
            }),
          )
          .join(" · ")}`,
      ];
      if (next.empty.length > 0) {
        const partitions = next.empty.join(", ");
        details.push(
          next.maxTaskIdleMs < 0
            ? t("timeEmptyNeverWait", { partitions })
            : next.enforced && next.maxTaskIdleMs > 0
              ? t("timeEmptyEnforced", { partitions, idle: next.maxTaskIdleMs })
              : t("timeEmptyNoWait", { partitions }),
        );
      }
      return {
        line: t("timeNextChosen", {
          partition: next.partition,
          offset: next.offset,
          time: next.timestampMs ?? "—",
          reason,
        }),
        details,
      };
    }
    default: {
      const unknown: never = next;
      return { line: String(unknown), details: [] };
    }
  }
}

function TaskLanes({ task, semantics }: { task: TaskTimeView; semantics: "kafka-streams" | "flink" }) {
  const next = nextPickLines(task.next);
  return (
    <article
      className={`time-task${task.consumed ? "" : " is-unconsumed"}`}
      data-testid={`time-task-${task.id}`}
    >
      <h3>
        {t("timeTask", { task: task.id })}{" "}
        <span className="muted">
          {task.instance === null
            ? t("taskUnowned")
            : task.consumed
              ? t("taskOwner", { instance: task.instance })
              : t("taskOwnerStopped", { instance: task.instance })}
        </span>
      </h3>
      <Clock clock={task.clock} task={task.id} />
      {task.lanes.map((lane) => (
        <Lane key={lane.name} lane={lane} semantics={semantics} />
      ))}
      <KeysShown lanes={task.lanes} />
      <div className="time-next" data-testid={`next-pick-${task.id}`}>
        <p>{next.line}</p>
        {next.details.map((d) => (
          <p key={d} className="muted">
            {d}
          </p>
        ))}
      </div>
    </article>
  );
}

const taskKey = (task: TaskTimeView) => task.id;
/** A task's height before it is measured: its heading, clock and next-pick lines, and a lane per partition. */
const taskHeight = (task: TaskTimeView) => 150 + 70 * task.lanes.length;

function Legend() {
  const items: { status: string; label: MessageId }[] = [
    { status: "is-processed", label: "timeLegendProcessed" },
    { status: "is-buffered", label: "timeLegendBuffered" },
    { status: "is-buffered is-head", label: "timeLegendHead" },
    { status: "is-unfetched", label: "timeLegendUnfetched" },
  ];
  return (
    <ul className="time-legend" aria-label={t("timeLegendLabel")}>
      {items.map((item) => (
        <li key={item.label}>
          <span className={`time-chip time-swatch ${item.status}`} aria-hidden="true" />
          {t(item.label)}
        </li>
      ))}
      <li>
        <span className="time-next-mark" aria-hidden="true">
          ▾
        </span>
        {t("timeLegendNext")}
      </li>
    </ul>
  );
}

export function TimeLanes({ simulation, frame }: { simulation: Simulation; frame: Frame }) {
  const view = useMemo(() => timeLanes(simulation, frame), [simulation, frame]);
  return (
    <section aria-labelledby="time-lanes-title" data-testid="time-lanes" className="time-lanes">
      <h2 id="time-lanes-title">{t("timeLanesTitle")}</h2>
      <Legend />
      {/* A scenario may have hundreds of tasks: only those in view are rendered. */}
      <WindowedList
        items={view.tasks}
        itemKey={taskKey}
        estimateHeight={taskHeight}
        testId="time-task-list"
        renderItem={(task) => <TaskLanes task={task} semantics={view.semantics} />}
      />
    </section>
  );
}
