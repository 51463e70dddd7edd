import { describe, expect, it } from "vitest";
import type { Simulation } from "../engine";
import { labServices } from "./labServices";
import { ownershipKey, physicalGroups } from "./physicalView";

function lessonSimulation(id: string): Simulation {
  const lesson = labServices.lessons.find((l) => l.id === id)!;
  const loaded = labServices.load(lesson.scenario);
  if (!loaded.ok) throw new Error("lesson does not load");
  return labServices.simulate(loaded.model);
}

describe("the physical view's groups", () => {
  const simulation = lessonSimulation("crash-recovery");

  it("puts every task nobody owns yet in the unassigned group at the start", () => {
    const groups = physicalGroups(simulation, simulation.frameAt(0));
    const unassigned = groups.find((g) => g.instance === null);
    expect(unassigned?.tasks.map((t) => t.id).sort()).toEqual(simulation.graph.tasks.map((t) => t.id).sort());
    expect(unassigned?.index).toBe(-1);
  });

  it("groups each task under its owner at every frame, with a copy of each node of its sub-topology", () => {
    for (let cursor = 0; cursor <= simulation.stepCount; cursor += 7) {
      const frame = simulation.frameAt(cursor);
      const groups = physicalGroups(simulation, frame);
      const seen = groups.flatMap((g) => g.tasks.map((t) => t.id)).sort();
      expect(seen).toEqual(frame.tasks.map((t) => t.id).sort());
      for (const group of groups)
        for (const task of group.tasks) {
          expect(frame.tasks.find((t) => t.id === task.id)?.instance ?? null).toBe(group.instance);
          const expected = simulation.graph.nodes
            .filter((n) => n.subtopology === task.subtopology)
            .map((n) => n.id);
          expect(task.nodes).toEqual(expected);
        }
    }
  });

  it("moves the crashed instance's tasks to the survivor after the rebalance, keeping it shown as stopped", () => {
    // The first frame after the crash where the survivor owns every task.
    const after = (cursor: number) => {
      const frame = simulation.frameAt(cursor);
      const running = new Set(frame.instances.filter((i) => i.running).map((i) => i.name));
      return (
        running.size < frame.instances.length &&
        frame.tasks.every((t) => t.instance !== null && running.has(t.instance))
      );
    };
    let cursor = 0;
    while (cursor < simulation.stepCount && !after(cursor)) cursor++;
    const last = simulation.frameAt(cursor);
    const groups = physicalGroups(simulation, last);
    const stopped = last.instances.filter((i) => !i.running);
    expect(stopped.length).toBeGreaterThan(0);
    for (const instance of stopped) {
      const group = groups.find((g) => g.instance === instance.name);
      expect(group?.running).toBe(false);
      expect(group?.stopped).toBe("crashed");
      expect(group?.tasks).toEqual([]);
    }
    const running = groups.filter((g) => g.running);
    expect(running.flatMap((g) => g.tasks).length).toBe(simulation.graph.tasks.length);
  });

  it("changes the layout key only when ownership changes", () => {
    let keys = 0;
    let previous = "";
    for (let cursor = 0; cursor <= simulation.stepCount; cursor++) {
      const key = ownershipKey(physicalGroups(simulation, simulation.frameAt(cursor)));
      if (key !== previous) keys++;
      previous = key;
    }
    expect(keys).toBeGreaterThan(1);
    expect(keys).toBeLessThan(simulation.stepCount / 4);
  });
});
