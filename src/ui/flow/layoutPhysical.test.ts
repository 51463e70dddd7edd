import { describe, expect, it } from "vitest";
import { labServices } from "../../app/labServices";
import { physicalGroups } from "../../app/physicalView";
import { dagrePlacer } from "./dagrePlacer";
import { groupColumns, layoutPhysical } from "./layoutPhysical";
import { flowId, layoutTopology } from "./layoutTopology";

function lesson(id: string) {
  const found = labServices.lessons.find((l) => l.id === id)!;
  const loaded = labServices.load(found.scenario);
  if (!loaded.ok) throw new Error(`${id} does not load`);
  return labServices.simulate(loaded.model);
}

describe("physical layout", () => {
  const simulation = lesson("repartition-after-selectkey");
  const frame = simulation.frameAt(simulation.stepCount);
  const groups = physicalGroups(simulation, frame);
  const layout = layoutPhysical(simulation, groups, layoutTopology(simulation, dagrePlacer));
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));

  it("puts each task's copy of a node in that task's box, inside its owner's group", () => {
    for (const task of frame.tasks) {
      const taskNode = byId.get(flowId.task(task.id))!;
      expect(taskNode.parentId).toBe(flowId.instance(task.instance));
      const spec = simulation.graph.tasks.find((t) => t.id === task.id)!;
      for (const node of simulation.graph.nodes.filter((n) => n.subtopology === spec.subtopology)) {
        expect(byId.get(flowId.copy(node.id, task.id))?.parentId).toBe(flowId.task(task.id));
      }
    }
  });

  it("keeps one node per topic, outside every group, with an edge to each task's reader", () => {
    for (const topic of simulation.graph.topics) {
      const node = byId.get(flowId.topic(topic.name))!;
      expect(node.parentId).toBeUndefined();
      for (const reader of topic.readBy)
        for (const task of frame.tasks.filter((t) =>
          t.id.startsWith(`${simulation.graph.nodes.find((n) => n.id === reader)!.subtopology}_`),
        ))
          expect(
            layout.edges.some((e) => e.source === node.id && e.target === flowId.copy(reader, task.id)),
          ).toBe(true);
    }
  });

  it("draws each read from the lane of the partition the task owns", () => {
    const reads = layout.edges.filter((e) => e.source.startsWith("topic:"));
    expect(reads.length).toBeGreaterThan(0);
    for (const e of reads) expect(e.sourceHandle).toBe(`p${e.target.split("_").at(-1)}`);
  });

  it("lists parents before their children, as React Flow needs", () => {
    const seen = new Set<string>();
    for (const node of layout.nodes) {
      if (node.parentId) expect(seen.has(node.parentId)).toBe(true);
      seen.add(node.id);
    }
  });

  it("gives copies absolute boxes inside their group's box, and no two groups overlap", () => {
    for (const node of layout.nodes) {
      if (node.type !== "operator") continue;
      const box = layout.boxes.get(node.id)!;
      const group = layout.boxes.get(byId.get(node.parentId!)!.parentId!)!;
      expect(box.x).toBeGreaterThanOrEqual(group.x);
      expect(box.y).toBeGreaterThanOrEqual(group.y);
      expect(box.x + box.width).toBeLessThanOrEqual(group.x + group.width);
      expect(box.y + box.height).toBeLessThanOrEqual(group.y + group.height);
    }
    const groupBoxes = layout.nodes.filter((n) => n.type === "instance").map((n) => layout.boxes.get(n.id)!);
    for (const [i, a] of groupBoxes.entries())
      for (const b of groupBoxes.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
  });

  it("sets groups side by side while that keeps the drawing about as wide as a canvas", () => {
    expect(groupColumns([200], 500, 300)).toBe(1);
    expect(groupColumns([200, 200], 400, 200)).toBe(2);
    expect(groupColumns(Array(16).fill(300), 500, 300)).toBeGreaterThan(2);
    expect(groupColumns(Array(16).fill(300), 500, 300)).toBeLessThan(16);
  });

  it("lays the same ownership out the same way, node for node", () => {
    const again = layoutPhysical(
      simulation,
      physicalGroups(simulation, simulation.frameAt(simulation.stepCount - 1)),
      layoutTopology(simulation, dagrePlacer),
    );
    expect(again.nodes.map((n) => [n.id, n.position])).toEqual(layout.nodes.map((n) => [n.id, n.position]));
  });
});
