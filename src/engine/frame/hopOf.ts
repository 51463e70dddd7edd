/**
 * The hop a step shows on the canvas: a record moving from one node to the next and what the node did with it.
 * Steps that move no record between nodes (sends, fetches, commits, group and time steps) have none.
 */
import type { TraceStep } from "../trace/traceEvent";
import type { Hop } from "./frame";

export function hopOf(s: TraceStep): Hop | null {
  switch (s.kind) {
    case "recordProcessed":
      return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "processed" };
    case "recordFiltered":
      return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "filtered" };
    case "recordBranched":
      return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "branched" };
    case "recordUnmatched":
      return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "unmatched" };
    case "recordWritten":
      return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "written" };
    case "userFunctionFailed":
      return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "failed" };
    case "recordStored":
      return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "stored" };
    case "recordJoined":
      return { record: s.input, fromNode: s.fromNode, toNode: s.node, outcome: "joined" };
    case "recordUnjoined":
      return { record: s.record, fromNode: s.fromNode, toNode: s.node, outcome: "unjoined" };
    default:
      return null;
  }
}
