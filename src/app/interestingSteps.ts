/**
 * "Interesting" steps for the step debugger's jumps: where a record was dropped, written by a sink, buffered by a
 * disconnected producer, where an offset was committed, where the group rebalanced, where an instance crashed,
 * stopped or restarted, and where records were processed again — and the steps touching a chosen record key. Used by
 * the jumps and the breakpoints. Pure functions over the trace.
 */
import { formatKey, type RecordId, type Simulation, type TraceStep } from "../engine/core";

export type InterestingCategory =
  | "drop"
  | "write"
  | "buffer"
  | "commit"
  | "rebalance"
  | "crash"
  | "reprocess"
  | "late"
  | "window";

/** In the order the UI offers them; the first is the default. */
export const INTERESTING_CATEGORIES: readonly InterestingCategory[] = [
  "drop",
  "write",
  "buffer",
  "commit",
  "rebalance",
  "crash",
  "reprocess",
  "late",
  "window",
];

export type JumpDirection = "next" | "previous";

const CATEGORY_OF: Partial<Record<TraceStep["kind"], InterestingCategory>> = {
  recordFiltered: "drop",
  recordUnmatched: "drop",
  userFunctionFailed: "drop",
  recordUnjoined: "drop",
  recordWritten: "write",
  recordBuffered: "buffer",
  offsetCommitted: "commit",
  recordRefetched: "reprocess",
  recordLate: "late",
  recordToLateSideOutput: "late",
  windowEmitted: "window",
  windowClosed: "window",
};

/** The category of a step, or null when it is not interesting. */
export function categoryOf(step: TraceStep): InterestingCategory | null {
  if (step.kind === "groupChanged") {
    switch (step.event.kind) {
      case "rebalanceStarted":
        return "rebalance";
      case "memberCrashed":
      case "memberLeft":
      case "memberRestarted":
        return "crash";
      case "partitionsAssigned":
        return step.mode === "static" && step.timeMs > 0 ? "crash" : null;
      default:
        return null;
    }
  }
  return CATEGORY_OF[step.kind] ?? null;
}

/**
 * The cursor that shows the nearest step of one of `categories` after (`next`) or before (`previous`) the step
 * shown at `fromCursor`, or null when there is none that way. Cursor c shows step c - 1, so step i is shown at
 * cursor i + 1. Scans the trace from the cursor: O(steps) at worst, no precomputation.
 */
export function nextInteresting(
  simulation: Simulation,
  fromCursor: number,
  direction: JumpDirection,
  categories: readonly InterestingCategory[],
): number | null {
  const wanted = new Set(categories);
  if (wanted.size === 0) return null;
  const count = simulation.stepCount;
  const cursor = Math.min(count, Math.max(0, Math.trunc(fromCursor) || 0));
  const matches = (i: number) => {
    const category = categoryOf(simulation.step(i));
    return category !== null && wanted.has(category);
  };
  if (direction === "next") {
    // The shown step is cursor - 1, so the first candidate is step `cursor`.
    for (let i = cursor; i < count; i++) if (matches(i)) return i + 1;
  } else {
    for (let i = cursor - 2; i >= 0; i--) if (matches(i)) return i + 1;
  }
  return null;
}

/** Per simulation and category: the first and last step of that category (null: none), found on first use. */
const boundsOf = new WeakMap<Simulation, Map<InterestingCategory, { first: number; last: number } | null>>();

function categoryBounds(
  simulation: Simulation,
  category: InterestingCategory,
): { first: number; last: number } | null {
  let bySimulation = boundsOf.get(simulation);
  if (!bySimulation) {
    bySimulation = new Map();
    boundsOf.set(simulation, bySimulation);
  }
  if (!bySimulation.has(category)) {
    const is = (i: number) => categoryOf(simulation.step(i)) === category;
    let first = 0;
    while (first < simulation.stepCount && !is(first)) first++;
    let last = simulation.stepCount - 1;
    while (last > first && !is(last)) last--;
    bySimulation.set(category, first < simulation.stepCount ? { first, last } : null);
  }
  return bySimulation.get(category)!;
}

/**
 * Whether a step of `category` lies after (`next`) or before (`previous`) the step shown at `fromCursor`: what
 * `nextInteresting` would find, answered from the category's first and last steps (one scan per simulation and
 * category), so a control that asks on every step does not scan a long trace every time.
 */
export function hasInteresting(
  simulation: Simulation,
  fromCursor: number,
  direction: JumpDirection,
  category: InterestingCategory,
): boolean {
  const bounds = categoryBounds(simulation, category);
  if (bounds === null) return false;
  const cursor = Math.min(simulation.stepCount, Math.max(0, Math.trunc(fromCursor) || 0));
  return direction === "next" ? bounds.last >= cursor : bounds.first <= cursor - 2;
}

