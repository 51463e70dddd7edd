/** Untrusted input to a runnable model in one call: validate, then compile. */
import type { SimulationModel } from "../engine/model";
import { compileScenario } from "./compileScenario";
import type { ScenarioError } from "./scenarioError";
import type { Scenario } from "./schema";
import { validateScenario } from "./validate";

export type LoadResult =
  | { ok: true; scenario: Scenario; model: SimulationModel }
  | { ok: false; errors: ScenarioError[] };

export function loadScenario(input: unknown): LoadResult {
  const validated = validateScenario(input);
  if (!validated.ok) return validated;
  return { ok: true, scenario: validated.scenario, model: compileScenario(validated.scenario) };
}
