/**
 * The fuzz test of untrusted input: 10,000 generated share links per run — lesson links with bytes changed, lesson
 * scenarios with a field replaced by odd JSON near and beyond the limits, hostile expressions, random JSON, and
 * valid random scenarios — go through decode → validate → compile → simulate (with a step budget, so every case
 * is bounded). Each must end in a run or an expected error: a `ScenarioError` list naming a path and a reason, or
 * a `SimulationError` with a message. Anything else fails with fast-check's seed and the shrunk link.
 *
 * Time: a case may take at most 100 ms per KB of its link, and never less than a floor. A case over the bound is
 * run again once (a loaded CI machine stalls now and then); only a case slow twice is reported, with its link.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../engine";
import { SimulationError } from "../engine/runtime/simulationError";
import { compileScenario } from "./compileScenario";
import type { ScenarioError } from "./scenarioError";
import { decodeShareFragment } from "./shareUrl";
import { type FuzzCase, fuzzCaseArb } from "./testing/hostileArbitraries";

const CASES = 10_000;
/** Steps a case may run: enough for every lesson, small enough that a case stays bounded. */
const STEP_BUDGET = 20_000;
const MS_PER_KB = 100;
const FLOOR_MS = 300;

type Outcome = "ran" | "refused" | "stopped";

function isScenarioError(error: unknown): error is ScenarioError {
  if (typeof error !== "object" || error === null) return false;
  const { path, message } = error as Record<string, unknown>;
  return typeof path === "string" && typeof message === "string" && message.length > 0;
}

/** decode → validate → compile → simulate; throws on anything but a run or an expected error. */
function runCase(link: string): Outcome {
  const decoded = decodeShareFragment(link);
  if (!decoded.ok) {
    if (decoded.errors.length === 0 || !decoded.errors.every(isScenarioError))
      throw new Error(`refused without a readable error: ${JSON.stringify(decoded.errors)}`);
    return "refused";
  }
  const model = compileScenario(decoded.scenario);
  model.limits = { ...model.limits, maxSteps: Math.min(model.limits.maxSteps, STEP_BUDGET) };
  try {
    const sim = simulate(model);
    // Reading the end of the run is part of opening a link: the last frame and its narration.
    sim.frameAt(sim.stepCount);
    if (sim.stepCount > 0) sim.narrate(sim.stepCount - 1);
    return "ran";
  } catch (error) {
    if (error instanceof SimulationError && error.message.length > 0) return "stopped";
    throw error;
  }
}

function boundMs(link: string): number {
  return Math.max(FLOOR_MS, (MS_PER_KB * link.length) / 1024);
}

function timed(link: string): number {
  const start = performance.now();
  runCase(link);
  return performance.now() - start;
}

describe("share links under fuzzing", () => {
  it(`ends ${CASES} hostile links in a run or an expected error, each within ${MS_PER_KB} ms per KB`, {
    timeout: 600_000,
  }, () => {
    const outcomes = new Map<string, number>();
    const slow: { kind: FuzzCase["kind"]; ms: number[]; bound: number; link: string }[] = [];
    fc.assert(
      fc.property(fuzzCaseArb, ({ kind, link }) => {
        const start = performance.now();
        const outcome = runCase(link);
        const ms = performance.now() - start;
        const key = `${kind}:${outcome}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        const bound = boundMs(link);
        if (ms > bound) {
          const again = timed(link);
          if (again > bound) slow.push({ kind, ms: [Math.round(ms), Math.round(again)], bound, link });
        }
      }),
      { numRuns: CASES },
    );
    const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(CASES);
    // Every kind of case happened, and the cases that must run did.
    expect(outcomes.get("validRandom:ran") ?? 0).toBeGreaterThan(0);
    expect(outcomes.get("mutatedLink:refused") ?? 0).toBeGreaterThan(0);
    expect(outcomes.get("hostileExpression:refused") ?? 0).toBeGreaterThan(0);
    expect(slow.map((s) => ({ ...s, link: s.link.slice(0, 2000) }))).toEqual([]);
  });
});