/**
 * The record versions a step is about: the record it moved or produced and, for a node that transformed it, the
 * version it took in. Read by field, so steps of kinds added later are covered when they name a record.
 */
function recordsOf(step: TraceStep): RecordId[] {
  const records: RecordId[] = [];
  if ("input" in step && typeof step.input === "number") records.push(step.input);
  if ("record" in step && typeof step.record === "number") records.push(step.record);
  return records;
}

/** Per simulation: the keys in its trace, and per key the 0-based steps touching it (built on first use). */
interface KeyIndex {
  keys: string[];
  steps: Map<string, number[]>;
}

/** A key index being built: the steps before `next` are indexed. */
interface KeyIndexing extends KeyIndex {
  next: number;
  /** Per record version, its formatted key's number (its place in `keys` plus one), or 0 before it is seen. */
  keyOfVersion: Int32Array;
  numbers: Map<string, number>;
  stepsOfKey: number[][];
}
const keyIndexes = new WeakMap<Simulation, KeyIndexing>();

function keyIndexingOf(simulation: Simulation): KeyIndexing {
  let indexing = keyIndexes.get(simulation);
  if (!indexing) {
    indexing = {
      keys: [],
      steps: new Map(),
      next: 0,
      keyOfVersion: new Int32Array(simulation.stats().versions),
      numbers: new Map(),
      stepsOfKey: [],
    };
    keyIndexes.set(simulation, indexing);
  }
  return indexing;
}

/**
 * Indexes the keys of up to `maxSteps` more steps; true once the whole trace is indexed. A page indexes a long
 * trace in slices like this (when idle) before it asks {@link keysInTrace}, which would otherwise index the rest
 * in one go. A record version's key is looked up and formatted once, however many steps name it.
 */
export function indexKeysInPart(simulation: Simulation, maxSteps: number): boolean {
  const indexing = keyIndexingOf(simulation);
  const { keys, steps, keyOfVersion, numbers, stepsOfKey } = indexing;
  const keyNumber = (record: RecordId): number => {
    let number = keyOfVersion[record]!;
    if (number === 0) {
      const key = formatKey(simulation.record(record).key);
      number = numbers.get(key) ?? 0;
      if (number === 0) {
        const found: number[] = [];
        steps.set(key, found);
        keys.push(key);
        stepsOfKey.push(found);
        number = stepsOfKey.length;
        numbers.set(key, number);
      }
      keyOfVersion[record] = number;
    }
    return number;
  };
  const end = Math.min(simulation.stepCount, indexing.next + Math.max(1, maxSteps));
  for (let i = indexing.next; i < end; i++) {
    let previous = 0;
    for (const record of recordsOf(simulation.step(i))) {
      const number = keyNumber(record);
      if (number === previous) continue;
      previous = number;
      const found = stepsOfKey[number - 1]!;
      if (found[found.length - 1] !== i) found.push(i);
    }
  }
  indexing.next = end;
  return end >= simulation.stepCount;
}

function keyIndexOf(simulation: Simulation): KeyIndex {
  indexKeysInPart(simulation, Number.POSITIVE_INFINITY);
  return keyIndexingOf(simulation);
}

/**
 * The record keys in the trace (formatted as the narration writes them, `null` for a null key), in order of first
 * appearance, at most `limit` of them.
 */
export function keysInTrace(simulation: Simulation, limit = 1_000): string[] {
  return keyIndexOf(simulation).keys.slice(0, limit);
}

/**
 * The cursor that shows the nearest step touching `key` — a step about a record version with that key, before or
 * after a transformation — after (`next`) or before (`previous`) the step shown at `fromCursor`, or null. The first
 * search indexes the whole trace once (O(steps)); later ones are binary searches.
 */
export function nextStepWithKey(
  simulation: Simulation,
  fromCursor: number,
  direction: JumpDirection,
  key: string,
): number | null {
  const steps = keyIndexOf(simulation).steps.get(key);
  if (!steps || steps.length === 0) return null;
  const cursor = Math.min(simulation.stepCount, Math.max(0, Math.trunc(fromCursor) || 0));
  // The shown step is cursor - 1: the next candidate is step `cursor`, the previous one step `cursor - 2`.
  const bound = direction === "next" ? cursor : cursor - 1;
  let low = 0;
  let high = steps.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (steps[middle]! < bound) low = middle + 1;
    else high = middle;
  }
  // `low` is the first step at or after `bound`.
  const found = direction === "next" ? steps[low] : steps[low - 1];
  return found === undefined ? null : found + 1;
}
