/**
 * "Interesting" steps for the step debugger's jumps: where a record was dropped, written by a sink, buffered by a
 * disconnected producer, where an offset was committed or partitions were assigned. Pure functions over the trace.
 */
import type { Simulation, TraceEventKind } from "../engine";

export type InterestingCategory = "drop" | "write" | "buffer" | "commit" | "assignment";

/** In the order the UI offers them; the first is the default. */
export const INTERESTING_CATEGORIES: readonly InterestingCategory[] = [
  "drop",
  "write",
  "buffer",
  "commit",
  "assignment",
];

export type JumpDirection = "next" | "previous";

const CATEGORY_OF: Partial<Record<TraceEventKind, InterestingCategory>> = {
  recordFiltered: "drop",
  recordUnmatched: "drop",
  userFunctionFailed: "drop",
  recordUnjoined: "drop",
  recordWritten: "write",
  recordBuffered: "buffer",
  offsetCommitted: "commit",
  partitionsAssigned: "assignment",
};

/** The category of a trace event kind, or null when steps of that kind are not interesting. */
export function categoryOf(kind: TraceEventKind): InterestingCategory | null {
  return CATEGORY_OF[kind] ?? null;
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
    const category = categoryOf(simulation.step(i).kind);
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
