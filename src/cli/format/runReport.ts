/**
 * The result of `topolab run`, as data: what `--json` prints and what the text view renders.
 *
 * The field names are a published contract (docs/cli.md). They only grow: a later feature adds a field (consumer
 * group `generations`, `windows`, `late` records) beside these and never renames or retypes one, so a consumer
 * that ignores unknown fields keeps working. A change that cannot be made that way bumps `outputVersion`.
 */
import type { GroupHistory, InstanceFrame, Json, NodeCounters, RecordKey, Simulation } from "../../engine";

/** Bumped only for a change that breaks a reader of the previous version. */
export const RUN_OUTPUT_VERSION = 2;

export interface LogRecordReport {
  offset: number;
  key: RecordKey;
  value: Json;
  /** Event timestamp (ms). */
  timestamp: number;
  /** Log-append (ingestion) time (ms of the virtual wall clock). */
  appendTimeMs: number;
}

export interface TopicReport {
  name: string;
  /** Who reads and writes it: `input` (producers only), `output` (sinks only) or `intermediate` (both). */
  role: "input" | "output" | "intermediate";
  /** Present on an internal topic of the application: a repartition topic. */
  internal?: "repartition";
  partitions: { partition: number; records: LogRecordReport[] }[];
}

export interface SinkRecordReport {
  partition: number;
  offset: number;
  key: RecordKey;
  value: Json;
  timestamp: number;
  /** True when written while reprocessing after a failover: a duplicate of earlier output (at-least-once). */
  reprocessed: boolean;
}

export interface SinkReport {
  node: string;
  topic: string;
  /** In the order the sink wrote them. */
  records: SinkRecordReport[];
}

export interface TaskReport {
  id: string;
  /** The owner at the end, or null when nobody owns it. */
  instance: string | null;
  partitions: { topic: string; partition: number; position: number; committed: number; lag: number }[];
  /** Stream time at the end: the largest timestamp the task processed; null if it processed nothing. */
  streamTimeMs: number | null;
  /** Flink: the final watermark of each source and windowed operator in this task (null: none yet). */
  watermarks: Record<string, number | null>;
  /** Kafka Streams: each windowed operator's own final stream time in this task (null: none). */
  operatorStreamTimes: Record<string, number | null>;
}

/** A window result a windowed operator sent downstream. */
export interface WindowResultReport {
  task: string;
  key: RecordKey;
  start: number;
  /** Exclusive for tumbling and hopping windows; inclusive for Kafka sliding windows and sessions. */
  end: number;
  /** The aggregate; null for a tombstone (a Kafka session merged away). */
  value: Json;
  /** The result record's timestamp. */
  timestamp: number;
  /** Virtual wall-clock time it was emitted. */
  emittedAtMs: number;
  /** `update` (emit on update), `final` (emit on window close), `pane` (Flink firing), `tombstone`. */
  kind: "update" | "final" | "pane" | "tombstone";
  /** True when emitted while reprocessing after a failover (a repeat of earlier output). */
  reprocessed: boolean;
}

/** A record a window refused: too late for it. */
export interface LateRecordReport {
  task: string;
  key: RecordKey;
  value: Json;
  timestamp: number;
  /** The window it was too late for. */
  window: { start: number; end: number };
  /** `dropped`, or sent to the late side output. */
  outcome: "dropped" | "sideOutput";
  /** The comparison that decided it. */
  rule: string;
  /** Virtual wall-clock time it was processed. */
  atMs: number;
}

export interface WindowedOperatorReport {
  node: string;
  results: WindowResultReport[];
  late: LateRecordReport[];
}

export interface RunReport {
  outputVersion: number;
  scenario: { title: string; seed: number };
  /** Trace events recorded; `trace --to` accepts up to this. */
  steps: number;
  /** Virtual wall-clock time of the last step. */
  endTimeMs: number;
  /** Stable digest of the whole trace: equal digests mean identical runs. */
  digest: string;
  topics: TopicReport[];
  sinks: SinkReport[];
  tasks: TaskReport[];
  /** Every instance at the end: running or not, its member id and tasks. */
  instances: InstanceFrame[];
  /** Generations (members, tasks, revoked, assigned, reason) and instance crashes, stops and restarts. */
  group: GroupHistory;
  /** Per node id, in topological order (late records are in `windows`). */
  counters: Record<string, Pick<NodeCounters, "in" | "out" | "dropped">>;
  /** Per windowed operator: every result it emitted and every late record, in trace order. */
  windows: WindowedOperatorReport[];
}

