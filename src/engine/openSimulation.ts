/**
 * `openSimulation`: a recorded run served with the engine's narration (`recordedSimulation.ts` does the serving).
 */
import type { SimulationModel } from "./model";
import { openSimulationWith } from "./recordedSimulation";
import type { Simulation } from "./simulation";
import { narrate } from "./trace/narrate";
import type { RecordedRun } from "./trace/recordedRun";

/**
 * The {@link Simulation} of a run recorded by `recordRun(model)` — here, or on another thread and structured-cloned
 * back. `model` must be the model it was recorded from (its compiled functions are not part of the recording).
 */
export function openSimulation(model: SimulationModel, recorded: RecordedRun): Simulation {
  return openSimulationWith(model, recorded, narrate);
}
