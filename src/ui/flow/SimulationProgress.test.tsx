// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLab, type Lab } from "../../app/createLab";
import { labServices } from "../../app/labServices";
import { fakeScheduler } from "../../app/testing/fakeScheduler";
import { type FakeWorker, fakeWorkers, generatedScenario } from "../../app/testing/fakeWorker";
import { LabProvider } from "../LabContext";
import { SimulationProgress } from "./SimulationProgress";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let lab: Lab;
let root: Root;
let container: HTMLElement;
let started: FakeWorker[];

beforeEach(async () => {
  window.history.replaceState(null, "", "/");
  const workers = fakeWorkers();
  started = workers.started;
  lab = createLab(
    { location: window.location, history: window.history, events: window, scheduler: fakeScheduler() },
    { ...labServices, createWorker: workers.factory },
  );
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<LabProvider lab={lab}>{<SimulationProgress />}</LabProvider>));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  lab.dispose();
});

const bar = () => container.querySelector('[role="progressbar"]');

describe("simulation progress", () => {
  it("shows nothing while a lesson is open", () => {
    expect(lab.store.getState().shown?.open).not.toBeNull();
    expect(bar()).toBeNull();
  });

  it("shows the title and the percentage of a long run, and goes when it opens", async () => {
    await act(async () => lab.store.getState().scenarioOpened(generatedScenario(20_500, "A long run")));
    expect(container.textContent).toContain("A long run");
    expect(bar()?.getAttribute("aria-valuenow")).toBe("0");
    expect(bar()?.getAttribute("aria-label")).toBe("Simulating A long run");

    await act(async () =>
      started[0]!.reply({ type: "progress", done: 8_610, total: 20_500, steps: 123_456 }),
    );
    expect(bar()?.getAttribute("aria-valuenow")).toBe("42");
    expect(container.textContent).toContain("Simulating… 42% · 123,456 steps");

    await act(async () => started[0]!.answer());
    expect(lab.store.getState().shown?.open.scenario.title).toBe("A long run");
    expect(bar()).toBeNull();
  });

  it("cancels the run with its Cancel button, going back to the lesson", async () => {
    const lesson = lab.store.getState().shown;
    await act(async () => lab.store.getState().scenarioOpened(generatedScenario(20_500, "A long run")));
    const cancel = [...container.querySelectorAll("button")].find((b) => b.textContent === "Cancel");
    expect(cancel?.title).toBe("Stop this simulation and go back (Escape)");
    await act(async () => cancel!.click());
    expect(started[0]!.terminated).toBe(true);
    expect(lab.store.getState()).toMatchObject({ loading: null, shown: lesson });
    expect(bar()).toBeNull();
  });
});
