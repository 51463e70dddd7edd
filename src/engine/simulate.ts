/**
 * `simulate` and `recordRun`: the recording path (`recording.ts`) with everything the engine has — the code every
 * kind of node needs and the engine's narration. What the CLI, the worker and the tests run.
 */

import { FULL_LIBRARY } from "./fullLibrary";
import type { SimulationModel } from "./model";
import { openSimulation } from "./openSimulation";
import { type RecordOptions, recordRunWith } from "./recording";
import type { Simulation } from "./simulation";
import type { RecordedRun } from "./trace/recordedRun";
import { packVersionValues } from "./trace/versionValues";

/**
 * Runs `model` on the recording path and returns what it recorded, ready to transfer to another thread: plain
 * data whose typed arrays each have a buffer of their own (`forTransfer`), with the keys and values packed
 * (`versionValues.ts`), so that nothing but typed arrays and one string crosses. (Packing lives here, not in the
 * page's engine core: a page only reads packed runs.)
 */
export function recordRun(model: SimulationModel, options: RecordOptions = {}): RecordedRun {
  const recorded = recordRunWith(model, options, true, FULL_LIBRARY);
  const { versionValues } = recorded.trace;
  if (versionValues.kind === "arrays") {
    const { keys, values } = versionValues;
    recorded.trace.versionValues = { kind: "packed", ...packVersionValues(keys, values, keys.length) };
  }
  return recorded;
}

/**
 * Runs `model` on the recording path: the whole trace, and frames on demand. The same simulation as
 * `openSimulation(model, recordRun(model))`, without copying the recorded columns.
 */
export function simulate(model: SimulationModel): Simulation {
  return openSimulation(model, recordRunWith(model, {}, false, FULL_LIBRARY));
}
