import { describe, expect, it } from "vitest";
import { type Simulation, simulate } from "../engine";
import { lessons } from "../scenario/lessons";
import { loadScenario } from "../scenario/loadScenario";
import { followedRecord, nextInLineage, nextTick } from "./stepUnits";

function lesson(id: string): Simulation {
  const loaded = loadScenario(lessons.find((l) => l.id === id)!.scenario);
  if (!loaded.ok) throw new Error("lesson does not load");
  return simulate(loaded.model);
}

describe("stepping by wall-clock tick", () => {
  const sim = lesson("transformations");
  const time = (cursor: number) => sim.step(cursor - 1).timeMs;

  it("lands after the last step of the next instant, then the one after", () => {
    const first = nextTick(sim, 0, "next")!;
    expect(time(first)).toBe(0);
    expect(sim.step(first).timeMs).toBeGreaterThan(0);
    const second = nextTick(sim, first, "next")!;
    expect(time(second)).toBe(sim.step(first).timeMs);
    expect(second === sim.stepCount || sim.step(second).timeMs > time(second)).toBe(true);
  });

  it("goes back to the end of the previous instant, and to 0 before the first", () => {
    const second = nextTick(sim, nextTick(sim, 0, "next")!, "next")!;
    expect(nextTick(sim, second, "previous")).toBe(nextTick(sim, 0, "next"));
    expect(nextTick(sim, nextTick(sim, 0, "next")!, "previous")).toBe(0);
    expect(nextTick(sim, 0, "previous")).toBeNull();
    expect(nextTick(sim, sim.stepCount, "next")).toBeNull();
  });
});

describe("stepping along one record", () => {
  const sim = lesson("transformations");

  it("follows the selected record's lineage forwards and backwards", () => {
    const record = sim.logs.orders![0]![0]!.record;
    const lineage = sim.lineage(record);
    expect(nextInLineage(sim, 0, "next", record)).toBe(lineage[0]! + 1);
    expect(nextInLineage(sim, lineage[0]! + 1, "next", record)).toBe(lineage[1]! + 1);
    expect(nextInLineage(sim, lineage[1]! + 1, "previous", record)).toBe(lineage[0]! + 1);
    expect(nextInLineage(sim, lineage[0]! + 1, "previous", record)).toBeNull();
    expect(nextInLineage(sim, lineage.at(-1)! + 1, "next", record)).toBeNull();
  });

  it("follows the shown step's record when none is selected", () => {
    let at = 0;
    while (sim.step(at).kind !== "recordProduced") at++;
    const produced = sim.step(at);
    // At the start (group steps name no record) it looks ahead to the first step that names one.
    expect(followedRecord(sim, 0, null)).toBe("record" in produced ? produced.record : -1);
    expect(followedRecord(sim, at + 1, null)).toBe("record" in produced ? produced.record : -1);
    expect(followedRecord(sim, at + 1, 7)).toBe(7);
  });
});
