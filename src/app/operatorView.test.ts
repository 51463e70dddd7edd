import { describe, expect, it } from "vitest";
import { labServices } from "./labServices";
import { operatorView } from "./operatorView";

function lesson(id: string) {
  const loaded = labServices.load(labServices.lessons.find((l) => l.id === id)!.scenario);
  if (!loaded.ok) throw new Error(`${id} does not load`);
  return { scenario: loaded.scenario, simulation: labServices.simulate(loaded.model) };
}

describe("operator view", () => {
  it("shows a Flink windowed operator's watermark per task, and a source's", () => {
    const { scenario, simulation } = lesson("tumbling-flink");
    const end = simulation.frameAt(simulation.stepCount);
    const count = operatorView(simulation, scenario, end, { node: "count", task: null })!;
    expect(count.time).toBe("watermark");
    expect(count.windowed).toBe(true);
    expect(count.tasks.map((t) => t.timeMs)).toEqual(end.tasks.map((t) => t.watermarks.count));
    expect(count.tasks.every((t) => typeof t.timeMs === "number")).toBe(true);
    expect(count.counters).toEqual(end.counters.count);
    const source = scenario.app.topology.find((n) => n.op === "source")!.id;
    expect(operatorView(simulation, scenario, end, { node: source, task: null })!.time).toBe("watermark");
  });

  it("shows one task's copy with that task's counters and windows only", () => {
    const { scenario, simulation } = lesson("watermarks-parallel");
    const end = simulation.frameAt(simulation.stepCount);
    const windowed = simulation.graph.nodes.find((n) => n.op === "windowedAggregate")!;
    const tasks = end.tasks.filter((t) => t.counters[windowed.id] !== undefined);
    expect(tasks.length).toBeGreaterThan(1);
    const task = tasks[1]!;
    const copy = operatorView(simulation, scenario, end, { node: windowed.id, task: task.id })!;
    expect(copy.tasks.map((t) => t.task)).toEqual([task.id]);
    expect(copy.counters).toEqual(task.counters[windowed.id]);
    expect(copy.tasks[0]!.windows).toEqual(
      end.windows.filter((w) => w.node === windowed.id && w.task === task.id),
    );
    expect(copy.tasks[0]!.timeMs).toBe(task.watermarks[windowed.id]);
    expect(copy.time).toBe("watermark");
    // The node as a whole: every task, and the total.
    const whole = operatorView(simulation, scenario, end, { node: windowed.id, task: null })!;
    expect(whole.tasks.map((t) => t.task)).toEqual(tasks.map((t) => t.id));
    expect(whole.counters).toEqual(end.counters[windowed.id]);
  });

  it("describes a node the topology added from what it reads or writes, and knows no unknown node", () => {
    for (const id of ["repartition-after-selectkey", "copartitioned-join", "wrong-partitioner-join"]) {
      const { scenario, simulation } = lesson(id);
      const frame = simulation.frameAt(0);
      const declared = new Set(scenario.app.topology.map((n) => n.id));
      for (const node of simulation.graph.nodes.filter((n) => !declared.has(n.id))) {
        const view = operatorView(simulation, scenario, frame, { node: node.id, task: null })!;
        expect(view.generated).toBe(true);
        expect(view.settings.map((s) => s.name)).toEqual([node.op === "source" ? "topics" : "topic"]);
      }
    }
    const { scenario, simulation } = lesson("tumbling-grace");
    expect(
      operatorView(simulation, scenario, simulation.frameAt(0), { node: "nope", task: null }),
    ).toBeNull();
    const sink = operatorView(simulation, scenario, simulation.frameAt(0), { node: "out", task: null })!;
    expect(sink.generated).toBe(false);
    expect(sink.time).toBeNull();
    expect(sink.settings).toEqual([
      { name: "from", value: "count" },
      { name: "topic", value: "clicks-per-user" },
    ]);
  });
});
