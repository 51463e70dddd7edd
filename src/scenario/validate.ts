/**
 * Validation of untrusted scenario input: format migration, then structure (the zod schema), then meaning
 * (references, cycles, partitions, expressions, limits). Every problem found is reported, each at its path.
 */
import { checkExpressions } from "./checkExpressions";
import { checkGroup } from "./checkGroup";
import { checkProducers } from "./checkProducers";
import { checkText } from "./checkText";
import { checkTime } from "./checkTime";
import { checkTopology } from "./checkTopology";
import { checkWindows } from "./checkWindows";
import { migrateScenario } from "./migrate";
import { parseReadably } from "./readableIssues";
import { planRepartitions } from "./repartitionPlan";
import { appendErrors, formatPath, type ScenarioError } from "./scenarioError";
import { partsOfScenario, salvageParts } from "./scenarioParts";
import { type Scenario, scenarioSchema } from "./schema";
import { CURRENT_SCENARIO_VERSION } from "./version";

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Past this many, errors are summarised in one last entry: a list nobody can read helps nobody. */
export const MAX_REPORTED_ERRORS = 200;

/** The first `MAX_REPORTED_ERRORS` errors, then one line counting the rest (`omitted` were never printed). */
function capErrors(errors: ScenarioError[], omitted: number): ScenarioError[] {
  const more = Math.max(0, errors.length - MAX_REPORTED_ERRORS) + omitted;
  if (more === 0) return errors;
  return [...errors.slice(0, MAX_REPORTED_ERRORS), { path: "", message: `… and ${more} more errors` }];
}

/**
 * Checks a scenario given as parsed JSON (any value). A missing `version` is reported, and the rest is still
 * checked as the current version so the other errors show too; a version from the future stops there.
 */
export function validateScenario(input: unknown): ValidationResult {
  const errors: ScenarioError[] = [];
  let migrated = migrateScenario(input);
  if (
    !migrated.ok &&
    typeof input === "object" &&
    input !== null &&
    !Array.isArray(input) &&
    !Object.hasOwn(input, "version")
  ) {
    appendErrors(errors, migrated.errors);
    migrated = migrateScenario({ ...input, version: CURRENT_SCENARIO_VERSION });
  }
  if (!migrated.ok) return { ok: false, errors: migrated.errors };

  const parsed = parseReadably(scenarioSchema, migrated.scenario, MAX_REPORTED_ERRORS);
  if (!parsed.ok) appendErrors(errors, parsed.errors);
  appendErrors(errors, checkText(migrated.scenario));
  const parts = parsed.ok
    ? partsOfScenario(parsed.value)
    : salvageParts(
        migrated.scenario,
        parsed.issues.map((issue) => issue.path),
      );
  appendErrors(errors, checkProducers(parts), checkTopology(parts), checkExpressions(parts));

  if (parsed.ok) appendErrors(errors, checkGroup(parsed.value), checkTime(parsed.value));
  if (parsed.ok && errors.length === 0) appendErrors(errors, checkWindows(parsed.value));
  if (parsed.ok && errors.length === 0) {
    // Repartition topics and copartitioning are judged on a topology that is otherwise sound.
    const scenario = parsed.value;
    const plan = planRepartitions(scenario.app.id, scenario.topics, scenario.app.topology);
    if (plan.problems.length === 0) return { ok: true, scenario };
    appendErrors(
      errors,
      plan.problems.map((p) => ({ path: formatPath(p.path), message: p.message })),
    );
  }
  return { ok: false, errors: capErrors(errors, parsed.ok ? 0 : parsed.omitted) };
}
