import { describe, expect, it } from "vitest";
import type { Simulation } from "../engine";
import { recordPlaces } from "./flight";
import { labServices } from "./labServices";
import { subtopologyTopics, taskOfStep } from "./stepTask";

function lessonSimulation(id: string): Simulation {
  const lesson = labServices.lessons.find((l) => l.id === id)!;
  const loaded = labServices.load(lesson.scenario);
  if (!loaded.ok) throw new Error("lesson does not load");
  return labServices.simulate(loaded.model);
}

describe("the task a step ran in", () => {
  const simulation = lessonSimulation("repartition-after-selectkey");
  const places = recordPlaces(simulation);

  it("splits the repartitioned topology into sub-topologies reading different topics", () => {
    const topics = subtopologyTopics(simulation);
    expect(topics.size).toBe(simulation.graph.subtopologyCount);
    expect(topics.size).toBeGreaterThan(1);
  });

  it("puts every node step in a task of the node's sub-topology that reads the record's partition", () => {
    let checked = 0;
    for (let i = 0; i < simulation.stepCount; i++) {
      const step = simulation.step(i);
      if (!("node" in step)) continue;
      const task = taskOfStep(simulation, places, step);
      const node = simulation.graph.nodes.find((n) => n.id === step.node)!;
      expect(task, `step ${i}`).not.toBeNull();
      expect(task!.startsWith(`${node.subtopology}_`)).toBe(true);
      expect(simulation.graph.tasks.some((t) => t.id === task)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("runs a written record in the task of the partition it was read from, not the one it is written to", () => {
    for (let i = 0; i < simulation.stepCount; i++) {
      const step = simulation.step(i);
      if (step.kind !== "recordWritten") continue;
      // Its fetch is the nearest earlier fetch in the same sub-topology (records are processed depth first).
      let fetched: string | null = null;
      for (let j = i - 1; j >= 0 && fetched === null; j--) {
        const earlier = simulation.step(j);
        if (earlier.kind === "recordFetched" || earlier.kind === "recordRefetched") fetched = earlier.task;
      }
      expect(taskOfStep(simulation, places, step)).toBe(fetched);
    }
  });

  it("has no task for steps at no node", () => {
    for (let i = 0; i < simulation.stepCount; i++) {
      const step = simulation.step(i);
      if (step.kind === "recordAppended" || step.kind === "offsetCommitted")
        expect(taskOfStep(simulation, places, step)).toBeNull();
    }
  });
});
