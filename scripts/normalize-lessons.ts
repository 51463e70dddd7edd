/**
 * Rewrites every built-in lesson's JSON file in the form validation gives it (the schema's field order), which the
 * app relies on to open lessons without the validator. Run after adding or editing a lesson:
 * `npx tsx scripts/normalize-lessons.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateScenario } from "../src/scenario/validate";

const dir = fileURLToPath(new URL("../src/scenario/lessons/", import.meta.url));
for (const name of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const path = `${dir}${name}`;
  const result = validateScenario(JSON.parse(readFileSync(path, "utf8")));
  if (!result.ok)
    throw new Error(`${name}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  writeFileSync(path, `${JSON.stringify(result.scenario, null, 2)}\n`);
}
