import { describe, expect, it } from "vitest";
import { openSimulation, recordedBuffers, simulate } from "../engine";
import { loadScenario } from "../scenario";
import { lessons } from "../scenario/lessons";
import { answerRunRequest, type RunReply } from "./simulationProtocol";
import { generatedScenario } from "./testing/fakeWorker";

function answers(scenario: unknown): { reply: RunReply; transfer: ArrayBuffer[] }[] {
  const out: { reply: RunReply; transfer: ArrayBuffer[] }[] = [];
  answerRunRequest({ type: "run", scenario }, (reply, transfer) => out.push({ reply, transfer }));
  return out;
}

function modelOf(scenario: unknown) {
  const loaded = loadScenario(scenario);
  if (!loaded.ok) throw new Error("the scenario does not load");
  return loaded.model;
}

describe("the simulation worker's answer", () => {
  it("is the recorded run, with its buffers in the transfer list, that opens into the same simulation", () => {
    const scenario = lessons[0]!.scenario;
    const [only, ...more] = answers(scenario);
    expect(more).toEqual([]);
    if (only?.reply.type !== "recorded") throw new Error(`expected a recording, got ${only?.reply.type}`);
    expect(only.transfer).toEqual(recordedBuffers(only.reply.recorded));
    const delivered = structuredClone(only.reply, { transfer: only.transfer });
    if (delivered.type !== "recorded") throw new Error("unreachable");
    const model = modelOf(scenario);
    expect(openSimulation(model, delivered.recorded).digest()).toBe(simulate(model).digest());
  });

  it("reports progress in records before a long run's recording", () => {
    const replies = answers(generatedScenario(30_000)).map((a) => a.reply);
    const progress = replies.filter((r) => r.type === "progress");
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.total === 30_000 && p.done > 0 && p.done <= 30_000)).toBe(true);
    expect(replies.at(-1)?.type).toBe("recorded");
  });

  it("is the validation errors for an invalid scenario", () => {
    const [only] = answers({ version: 1, title: "" });
    expect(only?.reply).toMatchObject({ type: "failed", failure: { kind: "scenario" } });
    expect(only?.transfer).toEqual([]);
  });

  it("is the SimulationError's message when a limit is reached, not a thrown error", () => {
    const scenario = { ...generatedScenario(100), limits: { maxSteps: 50 } };
    const replies = answers(scenario).map((a) => a.reply);
    expect(replies).toEqual([
      { type: "failed", failure: { kind: "simulation", message: expect.stringMatching(/limits\.maxSteps/) } },
    ]);
  });
});
