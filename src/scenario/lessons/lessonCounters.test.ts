/**
 * The counters of every built-in lesson, at every step: each node's logical counters are its task copies' summed
 * (joins, tables, repartitions, crashes and Flink watermarks included), and only windowed operators count late
 * records.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../engine";
import { loadScenario } from "../loadScenario";
import { lessons } from "./index";

describe("a built-in lesson's counters", () => {
  for (const lesson of lessons) {
    it(`${lesson.id}: sum over the tasks to each node's, at every step`, () => {
      const loaded = loadScenario(lesson.scenario);
      if (!loaded.ok) throw new Error(`${lesson.id} does not load`);
      const sim = simulate(loaded.model);
      for (let cursor = 0; cursor <= sim.stepCount; cursor++) {
        const frame = sim.frameAt(cursor);
        for (const node of sim.graph.nodes) {
          const sum = { in: 0, out: 0, dropped: 0, late: 0 };
          for (const task of frame.tasks) {
            const c = task.counters[node.id];
            if (!c) continue;
            sum.in += c.in;
            sum.out += c.out;
            sum.dropped += c.dropped;
            sum.late += c.late;
          }
          expect(sum, `${node.id} at ${cursor}`).toEqual(frame.counters[node.id]);
          if (node.op !== "windowedAggregate") expect(sum.late).toBe(0);
        }
      }
    });
  }

  it("tumbling-grace: the late record is counted late and dropped at the window operator", () => {
    const loaded = loadScenario(lessons.find((l) => l.id === "tumbling-grace")!.scenario);
    if (!loaded.ok) throw new Error("tumbling-grace does not load");
    const sim = simulate(loaded.model);
    expect(sim.frameAt(sim.stepCount).counters.count).toEqual({ in: 6, out: 1, dropped: 1, late: 1 });
  });
});
