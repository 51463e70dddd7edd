import { describe, expect, it } from "vitest";
import { labServices } from "./labServices";
import { formatOperatorRef, resolveOperatorRef, sameOperator } from "./operatorSelection";

function lessonSimulation(id: string) {
  const loaded = labServices.load(labServices.lessons.find((l) => l.id === id)!.scenario);
  if (!loaded.ok) throw new Error(`${id} does not load`);
  return labServices.simulate(loaded.model);
}

describe("operator references", () => {
  // repartition-after-selectkey: two sub-topologies, cut at the repartition topic.
  const simulation = lessonSimulation("repartition-after-selectkey");
  const { graph } = simulation;
  const node = graph.nodes[0]!;
  const task = graph.tasks.find((t) => t.subtopology === node.subtopology)!;
  const otherTask = graph.tasks.find((t) => t.subtopology !== node.subtopology)!;

  it("resolves a node, and a task's copy of it, and formats them back", () => {
    expect(resolveOperatorRef(simulation, node.id)).toEqual({
      ok: true,
      selection: { node: node.id, task: null },
    });
    const copy = resolveOperatorRef(simulation, `${node.id}@${task.id}`);
    expect(copy).toEqual({ ok: true, selection: { node: node.id, task: task.id } });
    if (copy.ok) expect(formatOperatorRef(copy.selection)).toBe(`${node.id}@${task.id}`);
  });

  it("names what is wrong with a reference that selects nothing", () => {
    expect(resolveOperatorRef(simulation, "nope")).toEqual({
      ok: false,
      problem: { kind: "unknownNode", node: "nope" },
    });
    expect(resolveOperatorRef(simulation, `${node.id}@9_9`)).toEqual({
      ok: false,
      problem: { kind: "unknownTask", node: node.id, task: "9_9" },
    });
    // A task that exists but runs another sub-topology has no copy of the node.
    expect(resolveOperatorRef(simulation, `${node.id}@${otherTask.id}`)).toEqual({
      ok: false,
      problem: { kind: "unknownTask", node: node.id, task: otherTask.id },
    });
    for (const ref of ["", "a b", "x@", "x@0", "x@0_0@1", "__proto__@0_0x", "<script>"]) {
      expect(resolveOperatorRef(simulation, ref)).toEqual({ ok: false, problem: { kind: "malformed", ref } });
    }
    const hostile = resolveOperatorRef(simulation, "%".repeat(500));
    expect(hostile.ok).toBe(false);
    if (!hostile.ok && hostile.problem.kind === "malformed") expect(hostile.problem.ref.length).toBe(81);
  });

  it("compares selections by node and task", () => {
    expect(sameOperator({ node: "a", task: null }, { node: "a", task: null })).toBe(true);
    expect(sameOperator({ node: "a", task: "0_0" }, { node: "a", task: null })).toBe(false);
    expect(sameOperator(null, null)).toBe(true);
    expect(sameOperator({ node: "a", task: null }, null)).toBe(false);
  });
});
