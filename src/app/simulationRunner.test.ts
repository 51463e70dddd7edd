import { describe, expect, it, vi } from "vitest";
import { openSimulation, type Simulation, SimulationError, simulate } from "../engine";
import { loadScenario } from "../scenario";
import { lessons } from "../scenario/lessons";
import {
  createSimulationRunner,
  type LoadedScenario,
  MAIN_THREAD_MAX_RECORDS,
  RunCancelledError,
  RunFailedError,
  type RunnerServices,
  type RunStart,
} from "./simulationRunner";
import { fakeWorkers, generatedScenario } from "./testing/fakeWorker";

function loaded(scenario: unknown): LoadedScenario {
  const result = loadScenario(scenario);
  if (!result.ok) throw new Error("the scenario does not load");
  return result;
}

function setup(createWorker: RunnerServices["createWorker"] | "fake" = "fake") {
  const workers = fakeWorkers();
  const services: RunnerServices = {
    simulate: vi.fn(simulate),
    openRecorded: openSimulation,
    createWorker: createWorker === "fake" ? workers.factory : createWorker,
  };
  return { runner: createSimulationRunner(services), services, workers };
}

function running(start: RunStart): Promise<Simulation> {
  if (start.kind !== "running") throw new Error("expected a worker run");
  return start.simulation;
}

const lesson = () => loaded(lessons[0]!.scenario);
const large = (count = MAIN_THREAD_MAX_RECORDS + 1) => loaded(generatedScenario(count));

describe("simulation runner: where a run happens", () => {
  it("runs a lesson synchronously on the main thread, without a worker", () => {
    const { runner, workers } = setup();
    const start = runner.run(lesson(), () => {});
    expect(start.kind).toBe("done");
    if (start.kind === "done") expect(start.simulation.digest()).toBe(simulate(lesson().model).digest());
    expect(workers.started).toEqual([]);
  });

  it("keeps a scenario of exactly MAIN_THREAD_MAX_RECORDS records on the main thread", () => {
    const { runner, workers } = setup();
    expect(runner.run(large(MAIN_THREAD_MAX_RECORDS), () => {}).kind).toBe("done");
    expect(workers.started).toEqual([]);
  });

  it("sends a larger scenario's JSON to a worker and opens its recording with the page's model", async () => {
    const { runner, workers, services } = setup();
    const scenario = large();
    const simulation = running(runner.run(scenario, () => {}));
    expect(workers.started).toHaveLength(1);
    const worker = workers.started[0]!;
    expect(worker.requests).toEqual([{ type: "run", scenario: scenario.scenario }]);
    worker.answer();
    const opened = await simulation;
    expect(opened.model).toBe(scenario.model);
    expect(opened.digest()).toBe(simulate(scenario.model).digest());
    expect(worker.terminated).toBe(true);
    expect(services.simulate).not.toHaveBeenCalledWith(scenario.model);
  });

  it("passes progress on as a fraction of the records", async () => {
    const { runner, workers } = setup();
    const fractions: number[] = [];
    const simulation = running(runner.run(large(), (f) => fractions.push(f)));
    const worker = workers.started[0]!;
    worker.reply({ type: "progress", done: 5_000, total: 20_001 });
    worker.reply({ type: "progress", done: 10_000, total: 20_001 });
    expect(fractions).toEqual([5_000 / 20_001, 10_000 / 20_001]);
    worker.answer();
    await simulation;
  });

  it("runs on the main thread where there are no workers, or when one cannot start", () => {
    expect(setup(null).runner.run(large(), () => {}).kind).toBe("done");
    const refused = setup(() => {
      throw new Error("blocked by the content security policy");
    });
    expect(refused.runner.run(large(), () => {}).kind).toBe("done");
  });
});

describe("simulation runner: cancelling", () => {
  it("terminates the worker still running when a newer scenario is run, and ignores its late replies", async () => {
    const { runner, workers } = setup();
    const progress: number[] = [];
    const first = running(runner.run(large(), (f) => progress.push(f)));
    const second = running(runner.run(large(MAIN_THREAD_MAX_RECORDS + 2), () => {}));
    const [old, fresh] = workers.started;
    expect(old!.terminated).toBe(true);
    await expect(first).rejects.toBeInstanceOf(RunCancelledError);
    old!.reply({ type: "progress", done: 1, total: 2 });
    old!.answer();
    expect(progress).toEqual([]);
    expect(fresh!.terminated).toBe(false);
    fresh!.answer();
    expect((await second).stepCount).toBeGreaterThan(0);
  });

  it("cancels a worker run when a small scenario is run after it", async () => {
    const { runner, workers } = setup();
    const first = running(runner.run(large(), () => {}));
    expect(runner.run(lesson(), () => {}).kind).toBe("done");
    expect(workers.started[0]!.terminated).toBe(true);
    await expect(first).rejects.toBeInstanceOf(RunCancelledError);
  });

  it("cancels on request, and cancelling with nothing running does nothing", async () => {
    const { runner, workers } = setup();
    runner.cancel();
    const first = running(runner.run(large(), () => {}));
    runner.cancel();
    expect(workers.started[0]!.terminated).toBe(true);
    await expect(first).rejects.toBeInstanceOf(RunCancelledError);
  });
});

describe("simulation runner: failures", () => {
  it("throws a main-thread run's SimulationError synchronously, as simulate does", () => {
    const { runner } = setup();
    const scenario = loaded({ ...generatedScenario(10), limits: { maxSteps: 5 } });
    expect(() => runner.run(scenario, () => {})).toThrow(SimulationError);
  });

  it("rejects with a SimulationError when the worker's run reached a limit", async () => {
    const { runner, workers } = setup();
    const scenario = large();
    const simulation = running(runner.run(scenario, () => {}));
    workers.started[0]!.reply({ type: "failed", failure: { kind: "simulation", message: "too many steps" } });
    await expect(simulation).rejects.toEqual(new SimulationError("too many steps"));
    expect(workers.started[0]!.terminated).toBe(true);
  });

  it("rejects with a RunFailedError for the worker's validation errors or a crash", async () => {
    const { runner, workers } = setup();
    const invalid = running(runner.run(large(), () => {}));
    workers.started[0]!.reply({
      type: "failed",
      failure: { kind: "scenario", errors: [{ path: "title", message: "too short" }] },
    });
    await expect(invalid).rejects.toMatchObject({
      failure: { kind: "scenario", errors: [{ path: "title", message: "too short" }] },
    });

    const crashed = running(runner.run(large(), () => {}));
    workers.started[1]!.crash("it could not start");
    await expect(crashed).rejects.toBeInstanceOf(RunFailedError);
    await expect(crashed).rejects.toThrow("the simulation worker failed: it could not start");
    expect(workers.started[1]!.terminated).toBe(true);
  });
});
