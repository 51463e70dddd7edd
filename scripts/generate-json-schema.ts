/**
 * Writes docs/scenario.schema.json from the zod scenario schema. Run with `npm run schema` after changing
 * src/scenario/*Schema.ts; src/scenario/jsonSchema.test.ts fails while the file is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchemaText } from "../src/scenario/scenarioJsonSchema";

const target = fileURLToPath(new URL("../docs/scenario.schema.json", import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
