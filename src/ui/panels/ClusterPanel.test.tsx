import { describe, expect, it } from "vitest";
import { type Simulation, simulate } from "../../engine";
import { lessons } from "../../scenario/lessons";
import { loadScenario } from "../../scenario/loadScenario";
import { clusterView } from "./ClusterPanel";

function lesson(id: string): Simulation {
  const loaded = loadScenario(lessons.find((l) => l.id === id)!.scenario);
  if (!loaded.ok) throw new Error("lesson does not load");
  return simulate(loaded.model);
}

/** The cursor just after the first step matching `test`. */
function cursorAfter(sim: Simulation, test: (kind: string) => boolean): number {
  for (let i = 0; i < sim.stepCount; i++) {
    const step = sim.step(i);
    if (step.kind === "groupChanged" && test(step.event.kind)) return i + 1;
  }
  throw new Error("no such step");
}

describe("clusterView", () => {
  const sim = lesson("crash-recovery");

  it("shows only the history before the cursor", () => {
    expect(clusterView(sim, sim.frameAt(0))).toMatchObject({ generations: [], lifecycle: [] });
    const afterFirst = clusterView(sim, sim.frameAt(cursorAfter(sim, (k) => k === "generationCompleted")));
    expect(afterFirst.generations.map((g) => g.generation)).toEqual([1]);
  });

  it("says a crashed instance crashed, also after its session expired", () => {
    const crashed = clusterView(sim, sim.frameAt(cursorAfter(sim, (k) => k === "memberCrashed")));
    expect(crashed.stoppedBy).toEqual({ "instance-2": "crashed" });
    const expired = clusterView(sim, sim.frameAt(cursorAfter(sim, (k) => k === "sessionExpired")));
    expect(expired.stoppedBy).toEqual({ "instance-2": "crashed" });
  });

  it("marks the tasks the latest generation moved", () => {
    const steps = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
    const second = steps.findIndex(
      (s) => s.kind === "groupChanged" && s.event.kind === "generationCompleted" && s.event.generation === 2,
    );
    expect([...clusterView(sim, sim.frameAt(second + 1)).moved]).toEqual(["0_1"]);
  });

  it("says an instance that shut down gracefully stopped, and one that has not joined yet has not started", () => {
    const ranged = lesson("assignors-range");
    const start = clusterView(
      ranged,
      ranged.frameAt(cursorAfter(ranged, (k) => k === "generationCompleted")),
    );
    expect(start.stoppedBy).toEqual({ "instance-3": "notStarted" });
    const left = clusterView(ranged, ranged.frameAt(cursorAfter(ranged, (k) => k === "memberLeft")));
    expect(left.stoppedBy).toEqual({ "instance-1": "left" });
  });
});
