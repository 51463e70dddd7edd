/** Semantic check: every expression in the scenario compiles, with the variables of its scope. */
import { nodeExpressions, producerExpressions } from "./nodeExpressions";
import { formatPath, type ScenarioError } from "./scenarioError";
import type { ScenarioParts } from "./scenarioParts";
import { expressionProblem } from "./userFunctions";

export function checkExpressions(parts: ScenarioParts): ScenarioError[] {
  const errors: ScenarioError[] = [];
  for (const { index, value } of parts.producers) {
    for (const { path, source, scope } of producerExpressions(value)) {
      const problem = expressionProblem(source, scope);
      if (problem !== null)
        errors.push({ path: formatPath(["producers", index, ...path]), message: problem });
    }
  }
  for (const { index, value } of parts.nodes) {
    for (const { path, source, scope } of nodeExpressions(value)) {
      const problem = expressionProblem(source, scope);
      if (problem !== null)
        errors.push({ path: formatPath(["app", "topology", index, ...path]), message: problem });
    }
  }
  return errors;
}
