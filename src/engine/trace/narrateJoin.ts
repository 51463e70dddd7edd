/**
 * The "why" of the steps of stateful operators: a join buffering a record, joining it, or not; a table storing an
 * update. Each line names the task whose state was used, because state is per task.
 */
import { joinRange, OUTER_JOIN_EMIT_INTERVAL_MS } from "../joins/streamStreamJoin";
import type { JoinNode, TopologyNode } from "../model";
import { formatJson, formatKey, formatRecord } from "./formatRecord";
import type { NarrationSource } from "./narrate";
import type { TraceStep } from "./traceEvent";

type Step<K extends TraceStep["kind"]> = Extract<TraceStep, { kind: K }>;

function recordText(src: NarrationSource, id: number): string {
  const r = src.record(id);
  return formatRecord(r.key, r.value as never, r.timestamp);
}

function nodeOf(src: NarrationSource, id: string): TopologyNode | undefined {
  return src.model.app.topology.find((n) => n.id === id);
}

/** "selectKey rekey" for the node that changed the key. */
export function keyChanger(src: NarrationSource, id: string): string {
  const node = nodeOf(src, id);
  return node ? `${node.op} ${id}` : id;
}

function windowText(node: JoinNode): string {
  return node.beforeMs === node.afterMs
    ? `JoinWindows ±${node.beforeMs} ms`
    : `JoinWindows ${node.beforeMs} ms before, ${node.afterMs} ms after`;
}

function joinerText(node: TopologyNode | undefined): string {
  const text = node?.expressions?.joiner;
  return text === undefined ? "the joiner" : `\`${text}\``;
}

export function narrateStored(src: NarrationSource, s: Step<"recordStored">): string {
  const r = src.record(s.record);
  const node = nodeOf(src, s.node);
  if (node?.op === "table") {
    const from = s.fromPartition ? ` from ${s.fromPartition.topic}-${s.fromPartition.partition}` : "";
    if (r.value === null) {
      return `table ${s.node} read a tombstone for key ${formatKey(r.key)}${from}: the key is deleted from task ${s.task}'s table (KTableSource).`;
    }
    const scheduling = src.schedulingNote(s.step) ?? "";
    return `table ${s.node} stored ${recordText(src, s.record)}${from}${scheduling} in task ${s.task}'s table: the latest value per key wins (KTableSource); only task ${s.task} will see it.`;
  }
  if (node?.op !== "join") return `${s.node} stored ${recordText(src, s.record)} in task ${s.task}.`;
  const side = s.store;
  const other = side === "left" ? "right" : "left";
  const range = joinRange(node, side === "left" ? 0 : 1, r.timestamp);
  const retention = node.beforeMs + node.afterMs + node.graceMs;
  const waits =
    node.type === "left" && side === "left"
      ? " If no right record joins it before its window closes, the left join emits it with right = null then."
      : "";
  return `join ${s.node} buffered ${recordText(src, s.record)} from ${s.fromNode} in task ${s.task}'s ${side} window store (KStreamJoinWindow): it joins ${other} records with key ${formatKey(r.key)} and timestamps in [${range.from}, ${range.to}] (${windowText(node)}), kept for before + after + grace = ${retention} ms.${waits}`;
}

