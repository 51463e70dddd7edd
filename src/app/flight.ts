/**
 * A *flight*: where the record of one trace step travels on the canvas, as a path of anchors (producers, topology
 * nodes, partition lanes) that the UI resolves to screen positions. It is read straight off the step — the trace
 * names every place — so the canvas never decides where a record goes.
 */
import type { RecordId, RecordKey, Simulation, TraceStep } from "../engine";
import { taskOfStep } from "./stepTask";

/** A place on the canvas a record can be at. */
export type Anchor =
  | { kind: "producer"; id: string }
  /** `task`: the task that ran the node on this record (the physical view draws it on that task's copy). */
  | { kind: "node"; id: string; task?: string }
  /** `end`: where records enter the lane (`tail`, the newest offset) or leave it towards a consumer (`head`). */
  | { kind: "partition"; topic: string; partition: number; end: "tail" | "head" };

/**
 * What the step did with the record:
 * - `moved`: it travelled along the path and arrived;
 * - `appended`: it landed in a partition log (the path's only anchor);
 * - `fetched`: a consumer polled it from a partition (the path's only anchor);
 * - `held`: a disconnected producer kept it in its buffer;
 * - `dropped`: it travelled to the last anchor and was dropped there (filtered, unmatched, failed).
 */
export type FlightOutcome = "moved" | "appended" | "fetched" | "held" | "dropped";

export interface Flight {
  /** The trace step (0-based) this flight animates. */
  step: number;
  /** The record that travels (for a node, the version it received). */
  record: RecordId;
  /** Its key while it travels. */
  key: RecordKey;
  /** The key of what the step produced (differs after `map` or `selectKey`). */
  resultKey: RecordKey;
  path: Anchor[];
  outcome: FlightOutcome;
  /** True while reprocessing a record fetched again after a failover (its output is a duplicate). */
  reprocessed: boolean;
}

/** Where each logged record sits: record id → topic-partition (undefined for a record in no log). */
export interface RecordPlaces {
  get(record: RecordId): { topic: string; partition: number } | undefined;
}

/**
 * The places of a simulation's records. Nothing is computed here: the simulation indexes its logs on the first
 * question (a typed array over the record versions), so opening a long run does not walk its logs.
 */
export function recordPlaces(simulation: Simulation): RecordPlaces {
  return { get: (record) => simulation.placeOf(record) ?? undefined };
}

/** The partition a record (or the version it was derived from) was read from, if any. */
function partitionOf(simulation: Simulation, places: RecordPlaces, record: RecordId): Anchor | null {
  let id = record;
  while (id >= 0) {
    const place = places.get(id);
    if (place) return { kind: "partition", topic: place.topic, partition: place.partition, end: "head" };
    id = simulation.record(id).parent;
  }
  return null;
}

/** Window steps after which the arriving record is gone: dropped as late, skipped, or its aggregation failed. */
const WINDOW_DROPS = new Set<TraceStep["kind"]>([
  "recordLate",
  "windowRecordSkipped",
  "windowAggregationFailed",
]);

/** The node feeding `node` in the topology (a windowed aggregation has exactly one), or null. */
function upstreamOf(simulation: Simulation, node: string): string | null {
  return simulation.graph.edges.find((e) => e.to === node)?.from ?? null;
}

/**
 * True when the record already arrived at the windowed node: an earlier output of the same input at the same node
 * while that record is being processed (its outputs, and what they cause downstream, follow one another until the
 * task picks its next record).
 */
function continuesArrival(simulation: Simulation, at: number, node: string, input: RecordId): boolean {
  for (let i = at - 1; i >= 0 && i >= at - ARRIVAL_LOOKBACK; i--) {
    const previous = simulation.step(i);
    if (previous.kind === "partitionChosen" || previous.kind === "recordFetched") return false;
    if ("input" in previous && "node" in previous && previous.node === node) return previous.input === input;
  }
  return false;
}

