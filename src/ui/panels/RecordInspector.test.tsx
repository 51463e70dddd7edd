// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLab, type Lab } from "../../app/createLab";
import { labServices } from "../../app/labServices";
import { fakeScheduler } from "../../app/testing/fakeScheduler";
import type { Simulation } from "../../engine";
import { useKeyboardShortcuts } from "../controls/useKeyboardShortcuts";
import { LabProvider } from "../LabContext";
import { lineageLines } from "./lineageLines";
import { SidePanel } from "./SidePanel";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Panel() {
  useKeyboardShortcuts();
  return <SidePanel />;
}

let lab: Lab;
let root: Root;
let container: HTMLElement;
let simulation: Simulation;

/** The first record appended to the first partition of the lesson's input topic. */
const firstRecord = () => simulation.logs.orders![1]![0]!.record;
const inspector = () => container.querySelector<HTMLElement>('[data-testid="inspector"]');
const lines = () => [...container.querySelectorAll<HTMLButtonElement>('[data-testid="lineage-step"]')];
const select = (record: number | null) => act(async () => lab.store.getState().recordSelected(record));

// The panel loads the inspector lazily: have its module ready, as the page does after its first paint.
beforeAll(async () => {
  await import("./RecordInspector");
});

beforeEach(async () => {
  window.history.replaceState(null, "", "/");
  lab = createLab(
    {
      location: window.location,
      history: window.history,
      events: window,
      scheduler: fakeScheduler(),
    },
    labServices,
  );
  simulation = lab.store.getState().shown!.open.simulation;
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<LabProvider lab={lab}>{<Panel />}</LabProvider>));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  lab.dispose();
});

describe("record inspector", () => {
  it("is closed until a record is selected", () => {
    expect(inspector()).toBeNull();
  });

  it("shows the record and one line per lineage step, with its step number, summary and narration", async () => {
    const record = firstRecord();
    await select(record);
    const lineage = simulation.lineage(record);
    const fields = [...inspector()!.querySelectorAll("dd")].map((dd) => dd.textContent);
    const version = simulation.record(record);
    expect(fields.slice(0, 3)).toEqual(["orders-1", "0", String(version.key)]);
    expect(fields[3]).toBe(JSON.stringify(version.value));
    expect(lines().map((b) => b.dataset.step)).toEqual(lineage.map((i) => String(i + 1)));
    expect(lines().map((b) => b.querySelector(".lineage-narration")!.textContent)).toEqual(
      lineage.map((i) => simulation.narrate(i)),
    );
    expect(lines()[0]!.getAttribute("aria-label")).toBe(
      `Go to step ${lineage[0]! + 1}: produced by shop to orders-1`,
    );
    expect(lines().some((b) => b.textContent!.includes("filtered out at large-only"))).toBe(true);
    expect(inspector()!.getAttribute("aria-label")).toBe("Record inspector");
  });

  it("jumps to a step when its line is pressed and highlights that line", async () => {
    await select(firstRecord());
    const target = lines()[3]!;
    await act(async () => target.click());
    expect(lab.store.getState().shown?.cursor).toBe(Number(target.dataset.step));
    const current = lines().filter((b) => b.getAttribute("aria-current") === "step");
    expect(current.map((b) => b.dataset.step)).toEqual([target.dataset.step]);
    expect(
      lines()
        .slice(4)
        .every((b) => b.classList.contains("is-future")),
    ).toBe(true);
    expect(
      lines()
        .slice(0, 4)
        .some((b) => b.classList.contains("is-future")),
    ).toBe(false);
  });

  it("closes with Escape and with its close button", async () => {
    await select(firstRecord());
    await act(
      async () => void window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })),
    );
    expect(inspector()).toBeNull();
    await select(firstRecord());
    await act(async () => container.querySelector<HTMLButtonElement>('button[aria-label^="Close"]')!.click());
    expect(inspector()).toBeNull();
  });
});

describe("lineageLines", () => {
  it("marks the step that led to the cursor as current and later steps as future", async () => {
    const record = firstRecord();
    const lineage = simulation.lineage(record);
    const cursor = lineage[2]! + 1;
    const mapped = lineageLines(simulation, { record, lineage }, cursor);
    expect(mapped.map((l) => l.step)).toEqual(lineage);
    expect(mapped.map((l) => l.current)).toEqual(lineage.map((i) => i === cursor - 1));
    expect(mapped.map((l) => l.future)).toEqual(lineage.map((i) => i >= cursor));
    expect(mapped[1]!.summary).toBe("appended to orders-1 at offset 0");
  });
});
