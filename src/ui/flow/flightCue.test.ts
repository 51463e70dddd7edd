import { describe, expect, it } from "vitest";
import { flightOf, recordPlaces } from "../../app/flight";
import { labServices } from "../../app/labServices";
import { keyColorsFor } from "../keyColor";
import { instanceColor } from "../panels/instanceColor";
import { flightCue } from "./flightCue";

function lesson(id: string) {
  const loaded = labServices.load(labServices.lesson(id)!.scenario);
  if (!loaded.ok) throw new Error(`${id} does not load`);
  return labServices.simulate(loaded.model);
}

describe("flightCue", () => {
  const simulation = lesson("crash-recovery");
  const places = recordPlaces(simulation);

  it("gives a processed record its task's partition and the colour of the instance that runs the task", () => {
    let checked = 0;
    for (let i = 0; i < simulation.stepCount; i++) {
      const step = simulation.step(i);
      if (step.kind !== "recordProcessed") continue;
      checked++;
      const frame = simulation.frameAt(i + 1);
      const flight = flightOf(simulation, places, step)!;
      const task = flight.path.flatMap((a) => (a.kind === "node" && a.task ? [a.task] : []))[0]!;
      const owner = frame.tasks.find((t) => t.id === task)!.instance!;
      const cue = flightCue(flight, frame, keyColorsFor([]));
      expect(cue.partition).toBe(Number(task.split("_")[1]));
      expect(cue.instanceColor).toBe(instanceColor(frame.instances.findIndex((x) => x.name === owner)));
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("gives a produced record the partition it is sent to and no instance", () => {
    const step = Array.from({ length: simulation.stepCount }, (_, i) => simulation.step(i)).find(
      (s) => s.kind === "recordProduced",
    )!;
    if (step.kind !== "recordProduced") throw new Error("no send");
    const cue = flightCue(
      flightOf(simulation, places, step)!,
      simulation.frameAt(step.step + 1),
      keyColorsFor([]),
    );
    expect(cue).toMatchObject({ partition: step.partition, instanceColor: null });
  });
});
