import { describe, expect, it } from "vitest";
import type { Simulation } from "../engine";
import { labServices } from "./labServices";
import { narrationSegments } from "./narrationEntities";

function lessonSimulation(id: string): Simulation {
  const lesson = labServices.lessons.find((l) => l.id === id)!;
  const loaded = labServices.load(lesson.scenario);
  if (!loaded.ok) throw new Error("lesson does not load");
  return labServices.simulate(loaded.model);
}

describe("names in the narration", () => {
  const simulation = lessonSimulation("repartition-after-selectkey");
  const linked = (text: string) =>
    narrationSegments(simulation, text)
      .filter((s) => s.entity)
      .map((s) => s.text);

  it("finds a partition before its topic, and instances and tasks", () => {
    const text = "instance-2 polled customers-1 offset 0 for task 1_1, which owns partition 1.";
    expect(linked(text)).toEqual(["instance-2", "customers-1", "1_1"]);
    const partition = narrationSegments(simulation, text).find((s) => s.text === "customers-1")!;
    expect(partition.entity?.topic).toEqual({ topic: "customers", partition: 1 });
    expect(narrationSegments(simulation, text).find((s) => s.text === "instance-2")?.entity?.instance).toBe(
      "instance-2",
    );
  });

  it("links a table that shares its topic's name to both", () => {
    const customers = narrationSegments(simulation, "table customers stored").find((s) => s.entity)!;
    expect(customers.entity?.nodes).toEqual(["customers"]);
    expect(customers.entity?.topic).toEqual({ topic: "customers", partition: null });
  });

  it("matches whole names only, and nothing inside a record's JSON", () => {
    expect(linked("instance-2-1 rejoined")).toEqual([]);
    expect(linked('v={"orders":"customers"} to orders-0')).toEqual(["orders-0"]);
  });

  it("keeps the text intact, for every narration of the run", () => {
    for (let i = 0; i < simulation.stepCount; i++) {
      const text = simulation.narrate(i);
      const segments = narrationSegments(simulation, text);
      expect(segments.map((s) => s.text).join("")).toBe(text);
    }
  });

  it("links the longest names in a repartition's narration", () => {
    const text =
      "repartition enrich-left-repartition wrote k=c4 to payments-shop-enrich-left-repartition-0: re-hashed";
    expect(linked(text)).toEqual(["enrich-left-repartition", "payments-shop-enrich-left-repartition-0"]);
  });
});
