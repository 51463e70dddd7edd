/** Semantic check of `app.time`: its expressions compile in the record scope. */
import { formatPath, type ScenarioError } from "./scenarioError";
import type { Scenario } from "./schema";
import { expressionProblem } from "./userFunctions";

export function checkTime(scenario: Scenario): ScenarioError[] {
  const time = scenario.app.time;
  if (time === undefined) return [];
  const errors: ScenarioError[] = [];
  const check = (field: string, source: string) => {
    const problem = expressionProblem(source, "record");
    if (problem !== null)
      errors.push({ path: formatPath(["app", "time", field, "expression"]), message: problem });
  };
  if (typeof time.timestamp === "object" && "expression" in time.timestamp)
    check("timestamp", time.timestamp.expression);
  if (typeof time.scheduler === "object") check("scheduler", time.scheduler.expression);
  return errors;
}
