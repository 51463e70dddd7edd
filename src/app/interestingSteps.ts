/**
 * "Interesting" steps for the step debugger's jumps: where a record was dropped, written by a sink, buffered by a
 * disconnected producer, where an offset was committed, where the group rebalanced, where an instance crashed,
 * stopped or restarted, and where records were processed again. Pure functions over the trace.
 */
import type { Simulation, TraceStep } from "../engine";

export type InterestingCategory =
  | "drop"
  | "write"
  | "buffer"
  | "commit"
  | "rebalance"
  | "crash"
  | "reprocess";

/** In the order the UI offers them; the first is the default. */
export const INTERESTING_CATEGORIES: readonly InterestingCategory[] = [
  "drop",
  "write",
  "buffer",
  "commit",
  "rebalance",
  "crash",
  "reprocess",
];

export type JumpDirection = "next" | "previous";

const CATEGORY_OF: Partial<Record<TraceStep["kind"], InterestingCategory>> = {
  recordFiltered: "drop",
  recordUnmatched: "drop",
  userFunctionFailed: "drop",
  recordWritten: "write",
  recordBuffered: "buffer",
  offsetCommitted: "commit",
  recordRefetched: "reprocess",
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
