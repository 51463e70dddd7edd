/**
 * A record's *lineage*: every step of the trace that concerns a version descending from the same produced record
 * (its *origin*) — produced, buffered, appended, fetched, processed at each operator, filtered, branched, written,
 * appended to an output topic. flatMap outputs share their input's origin, so they share its lineage.
 */
import type { RecordId } from "./traceEvent";
import { StepKind, type TraceLog } from "./traceLog";

/**
 * Whether operand `a` of a step kind is a record version (see `decodeStep`). Keyed by name, so a new kind does not
 * compile until it says.
 */
const RECORD_OPERAND: Record<keyof typeof StepKind, boolean> = {
  recordProduced: true,
  recordBuffered: true,
  recordAppended: true,
  recordFetched: true,
  recordProcessed: true,
  recordFiltered: true,
  recordBranched: true,
  recordUnmatched: true,
  recordWritten: true,
  userFunctionFailed: true,
  offsetCommitted: false,
  groupChanged: false,
  positionReset: false,
  recordRefetched: true,
  recordStored: true,
  recordJoined: true,
  recordUnjoined: true,
  recordSkipped: true,
  partitionChosen: false,
  taskIdled: false,
  streamTimeAdvanced: false,
  streamTimeRestored: false,
  watermarkAdvanced: false,
  partitionIdleChanged: false,
  windowUpdated: true,
  windowEmitted: true,
  recordLate: true,
  recordToLateSideOutput: true,
  sessionMerged: true,
  windowClosed: true,
  windowExpired: true,
  windowAggregationFailed: true,
  windowRecordSkipped: true,
  windowStoreRestored: false,
};

/** 1 at a step kind whose operand `a` is a record, by kind number. */
const HAS_RECORD = (() => {
  const table = new Uint8Array(256);
  for (const [name, kind] of Object.entries(StepKind)) {
    table[kind] = RECORD_OPERAND[name as keyof typeof StepKind] ? 1 : 0;
  }
  return table;
})();

/**
 * The origin of every record version, in one pass: a version's parent always has a smaller id, so its origin is
 * already known.
 */
export function recordOrigins(trace: TraceLog): Int32Array {
  const origins = new Int32Array(trace.versions);
  for (let id = 0; id < trace.versions; id++) {
    const parent = trace.parents[id]!;
    origins[id] = parent < 0 ? id : origins[parent]!;
  }
  return origins;
}

/** The 0-based indexes, in order, of the steps whose record has the same origin as `record`. */
export function lineageOf(trace: TraceLog, origins: Int32Array, record: RecordId): number[] {
  if (!Number.isInteger(record) || record < 0 || record >= origins.length) {
    throw new RangeError(`no record ${record}`);
  }
  const origin = origins[record]!;
  const { kinds, a } = trace;
  const steps: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    if (HAS_RECORD[kinds[i]!] === 1 && origins[a[i]!] === origin) steps.push(i);
  }
  return steps;
}
