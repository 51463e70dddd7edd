/**
 * Upgrades a scenario written for an older format version to the current one, before validation.
 *
 * A *migration step* turns a scenario of version n into version n + 1; `MIGRATION_STEPS[n]` holds it. Steps work
 * on untrusted data, so they must tolerate anything (they only reshape what they recognise) and leave checking to
 * the validator, which runs on their result. Version 1 is the first format, so there are no steps yet; to introduce
 * version 2, bump `CURRENT_SCENARIO_VERSION`, add `MIGRATION_STEPS[1]`, and give it a test with a v1 scenario.
 */

import { describeValue } from "./describeValue";
import type { ScenarioError } from "./scenarioError";
import { CURRENT_SCENARIO_VERSION } from "./version";

/** Turns a scenario of one version into the next; `input.version` is already known to be that version. */
export type MigrationStep = (input: Record<string, unknown>) => Record<string, unknown>;

/** Step `n` upgrades version `n` to `n + 1`. */
export const MIGRATION_STEPS: Readonly<Record<number, MigrationStep>> = {};

export type MigrationResult =
  | { ok: true; scenario: Record<string, unknown>; fromVersion: number }
  | { ok: false; errors: ScenarioError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(path: string, message: string): MigrationResult {
  return { ok: false, errors: [{ path, message }] };
}

/**
 * Reads `input.version` and applies every migration step from there to the current version. Refuses input that is
 * not an object, has no usable version, or is newer than this build understands.
 */
export function migrateScenario(
  input: unknown,
  steps = MIGRATION_STEPS,
  current = CURRENT_SCENARIO_VERSION,
): MigrationResult {
  if (!isRecord(input)) return fail("", `expected a scenario object, got ${describeValue(input)}`);
  if (!Object.hasOwn(input, "version")) {
    return fail("version", `missing required field "version" (the current format is version ${current})`);
  }
  const version = input.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return fail("version", `expected a positive integer format version, got ${describeValue(version)}`);
  }
  if (version > current) {
    return fail("version", `version ${version} is newer than this Topolab understands (${current})`);
  }
  let scenario = input;
  for (let from = version; from < current; from++) {
    const step = steps[from];
    if (step === undefined) return fail("version", `no migration from version ${from} to ${from + 1}`);
    scenario = { ...step(scenario), version: from + 1 };
  }
  return { ok: true, scenario, fromVersion: version };
}
