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
  type RunProgress,
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
const trusted = { trusted: true, onProgress: () => {} };
const untrusted = { trusted: false, onProgress: () => {} };

describe("simulation runner: where a run happens", () => {
  it("runs a lesson synchronously on the main thread, without a worker", () => {
    const { runner, workers } = setup();
    const start = runner.run(lesson(), trusted);
    expect(start.kind).toBe("done");
    if (start.kind === "done") expect(start.simulation.digest()).toBe(simulate(lesson().model).digest());
    expect(workers.started).toEqual([]);
  });

  it("keeps a trusted scenario of exactly MAIN_THREAD_MAX_RECORDS records on the main thread", () => {
    const { runner, workers } = setup();
    expect(runner.run(large(MAIN_THREAD_MAX_RECORDS), trusted).kind).toBe("done");
    expect(workers.started).toEqual([]);
  });

  it("sends a trusted scenario with more records to a worker", () => {
    const { runner, workers } = setup();
    expect(runner.run(large(), trusted).kind).toBe("running");
    expect(workers.started).toHaveLength(1);
  });

  it("sends an untrusted scenario to a worker however small, since its cost is not known before it runs", async () => {
    const { runner, workers, services } = setup();
    const small = loaded(generatedScenario(10));
    const simulation = running(runner.run(small, untrusted));
    expect(workers.started[0]!.requests).toEqual([{ type: "run", scenario: small.scenario }]);
    workers.started[0]!.answer();
    expect((await simulation).digest()).toBe(simulate(small.model).digest());
    expect(services.simulate).not.toHaveBeenCalled();
  });

  it("sends a larger scenario's JSON to a worker and opens its recording with the page's model", async () => {
    const { runner, workers, services } = setup();
    const scenario = large();
    const simulation = running(runner.run(scenario, untrusted));
    expect(workers.started).toHaveLength(1);
    const worker = workers.started[0]!;
    expect(worker.requests).toEqual([{ type: "run", scenario: scenario.scenario }]);
    worker.answer();
    const opened = await simulation;
    expect(opened.model).toBe(scenario.model);
    expect(opened.digest()).toBe(simulate(scenario.model).digest());
    expect(services.simulate).not.toHaveBeenCalledWith(scenario.model);
  });

  it("keeps a worker that answered for the next run, instead of starting another", async () => {
    const { runner, workers } = setup();
    const first = running(runner.run(large(), untrusted));
    workers.started[0]!.answer();
    await first;
    expect(workers.started[0]!.terminated).toBe(false);
    const second = running(runner.run(loaded(generatedScenario(5)), untrusted));
    expect(workers.started).toHaveLength(1);
    expect(workers.started[0]!.requests).toHaveLength(2);
    workers.started[0]!.answer();
    expect((await second).stepCount).toBeGreaterThan(0);
  });

  it("passes progress on as the share of records sent or of the step limit, whichever is further", async () => {
    const { runner, workers } = setup();
    const seen: RunProgress[] = [];
    const scenario = loaded({
      ...generatedScenario(MAIN_THREAD_MAX_RECORDS + 1),
      limits: { maxSteps: 1_000_000 },
    });
    const simulation = running(runner.run(scenario, { trusted: false, onProgress: (p) => seen.push(p) }));
    const worker = workers.started[0]!;
    worker.reply({ type: "progress", done: 5_000, total: 20_001, steps: 50_000 });
    worker.reply({ type: "progress", done: 6_000, total: 20_001, steps: 600_000 });
    expect(seen).toEqual([
      { fraction: 5_000 / 20_001, steps: 50_000 },
      { fraction: 0.6, steps: 600_000 },
    ]);
    worker.answer();
    await simulation;
  });

  it("runs on the main thread where there are no workers, or when one cannot start", () => {
    expect(setup(null).runner.run(large(), untrusted).kind).toBe("done");
    const refused = setup(() => {
      throw new Error("blocked by the content security policy");
    });
    expect(refused.runner.run(large(), untrusted).kind).toBe("done");
  });
});

