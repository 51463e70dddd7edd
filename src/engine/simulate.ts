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

/**
 * Runs `model` on the recording path and returns what it recorded, as plain data whose typed arrays each own a
 * buffer of exactly their length (ready to transfer to another thread).
 */
export function recordRun(model: SimulationModel, options: RecordOptions = {}): RecordedRun {
  return recordRunWith(model, options, true, FULL_LIBRARY);
}

/**
 * Runs `model` on the recording path: the whole trace, and frames on demand. The same simulation as
 * `openSimulation(model, recordRun(model))`, without copying the recorded columns.
 */
export function simulate(model: SimulationModel): Simulation {
  return openSimulation(model, recordRunWith(model, {}, false, FULL_LIBRARY));
}
