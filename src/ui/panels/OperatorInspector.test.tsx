// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OperatorSelection } from "../../app/operatorSelection";
import { useKeyboardShortcuts } from "../controls/useKeyboardShortcuts";
import { type MountedLab, mountLab } from "../testing/mountLab";
import { SidePanel } from "./SidePanel";

function Panel() {
  useKeyboardShortcuts();
  return <SidePanel />;
}

let mounted: MountedLab;
const inspector = () => mounted.container.querySelector<HTMLElement>('[data-testid="operator-inspector"]');
const select = (selection: OperatorSelection | null) =>
  act(async () => mounted.lab.store.getState().operatorSelected(selection));
const goTo = (cursor: number) => act(async () => mounted.lab.store.getState().goTo(cursor));
const rows = (testId: string) =>
  [...inspector()!.querySelectorAll(`[data-testid="${testId}"] tbody tr`)].map((tr) =>
    [...tr.children].map((cell) => cell.textContent),
  );
const header = (testId: string) =>
  [...inspector()!.querySelectorAll(`[data-testid="${testId}"] thead th`)].map((th) => th.textContent);

// The panel loads the inspector lazily: have its module ready, as the page does after its first paint.
beforeAll(async () => {
  await import("./OperatorInspector");
});

beforeEach(async () => {
  mounted = await mountLab(<Panel />);
  await act(async () => mounted.lab.store.getState().lessonChosen("tumbling-grace"));
});

afterEach(async () => {
  await mounted.unmount();
});

describe("operator inspector", () => {
  it("is closed until an operator is selected", () => {
    expect(inspector()).toBeNull();
  });

  it("shows a windowed operator's kind, settings, counters per task with its stream time, and its windows", async () => {
    const { simulation } = mounted.lab.store.getState().shown!.open;
    await goTo(simulation.stepCount);
    await select({ node: "count", task: null });
    expect(inspector()!.getAttribute("aria-label")).toBe("Operator inspector");
    const fields = [...inspector()!.querySelectorAll("dt")].map((dt) => [
      dt.textContent,
      dt.nextSibling?.textContent,
    ]);
    expect(fields).toEqual([
      ["Kind", "windowedAggregate"],
      ["from", "in"],
      ["window", '{"type":"tumbling","sizeMs":10000}'],
      ["aggregate", '{"kind":"count"}'],
      ["graceMs", "2000"],
      ["emit", "onWindowClose"],
    ]);
    expect(header("operator-counters")).toEqual(["Task", "in", "out", "dropped", "late", "Stream time"]);
    expect(rows("operator-counters")).toEqual([
      ["0_0 on instance-1", "6", "1", "1", "1", "12000 ms"],
      ["all tasks", "6", "1", "1", "1", ""],
    ]);
    // One task: no task column in the windows. [0, 10000) closed and emitted once; the others still open.
    expect(header("operator-windows")).toEqual(["Key", "Window", "Value", "State"]);
    expect(rows("operator-windows")).toEqual([
      ["alice", "[0, 10000)", "3", "closed, emitted ×1"],
      ["carol", "[10000, 20000)", "1", "open"],
      ["dave", "[10000, 20000)", "1", "open"],
    ]);
  });

  it("follows the cursor: before the late record arrives nothing is late", async () => {
    await select({ node: "count", task: "0_0" });
    await goTo(41); // Step 41 is the late drop; cursor 41 is just before it, when the source took the record.
    expect(rows("operator-counters")).toEqual([["0_0 on instance-1", "5", "1", "0", "0", "12000 ms"]]);
    await goTo(42);
    expect(rows("operator-counters")).toEqual([["0_0 on instance-1", "6", "1", "1", "1", "12000 ms"]]);
    expect(inspector()!.querySelector('[data-testid="operator-total"]')).toBeNull();
    expect(inspector()!.querySelector(".inspector-where")!.textContent).toBe("count in task 0_0");
  });

  it("lists the records waiting at a source, each opening the record inspector", async () => {
    const { simulation } = mounted.lab.store.getState().shown!.open;
    // Cursor 7: the first click is fetched, not yet processed.
    await goTo(7);
    await select({ node: "in", task: null });
    expect(header("operator-counters")).toEqual(["Task", "in", "out", "dropped"]);
    const waiting = inspector()!.querySelector('[data-testid="operator-waiting"]')!;
    expect(waiting.textContent).toContain("clicks-0");
    const dots = [...waiting.querySelectorAll<HTMLButtonElement>("button")];
    expect(dots.map((d) => d.getAttribute("aria-label"))).toEqual(["clicks-0 offset 0, key alice"]);
    await act(async () => dots[0]!.click());
    expect(mounted.lab.store.getState().selection?.record).toBe(simulation.logs.clicks![0]![0]!.record);
    expect(mounted.lab.store.getState().operator).toBeNull();
    expect(inspector()).toBeNull();
  });

  it("closes with Escape and with its close button", async () => {
    await select({ node: "count", task: null });
    await act(
      async () => void window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })),
    );
    expect(inspector()).toBeNull();
    await select({ node: "count", task: null });
    await act(async () =>
      inspector()!.querySelector<HTMLButtonElement>('button[aria-label^="Close the operator"]')!.click(),
    );
    expect(inspector()).toBeNull();
    expect(mounted.lab.store.getState().operator).toBeNull();
  });

  it("says what is wrong with a link's operator, until dismissed", async () => {
    const open = mounted.lab.store.getState().shown?.open;
    const fragment = mounted.lab.services.encodeLink(open!.scenario, 3);
    await act(async () => mounted.lab.store.getState().linkOpened(`${fragment}/n=count%409_9`));
    const problem = mounted.container.querySelector('[data-testid="operator-problem"]')!;
    expect(problem.getAttribute("role")).toBe("alert");
    expect(problem.textContent).toContain(
      'This link selects "count" in task 9_9, but that task runs no copy of it.',
    );
    await act(async () => problem.querySelector("button")!.click());
    expect(mounted.container.querySelector('[data-testid="operator-problem"]')).toBeNull();
  });
});
