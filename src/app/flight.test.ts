import { describe, expect, it } from "vitest";
import type { Simulation, TraceStep } from "../engine";
import { flightOf, recordPlaces } from "./flight";
import { labServices } from "./labServices";

function lessonSimulation(id = labServices.lessons[0]!.id): Simulation {
  const loaded = labServices.load(labServices.lesson(id)!.scenario);
  if (!loaded.ok) throw new Error("lesson does not load");
  return labServices.simulate(loaded.model);
}

function firstStep<K extends TraceStep["kind"]>(
  simulation: Simulation,
  kind: K,
  where: (s: Extract<TraceStep, { kind: K }>) => boolean = () => true,
): Extract<TraceStep, { kind: K }> {
  for (let i = 0; i < simulation.stepCount; i++) {
    const step = simulation.step(i);
    if (step.kind === kind && where(step as Extract<TraceStep, { kind: K }>))
      return step as Extract<TraceStep, { kind: K }>;
  }
  throw new Error(`no ${kind} step`);
}

describe("flights", () => {
  const simulation = lessonSimulation();
  const places = recordPlaces(simulation);

  it("lands an appended record in its partition's lane", () => {
    const step = firstStep(simulation, "recordAppended");
    expect(flightOf(simulation, places, step)).toMatchObject({
      outcome: "appended",
      path: [{ kind: "partition", topic: step.topic, partition: step.partition, end: "tail" }],
      key: simulation.record(step.record).key,
    });
  });

  it("moves a record from the head of its partition to the source node that takes it", () => {
    const step = firstStep(simulation, "recordProcessed", (s) => s.fromNode === null);
    const place = places.get(step.input)!;
    expect(flightOf(simulation, places, step)?.path).toEqual([
      { kind: "partition", topic: place.topic, partition: place.partition, end: "head" },
      { kind: "node", id: step.node, task: `0_${place.partition}` },
    ]);
  });

  it("marks a filtered record as dropped at the filter", () => {
    const step = firstStep(simulation, "recordFiltered");
    const flight = flightOf(simulation, places, step)!;
    expect(flight.outcome).toBe("dropped");
    expect(flight.path.at(-1)).toMatchObject({ kind: "node", id: step.node });
    expect(flight.path[0]).toMatchObject({ kind: "node", id: step.fromNode });
  });

  it("carries a written record through its sink into the output partition", () => {
    const step = firstStep(simulation, "recordWritten");
    expect(flightOf(simulation, places, step)?.path).toMatchObject([
      { kind: "node", id: step.fromNode },
      { kind: "node", id: step.node },
      { kind: "partition", topic: step.topic, partition: step.partition, end: "tail" },
    ]);
  });

  it("shows the key before and after a node that re-keys", () => {
    const step = firstStep(
      simulation,
      "recordProcessed",
      (s) => simulation.record(s.input).key !== simulation.record(s.record).key,
    );
    const flight = flightOf(simulation, places, step)!;
    expect(flight.key).toBe(simulation.record(step.input).key);
    expect(flight.resultKey).toBe(simulation.record(step.record).key);
  });

  it("has no flight for steps that move no record", () => {
    const step = firstStep(simulation, "groupChanged");
    expect(flightOf(simulation, places, step)).toBeNull();
  });
});

describe("flights into a windowed node", () => {
  const simulation = lessonSimulation("hopping-windows");
  const places = recordPlaces(simulation);
  const windowNode = simulation.graph.nodes.find((n) => n.op === "windowedAggregate")!.id;
  const upstream = simulation.graph.edges.find((e) => e.to === windowNode)!.from;

  it("flies a record from the node before into the window node once, and keeps it there for its other windows", () => {
    // A record that falls into two hopping windows: two updates (each forwarded downstream in between).
    const steps = Array.from({ length: simulation.stepCount }, (_, i) => simulation.step(i));
    const updates = (input: number | null) =>
      steps.filter((s) => s.kind === "windowUpdated" && "input" in s && s.input === input);
    const first = steps.find(
      (s) => s.kind === "windowUpdated" && "input" in s && s.input !== null && updates(s.input).length > 1,
    ) as TraceStep & { input: number };
    const flight = flightOf(simulation, places, first)!;
    expect(flight.record).toBe(first.input);
    expect(flight.outcome).toBe("moved");
    expect(flight.path.map((a) => (a.kind === "node" ? a.id : a.kind))).toEqual([upstream, windowNode]);
    // Hopping windows: the same record updates a second window, without flying in again.
    const next = updates(first.input)[1]!;
    const stays = flightOf(simulation, places, next)!;
    expect(stays.path.map((a) => (a.kind === "node" ? a.id : a.kind))).toEqual([windowNode, windowNode]);
  });

  it("drops a late record at the window node", () => {
    const tumbling = lessonSimulation("tumbling-grace");
    const late = firstStep(tumbling, "recordLate") as TraceStep & { node: string };
    const flight = flightOf(tumbling, recordPlaces(tumbling), late)!;
    expect(flight.outcome).toBe("dropped");
    expect(flight.path.at(-1)).toMatchObject({ kind: "node", id: late.node });
  });

  it("moves no record for what a watermark closes", () => {
    const flink = lessonSimulation("tumbling-flink");
    const fired = Array.from({ length: flink.stepCount }, (_, i) => flink.step(i)).find(
      (s) => s.kind === "windowEmitted" && "input" in s && s.input === null,
    )!;
    expect(flightOf(flink, recordPlaces(flink), fired)).toBeNull();
  });
});
