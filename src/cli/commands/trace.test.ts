import { describe, expect, it } from "vitest";
import { simulate } from "../../engine";
import { lessons } from "../../scenario/lessons";
import { loadScenario } from "../../scenario/loadScenario";
import { TINY_SCENARIO, TINY_TEXT } from "../cliFixtures";
import { cli } from "../testing";

const files = { "tiny.json": TINY_TEXT };

function tinySimulation() {
  const loaded = loadScenario(TINY_SCENARIO);
  if (!loaded.ok) throw new Error("the tiny scenario is invalid");
  return simulate(loaded.model);
}

describe("trace", () => {
  it("shouldPrintEveryStepAsStepTimeKindNarration", async () => {
    const sim = tinySimulation();
    const { code, out } = await cli(["trace", "tiny.json"], files);
    expect(code).toBe(0);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(sim.stepCount);
    lines.forEach((line, i) => {
      const step = sim.step(i);
      expect(line.startsWith(`${i} ${step.timeMs}ms ${step.kind} `)).toBe(true);
    });
    expect(lines).toContain(
      `${sim.stepCount - 1} ${sim.step(sim.stepCount - 1).timeMs}ms ${sim.step(sim.stepCount - 1).kind} ${sim.narrate(sim.stepCount - 1).replace(/^@\d+ms /, "")}`,
    );
    expect(out).toMatch(/^\d+ 0ms recordProduced producer counter sent k=alice v=1 ts=0 to numbers-\d: /m);
  });

  it.each(lessons.map((l) => [l.id]))("shouldNarrateEveryStepOfLesson %s", async (id) => {
    const { code, out } = await cli(["trace", id]);
    expect(code).toBe(0);
    for (const line of out.trimEnd().split("\n")) expect(line).toMatch(/^\d+ \d+ms [a-zA-Z]+ \S/);
  });

  it("shouldPrintOnlyStepsFromUpTo", async () => {
    const { out } = await cli(["trace", "tiny.json", "--from", "2", "--to", "5"], files);
    expect(
      out
        .trimEnd()
        .split("\n")
        .map((line) => line.split(" ")[0]),
    ).toEqual(["2", "3", "4"]);
  });

  it("shouldPrintNothingForAnEmptyRange", async () => {
    const steps = tinySimulation().stepCount;
    expect(await cli(["trace", "tiny.json", "--from", "3", "--to", "3"], files)).toMatchObject({
      code: 0,
      out: "",
    });
    expect(await cli(["trace", "tiny.json", "--from", String(steps)], files)).toMatchObject({
      code: 0,
      out: "",
    });
  });

  it("shouldPrintJsonLinesOfTheDecodedStepPlusWhy", async () => {
    const sim = tinySimulation();
    const { out } = await cli(["trace", "tiny.json", "--json", "--to", "4"], files);
    const lines = out
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    lines.forEach((line, i) => {
      expect(line).toEqual({ ...sim.step(i), why: sim.narrate(i) });
    });
    expect(Object.keys(lines[0]).slice(0, 3)).toEqual(["step", "timeMs", "kind"]);
    expect(Object.keys(lines[0]).at(-1)).toBe("why");
  });

  it.each([
    [["--from=-1"], "--from must be an integer from 0 to"],
    [["--from", "-1"], "option --from needs a value"],
    [["--from", "x"], "--from must be an integer from 0 to"],
    [["--from", "100000"], "--from must be an integer from 0 to"],
    [["--from", "4", "--to", "3"], "--to must be an integer from 4 to"],
    [["--to", "100000"], "--to must be an integer from 0 to"],
    [["--to"], "option --to needs a value"],
  ])("shouldRefuseBounds %j with exit 2", async (options, message) => {
    const { code, out, err } = await cli(["trace", "tiny.json", ...options], files);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(message);
  });

  it("shouldAcceptToEqualToTheStepCount", async () => {
    const steps = tinySimulation().stepCount;
    const { code, out } = await cli(
      ["trace", "tiny.json", "--from", String(steps - 1), "--to", String(steps)],
      files,
    );
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toMatch(new RegExp(`^${steps - 1} `));
  });
});
