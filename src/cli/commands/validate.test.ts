import { describe, expect, it } from "vitest";
import { INVALID_TEXT, SYNTAX_ERROR_TEXT, TINY_TEXT } from "../cliFixtures";
import { cli } from "../testing";

const files = {
  "tiny.json": TINY_TEXT,
  "invalid.json": INVALID_TEXT,
  "broken.json": SYNTAX_ERROR_TEXT,
  "array.json": "[1, 2]",
};

describe("validate", () => {
  it("shouldPrintValidAndTheTitle", async () => {
    expect(await cli(["validate", "tiny.json"], files)).toMatchObject({
      code: 0,
      out: "valid: Tiny doubling pipeline\n",
      err: "",
    });
  });

  it("shouldAcceptALessonId", async () => {
    expect(await cli(["validate", "transformations"])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^valid: /),
    });
  });

  it("shouldPrintOneLinePerErrorAsPathColonReason", async () => {
    const { code, out, err } = await cli(["validate", "invalid.json"], files);
    expect(code).toBe(1);
    expect(out).toBe("");
    const lines = err.trimEnd().split("\n");
    expect(lines).toContain("seed: must be ≥ 0");
    expect(lines).toContain('producers[0].topci: unrecognized field "topci" (did you mean "topic"?)');
    expect(lines.some((line) => line.startsWith("app.topology[3].topic: "))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^[\w[\].]+: \S/);
  });

  it("shouldLocateASyntaxErrorByLineAndColumn", async () => {
    const { code, err } = await cli(["validate", "broken.json"], files);
    expect(code).toBe(1);
    expect(err).toMatch(/^JSON syntax error at 4:1: [^\n]+\n$/);
  });

  it("shouldPrintAnErrorAboutTheWholeScenarioWithoutAPath", async () => {
    const { code, err } = await cli(["validate", "array.json"], files);
    expect(code).toBe(1);
    expect(err).toBe("expected a scenario object, got an array\n");
  });

  it("shouldSayWhenTheFileIsMissing", async () => {
    expect(await cli(["validate", "x.json"])).toMatchObject({
      code: 1,
      out: "",
      err: 'cannot read "x.json": no such file\n',
    });
  });

  it("shouldPrintJsonForValidAndInvalidScenarios", async () => {
    expect(JSON.parse((await cli(["validate", "tiny.json", "--json"], files)).out)).toEqual({
      valid: true,
      title: "Tiny doubling pipeline",
    });
    const invalid = await cli(["validate", "invalid.json", "--json"], files);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toBe("");
    const result = JSON.parse(invalid.out);
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({ path: "seed", message: "must be ≥ 0" });
  });
});