describe("simulation runner: cancelling", () => {
  it("terminates the worker still running when a newer scenario is run, and ignores its late replies", async () => {
    const { runner, workers } = setup();
    const progress: number[] = [];
    const first = running(
      runner.run(large(), { trusted: false, onProgress: (p) => progress.push(p.fraction) }),
    );
    const second = running(runner.run(large(MAIN_THREAD_MAX_RECORDS + 2), untrusted));
    const [old, fresh] = workers.started;
    expect(old!.terminated).toBe(true);
    await expect(first).rejects.toBeInstanceOf(RunCancelledError);
    old!.reply({ type: "progress", done: 1, total: 2, steps: 50_000 });
    old!.answer();
    expect(progress).toEqual([]);
    expect(fresh!.terminated).toBe(false);
    fresh!.answer();
    expect((await second).stepCount).toBeGreaterThan(0);
  });

  it("cancels a worker run when a small scenario is run after it", async () => {
    const { runner, workers } = setup();
    const first = running(runner.run(large(), untrusted));
    expect(runner.run(lesson(), trusted).kind).toBe("done");
    expect(workers.started[0]!.terminated).toBe(true);
    await expect(first).rejects.toBeInstanceOf(RunCancelledError);
  });

  it("cancels on request, and cancelling with nothing running does nothing", async () => {
    const { runner, workers } = setup();
    runner.cancel();
    const first = running(runner.run(large(), untrusted));
    runner.cancel();
    expect(workers.started[0]!.terminated).toBe(true);
    await expect(first).rejects.toBeInstanceOf(RunCancelledError);
  });

  it("starts a fresh worker after a cancelled one, and does not terminate a worker that already answered", async () => {
    const { runner, workers } = setup();
    const first = running(runner.run(large(), untrusted));
    runner.cancel();
    await expect(first).rejects.toBeInstanceOf(RunCancelledError);
    const second = running(runner.run(large(), untrusted));
    expect(workers.started).toHaveLength(2);
    workers.started[1]!.answer();
    await second;
    runner.cancel();
    expect(workers.started[1]!.terminated).toBe(false);
  });
});

describe("simulation runner: failures", () => {
  it("throws a main-thread run's SimulationError synchronously, as simulate does", () => {
    const { runner } = setup();
    const scenario = loaded({ ...generatedScenario(10), limits: { maxSteps: 5 } });
    expect(() => runner.run(scenario, trusted)).toThrow(SimulationError);
  });

  it("rejects with a SimulationError when the worker's run reached a limit", async () => {
    const { runner, workers } = setup();
    const scenario = large();
    const simulation = running(runner.run(scenario, untrusted));
    workers.started[0]!.reply({ type: "failed", failure: { kind: "simulation", message: "too many steps" } });
    await expect(simulation).rejects.toEqual(new SimulationError("too many steps"));
  });

  it("rejects with a RunFailedError for the worker's validation errors or a crash", async () => {
    const { runner, workers } = setup();
    const invalid = running(runner.run(large(), untrusted));
    workers.started[0]!.reply({
      type: "failed",
      failure: { kind: "scenario", errors: [{ path: "title", message: "too short" }] },
    });
    await expect(invalid).rejects.toMatchObject({
      failure: { kind: "scenario", errors: [{ path: "title", message: "too short" }] },
    });

    // The worker that answered runs the next request; it crashes, and is not used again.
    const crashed = running(runner.run(large(), untrusted));
    workers.started[0]!.crash("it could not start");
    await expect(crashed).rejects.toBeInstanceOf(RunFailedError);
    await expect(crashed).rejects.toThrow("the simulation worker failed: it could not start");
    expect(workers.started[0]!.terminated).toBe(true);
    void running(runner.run(large(), untrusted));
    expect(workers.started).toHaveLength(2);
  });
});
