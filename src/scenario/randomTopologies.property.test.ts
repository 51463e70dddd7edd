/**
 * Invariants over random scenarios: random topologies (filter, flatMap, branch, merge, selectKey + repartition,
 * joins, windowed aggregations of every kind, under Kafka Streams and Flink time), random groups and assignors, and
 * faults (late joins, crashes, leaves, restarts). Every run must lose no record, duplicate only what was processed
 * after the last commit, never move time backwards, give each task one owner per generation, and give
 * byte-identical traces for the same scenario — twice, after a JSON round trip and through a share link.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recordRun, simulate } from "../engine";
import type { SimulationModel } from "../engine/model";
import { compileScenario } from "./compileScenario";
import { loadScenario } from "./loadScenario";
import { decodeShareFragment, encodeShareFragment } from "./shareUrl";
import { type ScenarioInput, scenarioArb } from "./testing/scenarioArbitraries";
import {
  allSteps,
  differingColumns,
  lostRecords,
  sharedOwnership,
  timeGoingBack,
  unexpectedDuplicates,
} from "./testing/traceInvariants";
import { validateScenario } from "./validate";

function modelOf(input: ScenarioInput): SimulationModel {
  const loaded = loadScenario(input);
  if (!loaded.ok) throw new Error(`the generator made an invalid scenario: ${JSON.stringify(loaded.errors)}`);
  return loaded.model;
}

/** Runs `check` on each random scenario's run; a violation fails with the list of problems. */
function holdsForRandomScenarios(
  check: (sim: ReturnType<typeof simulate>, steps: ReturnType<typeof allSteps>) => string[],
  numRuns: number,
) {
  fc.assert(
    fc.property(scenarioArb, (input) => {
      const sim = simulate(modelOf(input));
      const steps = allSteps(sim);
      expect(check(sim, steps)).toEqual([]);
    }),
    { numRuns },
  );
}

describe("random topologies and faults (property)", () => {
  it("are valid scenarios: the generator makes what validation accepts", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = validateScenario(input);
        expect(result.ok ? [] : result.errors).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("lose no record: every record is taken, passed on, or dropped with a reason", {
    timeout: 120_000,
  }, () => {
    holdsForRandomScenarios((sim, steps) => lostRecords(sim, steps), 60);
  });

  it("duplicate only records processed after the last commit before a failure", { timeout: 120_000 }, () => {
    holdsForRandomScenarios((sim, steps) => unexpectedDuplicates(sim, steps), 50);
  });

  it("never move stream time or watermarks backwards, across failovers too", { timeout: 120_000 }, () => {
    holdsForRandomScenarios((_sim, steps) => timeGoingBack(steps), 60);
  });

  it("give each task at most one owner per generation", { timeout: 120_000 }, () => {
    holdsForRandomScenarios((sim, steps) => sharedOwnership(sim, steps), 40);
  });

  it("give byte-identical traces twice, after a JSON round trip and through a share link", {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const model = modelOf(input);
        const first = recordRun(model);
        expect(differingColumns(first, recordRun(model))).toEqual([]);

        const roundTripped = modelOf(JSON.parse(JSON.stringify(input)) as ScenarioInput);
        expect(differingColumns(first, recordRun(roundTripped))).toEqual([]);

        const validated = validateScenario(input);
        if (!validated.ok) throw new Error("invalid");
        const decoded = decodeShareFragment(encodeShareFragment(validated.scenario, 0));
        if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
        expect(differingColumns(first, recordRun(compileScenario(decoded.scenario)))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("rebuild the same frames and narration in two runs of the same scenario", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0, max: 1, noNaN: true }), (input, where) => {
        const a = simulate(modelOf(input));
        const b = simulate(modelOf(JSON.parse(JSON.stringify(input)) as ScenarioInput));
        expect(b.stepCount).toBe(a.stepCount);
        for (const cursor of [0, Math.floor(where * a.stepCount), a.stepCount]) {
          expect(b.frameAt(cursor)).toEqual(a.frameAt(cursor));
        }
        for (let i = 0; i < Math.min(a.stepCount, 3000); i++) expect(b.narrate(i)).toBe(a.narrate(i));
      }),
      { numRuns: 20 },
    );
  });
});
