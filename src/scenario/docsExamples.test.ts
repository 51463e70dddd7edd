import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "./loadScenario";
import { SCENARIO_OPS } from "./topologySchema";

const docs = readFileSync(fileURLToPath(new URL("../../docs/scenarios.md", import.meta.url)), "utf8");
const examples = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe("docs/scenarios.md", () => {
  it("has three complete examples", () => {
    expect(examples).toHaveLength(3);
  });

  it.each(examples.map((text, i) => [i + 1, text] as const))(
    "example %i validates and compiles",
    (_, text) => {
      const result = loadScenario(JSON.parse(text));
      expect(result.ok ? [] : result.errors).toEqual([]);
    },
  );

  it("documents every operator", () => {
    // A table row per operator: "| `op` |", however the formatter pads the cell.
    for (const op of SCENARIO_OPS) expect(docs).toMatch(new RegExp(`^\\| \`${op}\` +\\|`, "m"));
  });
});
