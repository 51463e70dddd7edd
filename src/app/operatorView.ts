/**
 * What the operator inspector shows for a selected operator at a frame, read straight off the frame and the
 * scenario: its kind and configuration as the user wrote it, its counters (the node's total and each task's copy),
 * and per task the operator's time — its own observed stream time under Kafka Streams (each windowed processor
 * keeps one), its watermark under Flink — the windows it holds, and, for a source, the records fetched but not yet
 * processed on each of its partitions. Nothing here decides anything: the engine already did.
 */
import type { Frame, NodeCounters, OperatorKind, RecordId, Simulation, WindowFrame } from "../engine";
import type { Scenario } from "../scenario";
import type { OperatorSelection } from "./operatorSelection";

/** One setting of the operator as the scenario writes it: a field name and its value as text. */
export interface OperatorSetting {
  name: string;
  value: string;
}

export interface OperatorTaskView {
  task: string;
  /** The instance that owns the task now, or null. */
  instance: string | null;
  counters: NodeCounters;
  /** The operator's stream time or watermark in this task (null before the first); undefined if it keeps none. */
  timeMs: number | null | undefined;
  /** The windows the operator holds in this task, in the order they appeared. */
  windows: WindowFrame[];
  /** A source: per partition it reads in this task (`topic-p`), the records fetched and waiting to be processed. */
  buffered: { partition: string; records: { record: RecordId; offset: number }[] }[];
}

export interface OperatorView {
  node: string;
  /** The task whose copy is shown, or null for the node across its tasks. */
  task: string | null;
  op: OperatorKind;
  /** The scenario's fields for the node (but its id and kind), or, for a node the topology added, what it does. */
  settings: OperatorSetting[];
  /** True for a node the scenario does not declare (a repartition's writer and reader before a join or window). */
  generated: boolean;
  /** The node's counters summed over its tasks, or the copy's. */
  counters: NodeCounters;
  windowed: boolean;
  /** Which time the operator keeps per task: Kafka Streams' stream time, Flink's watermark, or none. */
  time: "streamTime" | "watermark" | null;
  /** The tasks shown: every task running the node, or the selected copy's. */
  tasks: OperatorTaskView[];
}

/** A setting's value as one line: text as written (expressions), anything else as compact JSON. */
function settingText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The view of `selection` at `frame`, or null when the node is not in the simulation's topology. */
export function operatorView(
  simulation: Simulation,
  scenario: Scenario,
  frame: Frame,
  selection: OperatorSelection,
): OperatorView | null {
  const graphNode = simulation.graph.nodes.find((n) => n.id === selection.node);
  const modelNode = simulation.model.app.topology.find((n) => n.id === selection.node);
  if (!graphNode || !modelNode) return null;
  const declared = scenario.app.topology.find((n) => n.id === selection.node) as
    | Record<string, unknown>
    | undefined;
  let settings: OperatorSetting[];
  if (declared) {
    settings = Object.entries(declared)
      .filter(([name, value]) => name !== "id" && name !== "op" && value !== undefined)
      .map(([name, value]) => ({ name, value: settingText(value) }));
  } else if (modelNode.op === "source") {
    settings = [{ name: "topics", value: settingText(modelNode.topics) }];
  } else if (modelNode.op === "repartition" || modelNode.op === "sink") {
    settings = [{ name: "topic", value: modelNode.topic }];
  } else settings = [];

  const flink = (simulation.model.app.time?.semantics ?? "kafka-streams") === "flink";
  const windowed = graphNode.op === "windowedAggregate";
  const keepsWatermark = flink && (windowed || graphNode.op === "source");
  const time = keepsWatermark ? "watermark" : windowed ? "streamTime" : null;
  const sourceTopics = modelNode.op === "source" ? new Set(modelNode.topics) : null;

  const tasks: OperatorTaskView[] = [];
  for (const task of frame.tasks) {
    const counters = task.counters[selection.node];
    if (counters === undefined || (selection.task !== null && task.id !== selection.task)) continue;
    const timeMs =
      time === "watermark"
        ? task.watermarks[selection.node]
        : time === "streamTime"
          ? task.operatorStreamTimes[selection.node]
          : undefined;
    const buffered = sourceTopics
      ? task.partitions
          .filter((p) => sourceTopics.has(p.topic))
          .map((p) => {
            const partition = `${p.topic}-${p.partition}`;
            // Buffered in fetch order from the next offset to process.
            const records = (task.buffered[partition] ?? []).map((record, i) => ({
              record,
              offset: p.processed + i,
            }));
            return { partition, records };
          })
      : [];
    tasks.push({
      task: task.id,
      instance: task.instance,
      counters,
      timeMs,
      windows: frame.windows.filter((w) => w.node === selection.node && w.task === task.id),
      buffered,
    });
  }
  const total = frame.counters[selection.node] ?? { in: 0, out: 0, dropped: 0, late: 0 };
  return {
    node: selection.node,
    task: selection.task,
    op: graphNode.op,
    settings,
    generated: !declared,
    counters: selection.task === null ? total : (tasks[0]?.counters ?? total),
    windowed,
    time,
    tasks,
  };
}