export function narrateJoined(src: NarrationSource, s: Step<"recordJoined">): string {
  const node = nodeOf(src, s.node);
  const input = src.record(s.input);
  const out = src.record(s.record);
  const result = `${joinerText(node)} gave ${formatJson(out.value as never)}`;
  if (node?.op === "join" && s.matched !== null) {
    const other = src.record(s.matched);
    const otherSide = s.side === "left" ? "right" : "left";
    const otherFrom = node.inputs[s.side === "left" ? 1 : 0]?.node ?? otherSide;
    const diff = other.timestamp - input.timestamp;
    const rule =
      node.beforeMs === node.afterMs
        ? `|${other.timestamp}-${input.timestamp}| = ${Math.abs(diff)} ≤ ${node.beforeMs} ms (${windowText(node)})`
        : `${other.timestamp}-${input.timestamp} = ${diff} lies within the window (${windowText(node)}, seen from the ${s.side} side)`;
    return `join ${s.node}: ${s.fromNode} record ${formatKey(input.key)} at ${input.timestamp} ms joined ${otherFrom} record at ${other.timestamp} ms in task ${s.task}: ${rule}; ${result}, timestamp max(${input.timestamp}, ${other.timestamp}) = ${out.timestamp} ms.`;
  }
  if (node?.op === "join") return narrateLeftJoinNull(src, s, node, result);
  const table = node?.inputs[1]?.node ?? "the table";
  if (s.matched === null) {
    return `joinTable ${s.node}: no row with key ${formatKey(input.key)} in task ${s.task}'s table ${table}: the left join keeps the record with right = null; ${result}.`;
  }
  const row = src.record(s.matched);
  return `joinTable ${s.node}: ${recordText(src, s.input)} found key ${formatKey(input.key)} in task ${s.task}'s table ${table} (row ${formatJson(row.value as never)}, looked up when the stream record is processed: KStreamKTableJoin); ${result}.`;
}

/** A left stream–stream join's result with right = null. */
function narrateLeftJoinNull(
  src: NarrationSource,
  s: Step<"recordJoined">,
  node: JoinNode,
  result: string,
): string {
  const input = src.record(s.input);
  const ts = input.timestamp;
  const closesAt = `${ts} + after ${node.afterMs} ms + grace ${node.graceMs} ms = ${ts + node.afterMs + node.graceMs}`;
  if (s.how === "windowClosed") {
    const streamTime = src.noteOf(s.step);
    const now = streamTime === undefined ? "stream time" : `stream time ${streamTime}`;
    return `join ${s.node} (left join): no right record joined ${recordText(src, s.input)} while its window was open; in task ${s.task} ${now} has passed ${closesAt}, so it is emitted now with right = null: ${result} (KStreamKStreamJoin emits a left record without a match only once its window has closed, so it never emits a null result that a later match would contradict; it checks at most every ${OUTER_JOIN_EMIT_INTERVAL_MS} ms).`;
  }
  if (input.key === null) {
    return `join ${s.node} (left join): ${recordText(src, s.input)} has a null key and can never match, so it is emitted at once with right = null: ${result}.`;
  }
  return `join ${s.node} (left join): no right record within the window of ${recordText(src, s.input)}, and its window [.., ${ts + node.afterMs}] has already closed in task ${s.task}, so it is emitted at once with right = null: ${result}.`;
}

export function narrateUnjoined(src: NarrationSource, s: Step<"recordUnjoined">): string {
  const node = nodeOf(src, s.node);
  const r = src.record(s.record);
  switch (s.reason) {
    case "noMatch": {
      const table = node?.inputs[1]?.node ?? "the table";
      return `joinTable ${s.node}: no row with key ${formatKey(r.key)} in task ${s.task}'s table ${table}: the inner join drops ${recordText(src, s.record)} (a row on another partition belongs to another task and is never seen here).`;
    }
    case "nullKey":
      if (node?.op === "table") {
        return `table ${s.node} skipped ${recordText(src, s.record)}: a null key cannot be stored (KTableSource).`;
      }
      return `${node?.op ?? "join"} ${s.node} skipped ${recordText(src, s.record)}: a null key or value cannot be joined (the join skips it).`;
    case "expired": {
      const retention = node?.op === "join" ? node.beforeMs + node.afterMs + node.graceMs : 0;
      return `join ${s.node} dropped ${recordText(src, s.record)}: it is at least before + after + grace = ${retention} ms older than the newest record its window store in task ${s.task} has seen, so the store does not keep it, and the other side keeps no record within its window: too late to join.`;
    }
    default: {
      const unknown: never = s.reason;
      return String(unknown);
    }
  }
}
