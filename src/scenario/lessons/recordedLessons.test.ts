import { describe, expect, it } from "vitest";
import { openSimulation, recordRun, simulate } from "../../engine";
import { loadScenario } from "../loadScenario";
import { lessons } from "./index";

// What the lab does with a long run: record it on a worker, structured-clone the recording back, open it on the
// page with the page's own model. The result must be the very simulation the page would have computed itself.
describe("a built-in lesson recorded, cloned and reopened", () => {
  for (const lesson of lessons) {
    it(`${lesson.id}: has the same digest, narration and frames as simulate`, () => {
      const loaded = loadScenario(lesson.scenario);
      if (!loaded.ok) throw new Error(`${lesson.id} does not load`);
      const direct = simulate(loaded.model);
      // The worker compiles its own model from the scenario; the page opens the recording with another one.
      const recordedOnWorker = loadScenario(structuredClone(loaded.scenario));
      if (!recordedOnWorker.ok) throw new Error(`${lesson.id} does not load twice`);
      const opened = openSimulation(loaded.model, structuredClone(recordRun(recordedOnWorker.model)));

      expect(opened.digest()).toBe(direct.digest());
      expect(opened.stepCount).toBe(direct.stepCount);
      expect(opened.logs).toEqual(direct.logs);
      for (let i = 0; i < direct.stepCount; i++) {
        expect(opened.step(i)).toEqual(direct.step(i));
        expect(opened.narrate(i)).toBe(direct.narrate(i));
      }
      for (let cursor = 0; cursor <= direct.stepCount; cursor++) {
        expect(opened.frameAt(cursor)).toEqual(direct.frameAt(cursor));
      }
    });
  }
});