/** How far back `continuesArrival` looks for the record's earlier outputs. */
const ARRIVAL_LOOKBACK = 256;

/** The flight of trace step `step`, or null when the step moves no record (commits, assignments). */
export function flightOf(simulation: Simulation, places: RecordPlaces, step: TraceStep): Flight | null {
  const base = (record: RecordId, path: Anchor[], outcome: FlightOutcome, result = record): Flight => ({
    step: step.step,
    record,
    key: simulation.record(record).key,
    resultKey: simulation.record(result).key,
    path,
    outcome,
    reprocessed: simulation.record(record).reprocessed,
  });
  const task = taskOfStep(simulation, places, step);
  const nodeAnchor = (id: string): Anchor =>
    task === null ? { kind: "node", id } : { kind: "node", id, task };
  const hop = (
    record: RecordId,
    node: string,
    fromNode: string | null,
    outcome: FlightOutcome,
    result = record,
  ) => {
    const from: Anchor | null =
      fromNode === null ? partitionOf(simulation, places, record) : nodeAnchor(fromNode);
    const to = nodeAnchor(node);
    return base(record, from ? [from, to] : [to], outcome, result);
  };
  switch (step.kind) {
    case "recordProduced":
      return base(
        step.record,
        [
          { kind: "producer", id: step.producer },
          { kind: "partition", topic: step.topic, partition: step.partition, end: "tail" },
        ],
        "moved",
      );
    case "recordBuffered":
      return base(step.record, [{ kind: "producer", id: step.producer }], "held");
    case "recordAppended":
      return base(
        step.record,
        [{ kind: "partition", topic: step.topic, partition: step.partition, end: "tail" }],
        "appended",
      );
    case "recordFetched":
    case "recordRefetched":
      return base(
        step.record,
        [{ kind: "partition", topic: step.topic, partition: step.partition, end: "head" }],
        "fetched",
      );
    case "recordProcessed":
      return hop(step.input, step.node, step.fromNode, "moved", step.record);
    case "recordBranched":
      return hop(step.record, step.node, step.fromNode, "moved");
    case "recordFiltered":
    case "recordUnmatched":
    case "userFunctionFailed":
      return hop(step.record, step.node, step.fromNode, "dropped");
    case "recordWritten": {
      const flight = hop(step.record, step.node, step.fromNode, "moved");
      flight.path.push({ kind: "partition", topic: step.topic, partition: step.partition, end: "tail" });
      return flight;
    }
    case "recordStored":
      return hop(step.record, step.node, step.fromNode, "moved");
    case "recordJoined":
      return hop(step.input, step.node, step.fromNode, "moved", step.record);
    case "recordUnjoined":
      return hop(step.record, step.node, step.fromNode, "dropped");
    case "offsetCommitted":
    case "positionReset":
    case "groupChanged":
    case "recordSkipped":
    case "partitionChosen":
    case "taskIdled":
    case "streamTimeAdvanced":
    case "streamTimeRestored":
    case "watermarkAdvanced":
    case "partitionIdleChanged":
    case "windowStoreRestored":
      return null;
    case "windowUpdated":
    case "windowEmitted":
    case "recordLate":
    case "recordToLateSideOutput":
    case "sessionMerged":
    case "windowClosed":
    case "windowExpired":
    case "windowAggregationFailed":
    case "windowRecordSkipped": {
      // What a record arriving at a windowed node did there: it flies in from the node before (once — a record
      // that updates several windows arrives at its first step and stays for the others). A watermark's outputs
      // move no record.
      if (step.input === null) return null;
      const outcome = WINDOW_DROPS.has(step.kind) ? "dropped" : "moved";
      const arriving = !continuesArrival(simulation, step.step, step.node, step.input);
      return hop(step.input, step.node, arriving ? upstreamOf(simulation, step.node) : step.node, outcome);
    }
    default: {
      const unknown: never = step;
      return unknown;
    }
  }
}
