/**
 * The scenario format as a JSON Schema (draft 2020-12), generated from the zod schema, for editors and other
 * tools. Written to docs/scenario.schema.json by `npm run schema`; a test fails when that file is stale.
 */
import { scenarioSchema } from "./schema";
import { CURRENT_SCENARIO_VERSION } from "./version";
import { z } from "./zod";

export const SCENARIO_JSON_SCHEMA_ID = `urn:topolab:scenario:v${CURRENT_SCENARIO_VERSION}`;

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { target: "draft-2020-12", unrepresentable: "any" });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCENARIO_JSON_SCHEMA_ID,
    title: `Topolab scenario (version ${CURRENT_SCENARIO_VERSION})`,
    ...rest,
  };
}

/** The schema file's exact text: 2-space indentation and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
