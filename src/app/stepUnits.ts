/**
 * Stepping by larger units than one step: by wall-clock tick (everything that happened at one instant), and by
 * record (the next or previous step in one record's lineage). Pure functions over the trace; each returns the new
 * cursor, or null when there is nothing that way.
 */
import type { RecordId, Simulation } from "../engine";
import type { JumpDirection } from "./interestingSteps";

/** Wall-clock time of the step shown at cursor `c` (step c - 1). */
function timeAt(simulation: Simulation, cursor: number): number {
  return simulation.step(cursor - 1).timeMs;
}

/**
 * Cursor c is a tick's end when the step after it (step c) happens later than the one it shows (step c - 1): the
 * frame then holds everything that happened at that instant. 0 and the end are tick ends too.
 */
function isTickEnd(simulation: Simulation, cursor: number): boolean {
  if (cursor === 0 || cursor === simulation.stepCount) return true;
  return timeAt(simulation, cursor + 1) !== timeAt(simulation, cursor);
}

/** The next (or previous) tick end from `cursor`: forward shows all of the next instant, back all of the one before. */
export function nextTick(simulation: Simulation, cursor: number, direction: JumpDirection): number | null {
  const end = simulation.stepCount;
  if (direction === "next") {
    for (let c = cursor + 1; c <= end; c++) if (isTickEnd(simulation, c)) return c;
  } else {
    for (let c = cursor - 1; c >= 0; c--) if (isTickEnd(simulation, c)) return c;
  }
  return null;
}

/**
 * The record whose lineage "by record" follows: the selected one, else the record of the step shown, else the
 * record of the next step that names one.
 */
export function followedRecord(
  simulation: Simulation,
  cursor: number,
  selected: RecordId | null,
): RecordId | null {
  if (selected !== null) return selected;
  for (let i = Math.max(0, cursor - 1); i < simulation.stepCount; i++) {
    const step = simulation.step(i);
    if ("record" in step && typeof step.record === "number") return step.record;
  }
  return null;
}

/** The cursor showing the next (or previous) step of `record`'s lineage, from `cursor`. */
export function nextInLineage(
  simulation: Simulation,
  cursor: number,
  direction: JumpDirection,
  record: RecordId,
): number | null {
  const steps = simulation.lineage(record);
  if (direction === "next") {
    // Cursor c shows step c - 1: the next lineage step is the first at or after step c.
    const found = steps.find((s) => s >= cursor);
    return found === undefined ? null : found + 1;
  }
  const before = steps.filter((s) => s < cursor - 1).at(-1);
  return before === undefined ? null : before + 1;
}
