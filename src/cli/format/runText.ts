/**
 * The human view of a {@link RunReport}: every topic's partitions, what each sink wrote, where each task stopped
 * and how many records each node saw. Keys and values print the way the narration prints them.
 */
import { formatJson, formatKey, type Json } from "../../engine";
import type { RunReport } from "./runReport";
import { formatTable } from "./table";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function topicsText(report: RunReport): string {
  let text = "";
  for (const topic of report.topics) {
    const total = topic.partitions.reduce((sum, p) => sum + p.records.length, 0);
    text += `\nTopic ${topic.name} (${topic.internal ? "repartition topic, " : ""}${topic.role}, ${plural(topic.partitions.length, "partition")}, ${plural(total, "record")})\n`;
    for (const { partition, records } of topic.partitions) {
      if (records.length === 0) {
        text += `  ${topic.name}-${partition}: empty\n`;
        continue;
      }
      text += `  ${topic.name}-${partition}\n`;
      const rows = records.map((r) => [
        String(r.offset),
        formatKey(r.key),
        formatJson(r.value),
        String(r.timestamp),
        String(r.appendTimeMs),
      ]);
      text += formatTable(["offset", "key", "value", "timestamp", "appended"], rows, "    ");
    }
  }
  return text;
}

function sinksText(report: RunReport): string {
  if (report.sinks.length === 0) return "";
  let text = "\nSinks\n";
  for (const sink of report.sinks) {
    text += `  ${sink.node} → ${sink.topic}: wrote ${plural(sink.records.length, "record")}\n`;
    if (sink.records.length === 0) continue;
    const rows = sink.records.map((r) => [
      `${sink.topic}-${r.partition}`,
      String(r.offset),
      formatKey(r.key),
      formatJson(r.value),
      String(r.timestamp),
      r.reprocessed ? "reprocessed (duplicate)" : "",
    ]);
    text += formatTable(["partition", "offset", "key", "value", "timestamp", ""], rows, "    ");
  }
  return text;
}

const LIFECYCLE: Record<RunReport["group"]["lifecycle"][number]["kind"], string> = {
  joined: "joined",
  crashed: "crashed",
  left: "shut down",
  restarted: "restarted",
  sessionExpired: "session expired",
};

function groupText(report: RunReport): string {
  const { generations, lifecycle } = report.group;
  if (generations.length === 0 && lifecycle.every((l) => l.atMs === 0)) return "";
  const rows = generations.map((g) => [
    String(g.generation),
    `${g.atMs} ms`,
    g.triggeredBy === null ? g.reason : `${g.reason} (${g.triggeredBy})`,
    g.members.map((m) => `${m.memberId}: ${m.tasks.join(" ") || "-"}`).join("; "),
  ]);
  const events = lifecycle
    .filter((l) => !(l.kind === "joined" && l.atMs === 0))
    .map(
      (l) =>
        `  ${l.atMs} ms: ${l.instance} ${LIFECYCLE[l.kind]}${l.memberId === l.instance ? "" : ` (member ${l.memberId})`}\n`,
    )
    .join("");
  const table = rows.length === 0 ? "" : formatTable(["generation", "at", "why", "tasks"], rows, "  ");
  return `\nGroup (${report.group.mode === "static" ? "static assignment" : `${generations.length} generations`})\n${events}${table}`;
}

function tasksText(report: RunReport): string {
  if (report.tasks.length === 0) return "";
  const rows = report.tasks.flatMap((task) =>
    task.partitions.map((p) => [
      task.id,
      task.instance ?? "-",
      `${p.topic}-${p.partition}`,
      String(p.position),
      String(p.committed),
    ]),
  );
  return `\nTasks\n${formatTable(["task", "instance", "partition", "position", "committed"], rows, "  ")}`;
}

function countersText(report: RunReport): string {
  const rows = Object.entries(report.counters).map(([node, c]) => [
    node,
    String(c.in),
    String(c.out),
    String(c.dropped),
  ]);
  if (rows.length === 0) return "";
  return `\nNodes\n${formatTable(["node", "in", "out", "dropped"], rows, "  ")}`;
}

function windowsText(report: RunReport): string {
  let text = "";
  for (const op of report.windows) {
    text += `\nWindows of ${op.node}: ${plural(op.results.length, "result")}, ${plural(op.late.length, "late record")}\n`;
    const rows = op.results.map((r) => [
      r.task,
      formatJsonCell(r.key),
      `[${r.start}, ${r.end})`,
      formatJsonCell(r.value),
      r.kind,
      String(r.emittedAtMs),
    ]);
    if (rows.length > 0) text += formatTable(["task", "key", "window", "value", "kind", "at"], rows, "  ");
    for (const late of op.late) {
      text += `  late ${formatJsonCell(late.key)} ts=${late.timestamp} (${late.outcome}): ${late.rule}\n`;
    }
  }
  return text;
}

/** A key or window value in the windows table: its JSON, cut past 120 characters (`--json` gives it whole). */
function formatJsonCell(value: unknown): string {
  return formatJson(value as Json, 120);
}

export function runText(report: RunReport): string {
  const header =
    `${report.scenario.title}\n` +
    `seed ${report.scenario.seed}, ${plural(report.steps, "step")}, ended at ${report.endTimeMs} ms, digest ${report.digest}\n`;
  return (
    header +
    topicsText(report) +
    sinksText(report) +
    groupText(report) +
    tasksText(report) +
    windowsText(report) +
    countersText(report)
  );
}
