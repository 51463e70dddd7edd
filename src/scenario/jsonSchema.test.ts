import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SCENARIO_JSON_SCHEMA_ID, scenarioJsonSchema, scenarioJsonSchemaText } from "./scenarioJsonSchema";

const committedPath = fileURLToPath(new URL("../../docs/scenario.schema.json", import.meta.url));

describe("the scenario JSON Schema", () => {
  it("matches the committed docs/scenario.schema.json (run `npm run schema` to update it)", () => {
    const committed = readFileSync(committedPath, "utf8");
    expect(
      committed === scenarioJsonSchemaText(),
      "docs/scenario.schema.json is stale: run `npm run schema`",
    ).toBe(true);
  });

  it("is a draft 2020-12 schema with an id and a title", () => {
    const schema = scenarioJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(SCENARIO_JSON_SCHEMA_ID);
    expect(schema.title).toMatch(/^Topolab scenario/);
  });

  it("describes every operator and shows defaults", () => {
    const text = scenarioJsonSchemaText();
    for (const op of [
      "source",
      "map",
      "mapValues",
      "filter",
      "flatMap",
      "flatMapValues",
      "branch",
      "merge",
      "selectKey",
      "peek",
      "sink",
    ]) {
      expect(text).toContain(`"const": "${op}"`);
    }
    expect(text).toContain('"default": 16384');
    expect(text).toContain('"additionalProperties": false');
  });
});
