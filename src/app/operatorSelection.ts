/**
 * The operator the user inspects: a node of the topology (the logical view) or one task's copy of it (the physical
 * view, where Kafka Streams' `StreamTask` runs its own copy of each processor of its sub-topology). A share link
 * names it as `n=<node id>` or `n=<node id>@<task id>`. A link is untrusted: a reference is resolved against the
 * simulation, and one that is malformed, names no node, or names a task that does not run the node is refused with
 * the reason, so the page can say what is wrong instead of selecting nothing in silence.
 */
import type { Simulation } from "../engine";

export interface OperatorSelection {
  /** The topology node's id. */
  node: string;
  /** The task whose copy is inspected (`<subtopology>_<partition>`), or null for the node across every task. */
  task: string | null;
}

/** Why a reference selects nothing. */
export type OperatorRefProblem =
  | { kind: "malformed"; ref: string }
  | { kind: "unknownNode"; node: string }
  | { kind: "unknownTask"; node: string; task: string };

export type OperatorResolution =
  | { ok: true; selection: OperatorSelection }
  | { ok: false; problem: OperatorRefProblem };

/** A node id (the scenario's id rule) and an optional `@<subtopology>_<partition>`. */
const OPERATOR_REF = /^([A-Za-z_][A-Za-z0-9_-]{0,63})(?:@(\d{1,4}_\d{1,6}))?$/;

/** The longest reference quoted back in a problem; the rest of a hostile value is cut. */
const QUOTE_LIMIT = 80;

/** `node` or `node@task`, as a link writes it. */
export function formatOperatorRef(selection: OperatorSelection): string {
  return selection.task === null ? selection.node : `${selection.node}@${selection.task}`;
}

/** Resolves a reference (from a link, or from the canvas) against the simulation's topology and tasks. */
export function resolveOperatorRef(simulation: Simulation, ref: string): OperatorResolution {
  const match = OPERATOR_REF.exec(ref);
  if (!match) {
    const quoted = ref.length > QUOTE_LIMIT ? `${ref.slice(0, QUOTE_LIMIT)}…` : ref;
    return { ok: false, problem: { kind: "malformed", ref: quoted } };
  }
  return resolveOperator(simulation, { node: match[1]!, task: match[2] ?? null });
}

/** Checks that the node exists and, for a copy, that the task runs the node's sub-topology. */
export function resolveOperator(simulation: Simulation, selection: OperatorSelection): OperatorResolution {
  const { graph } = simulation;
  const node = graph.nodes.find((n) => n.id === selection.node);
  if (!node) return { ok: false, problem: { kind: "unknownNode", node: selection.node } };
  if (selection.task === null) return { ok: true, selection: { node: node.id, task: null } };
  const task = graph.tasks.find((t) => t.id === selection.task);
  if (!task || task.subtopology !== node.subtopology) {
    return { ok: false, problem: { kind: "unknownTask", node: node.id, task: selection.task } };
  }
  return { ok: true, selection: { node: node.id, task: task.id } };
}

export function sameOperator(a: OperatorSelection | null, b: OperatorSelection | null): boolean {
  return a === b || (a !== null && b !== null && a.node === b.node && a.task === b.task);
}