function windowReports(sim: Simulation): WindowedOperatorReport[] {
  const reports = new Map<string, WindowedOperatorReport>();
  for (const node of sim.model.app.topology) {
    if (node.op === "windowedAggregate") reports.set(node.id, { node: node.id, results: [], late: [] });
  }
  if (reports.size === 0) return [];
  for (let i = 0; i < sim.stepCount; i++) {
    const step = sim.step(i);
    switch (step.kind) {
      case "windowUpdated":
      case "windowEmitted":
      case "sessionMerged": {
        // Forwarded: the step's record is the result's own new version.
        const o = step.output;
        if (step.record === null || step.record === step.input) break;
        if (o.kind !== "updated" && o.kind !== "emitted" && o.kind !== "sessionMerged") break;
        const result = sim.record(step.record);
        reports.get(step.node)!.results.push({
          task: step.task,
          key: result.key,
          start: o.window.start,
          end: o.window.end,
          value: o.kind === "sessionMerged" ? null : o.value,
          timestamp: result.timestamp,
          emittedAtMs: step.timeMs,
          kind:
            o.kind === "sessionMerged"
              ? "tombstone"
              : o.kind === "updated"
                ? "update"
                : o.trigger === "windowClose"
                  ? "final"
                  : "pane",
          reprocessed: result.reprocessed,
        });
        break;
      }
      case "recordLate":
      case "recordToLateSideOutput": {
        const o = step.output;
        if (o.kind !== "late" && o.kind !== "lateSideOutput") break;
        reports.get(step.node)!.late.push({
          task: step.task,
          key: o.record.key,
          value: o.record.value,
          timestamp: o.record.timestamp,
          window: { start: o.window.start, end: o.window.end },
          outcome: o.kind === "late" ? "dropped" : "sideOutput",
          rule: o.reason,
          atMs: step.timeMs,
        });
        break;
      }
      default:
        break;
    }
  }
  return [...reports.values()];
}

function sinkReports(sim: Simulation): SinkReport[] {
  const sinks = new Map<string, SinkReport>();
  for (const node of sim.model.app.topology) {
    if (node.op === "sink") sinks.set(node.id, { node: node.id, topic: node.topic, records: [] });
  }
  // Where each record version sits in its sink's topic: record id → offset, per topic.
  const offsets = new Map<string, Map<number, number>>();
  const offsetIn = (topic: string, partition: number, record: number): number => {
    let byRecord = offsets.get(topic);
    if (byRecord === undefined) {
      byRecord = new Map();
      for (const log of sim.logs[topic] ?? [])
        for (const entry of log) byRecord.set(entry.record, entry.offset);
      offsets.set(topic, byRecord);
    }
    const offset = byRecord.get(record);
    if (offset === undefined)
      throw new Error(`record ${record} written to ${topic}-${partition} is not in its log`);
    return offset;
  };
  for (let i = 0; i < sim.stepCount; i++) {
    const step = sim.step(i);
    if (step.kind !== "recordWritten") continue;
    const record = sim.record(step.record);
    sinks.get(step.node)?.records.push({
      partition: step.partition,
      offset: offsetIn(step.topic, step.partition, step.record),
      key: record.key,
      value: record.value,
      timestamp: record.timestamp,
      reprocessed: record.reprocessed,
    });
  }
  return [...sinks.values()];
}

export function runReport(sim: Simulation): RunReport {
  const end = sim.frameAt(sim.stepCount);
  return {
    outputVersion: RUN_OUTPUT_VERSION,
    scenario: { title: sim.model.title, seed: sim.model.seed },
    steps: sim.stepCount,
    endTimeMs: end.timeMs,
    digest: sim.digest(),
    topics: sim.graph.topics.map((topic) => ({
      name: topic.name,
      role: topic.role,
      ...(topic.internal ? { internal: "repartition" as const } : {}),
      partitions: (sim.logs[topic.name] ?? []).map((log, partition) => ({
        partition,
        records: log.map((entry) => {
          const record = sim.record(entry.record);
          return {
            offset: entry.offset,
            key: record.key,
            value: record.value,
            timestamp: record.timestamp,
            appendTimeMs: entry.appendTimeMs,
          };
        }),
      })),
    })),
    sinks: sinkReports(sim),
    tasks: end.tasks.map((task) => ({
      id: task.id,
      instance: task.instance,
      partitions: task.partitions.map((p) => ({
        topic: p.topic,
        partition: p.partition,
        position: p.position,
        committed: p.committed,
        lag: p.logEnd - p.committed,
      })),
      streamTimeMs: task.streamTimeMs,
      watermarks: task.watermarks,
      operatorStreamTimes: task.operatorStreamTimes,
    })),
    instances: end.instances,
    group: sim.groupHistory(),
    counters: Object.fromEntries(
      Object.entries(end.counters).map(([node, c]) => [node, { in: c.in, out: c.out, dropped: c.dropped }]),
    ),
    windows: windowReports(sim),
  };
}
