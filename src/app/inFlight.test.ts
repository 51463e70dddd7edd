import { describe, expect, it } from "vitest";
import { simulate } from "../engine";
import { lessons } from "../scenario/lessons";
import { loadScenario } from "../scenario/loadScenario";
import { recordsInFlight } from "./inFlight";

describe("records in flight", () => {
  const loaded = loadScenario(lessons.find((l) => l.id === "crash-recovery")!.scenario);
  if (!loaded.ok) throw new Error("lesson does not load");
  const sim = simulate(loaded.model);

  it("counts nothing before anything is sent and after everything is processed", () => {
    expect(recordsInFlight(sim.frameAt(0))).toEqual({ sending: 0, waiting: 0 });
    expect(recordsInFlight(sim.frameAt(sim.stepCount))).toEqual({ sending: 0, waiting: 0 });
  });

  it("counts the records a crashed instance left unprocessed until its task moves", () => {
    const steps = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
    const beforeExpiry = steps.findIndex(
      (s) => s.kind === "groupChanged" && s.event.kind === "sessionExpired",
    );
    const frame = sim.frameAt(beforeExpiry);
    const partition = frame.tasks.find((t) => t.id === "0_1")!.partitions[0]!;
    expect(recordsInFlight(frame).waiting).toBeGreaterThanOrEqual(partition.logEnd - partition.processed);
    expect(partition.logEnd - partition.processed).toBeGreaterThan(0);
  });
});
