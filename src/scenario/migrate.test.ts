import { describe, expect, it } from "vitest";
import { type MigrationStep, migrateScenario } from "./migrate";
import { validScenarioInput } from "./testing/scenarioFixtures";

describe("migrateScenario", () => {
  it("passes a current-version scenario through unchanged", () => {
    const input = validScenarioInput();
    const result = migrateScenario(input);
    expect(result).toEqual({ ok: true, scenario: input, fromVersion: 1 });
  });

  it("refuses a version newer than this build", () => {
    expect(migrateScenario({ ...validScenarioInput(), version: 2 })).toEqual({
      ok: false,
      errors: [{ path: "version", message: "version 2 is newer than this Topolab understands (1)" }],
    });
  });

  it("names the field when the version is missing", () => {
    const { version: _version, ...input } = validScenarioInput();
    expect(migrateScenario(input)).toEqual({
      ok: false,
      errors: [
        { path: "version", message: 'missing required field "version" (the current format is version 1)' },
      ],
    });
  });

  it("refuses a version that is not a positive integer", () => {
    expect(migrateScenario({ version: "1" })).toEqual({
      ok: false,
      errors: [{ path: "version", message: 'expected a positive integer format version, got "1"' }],
    });
    expect(migrateScenario({ version: 0 }).ok).toBe(false);
  });

  it("refuses input that is not an object", () => {
    expect(migrateScenario("hello")).toEqual({
      ok: false,
      errors: [{ path: "", message: 'expected a scenario object, got "hello"' }],
    });
  });

  it("applies registered steps in order up to the current version", () => {
    const steps: Record<number, MigrationStep> = {
      1: ({ name, ...rest }) => ({ ...rest, title: name }),
      2: (input) => ({ ...input, seed: 7 }),
    };
    expect(migrateScenario({ version: 1, name: "old" }, steps, 3)).toEqual({
      ok: true,
      scenario: { version: 3, title: "old", seed: 7 },
      fromVersion: 1,
    });
    expect(migrateScenario({ version: 2, title: "t" }, steps, 3)).toEqual({
      ok: true,
      scenario: { version: 3, title: "t", seed: 7 },
      fromVersion: 2,
    });
  });

  it("reports a gap in the registered steps", () => {
    expect(migrateScenario({ version: 1 }, {}, 2)).toEqual({
      ok: false,
      errors: [{ path: "version", message: "no migration from version 1 to 2" }],
    });
  });
});
