// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Lab } from "../../app/createLab";
import { NarrationBar } from "../NarrationBar";
import { type MountedLab, mountLab } from "../testing/mountLab";
import { PlaybackControls } from "./PlaybackControls";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { useKeyboardShortcuts } from "./useKeyboardShortcuts";

function Bar() {
  useKeyboardShortcuts();
  return (
    <>
      <PlaybackControls />
      <NarrationBar />
      <ShortcutsDialog />
    </>
  );
}

let lab: Lab;
let container: HTMLElement;
let mounted: MountedLab;

beforeEach(async () => {
  mounted = await mountLab(<Bar />);
  ({ lab, container } = mounted);
});

afterEach(() => mounted.unmount());

const button = (name: string) => container.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
const dialog = () => container.querySelector<HTMLElement>('[role="dialog"]');
const indicator = () => container.querySelector('[data-testid="step-indicator"]')!.textContent;
const narration = () => container.querySelector('[data-testid="narration"]')!.textContent;
const press = (key: string, target: EventTarget = document.body) =>
  act(
    () => void target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true })),
  );

describe("keyboard shortcuts dialog", () => {
  it("opens on ?, labelled, modal, with focus inside, and closes on Escape", async () => {
    expect(dialog()).toBeNull();
    await press("?");
    const opened = dialog()!;
    expect(opened).not.toBeNull();
    expect(opened.getAttribute("aria-modal")).toBe("true");
    const title = document.getElementById(opened.getAttribute("aria-labelledby")!);
    expect(title?.textContent).toBe("Keyboard shortcuts");
    expect(opened.contains(document.activeElement)).toBe(true);
    for (const key of ["→", "←", "Space", "Home", "End", "n", "p", "Esc", "?"]) {
      expect([...opened.querySelectorAll("kbd")].map((k) => k.textContent)).toContain(key);
    }
    await press("Escape", document.activeElement!);
    expect(dialog()).toBeNull();
  });

  it("is modal: other shortcuts do nothing while it is open, Tab stays inside", async () => {
    await press("?");
    await press("ArrowRight", document.activeElement!);
    await press("n", document.activeElement!);
    expect(indicator()).toMatch(/^Step 0 \//);
    await press("Tab", document.activeElement!);
    expect(dialog()!.contains(document.activeElement)).toBe(true);
  });

  it("opens from its button and gives focus back to it on close", async () => {
    const opener = button("Keyboard shortcuts");
    opener.focus();
    await act(async () => opener.click());
    expect(dialog()).not.toBeNull();
    expect(document.activeElement).toBe(button("Close"));
    await act(async () => button("Close").click());
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("Escape with the dialog open leaves the record inspector selection alone", async () => {
    const { simulation } = lab.store.getState().shown!.open;
    const withRecord = Array.from({ length: simulation.stepCount }, (_, i) => simulation.step(i)).find(
      (step) => "record" in step,
    );
    if (!withRecord || !("record" in withRecord)) throw new Error("no step about a record");
    await act(async () => lab.store.getState().recordSelected(withRecord.record));
    const selection = lab.store.getState().selection;
    expect(selection).not.toBeNull();
    await press("?");
    await press("Escape", document.activeElement!);
    expect(dialog()).toBeNull();
    expect(lab.store.getState().selection).toBe(selection);
  });
});

describe("jump to the previous / next match", () => {
  it("offers the categories, Drop first, and the buttons only where there is a match", async () => {
    const select = container.querySelector<HTMLSelectElement>('select[aria-label="Jump to"]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "Drop",
      "Write",
      "Buffer",
      "Commit",
      "Rebalance",
      "Crash, stop or restart",
      "Reprocessed record",
      "Late record",
      "Window emitted or closed",
      "Key…",
    ]);
    expect(select.value).toBe("drop");
    expect(button("Previous match").disabled).toBe(true);
    expect(button("Next match").disabled).toBe(false);
  });

  it("jumps to drops with the buttons and with n / p", async () => {
    await act(async () => button("Next match").click());
    const first = indicator();
    expect(narration()).toContain("dropped");
    expect(button("Previous match").disabled).toBe(true);
    await press("n");
    expect(indicator()).not.toBe(first);
    expect(button("Previous match").disabled).toBe(false);
    await press("p");
    expect(indicator()).toBe(first);
  });

  it("jumps to the steps touching a chosen key with the buttons and with n / p", async () => {
    const select = container.querySelector<HTMLSelectElement>('select[aria-label="Jump to"]')!;
    await act(async () => {
      select.value = "-key";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const keys = container.querySelector<HTMLSelectElement>('select[aria-label="Key to jump to"]')!;
    expect([...keys.options].map((o) => o.value)).toContain("bob");
    await act(async () => {
      keys.value = "bob";
      keys.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(lab.store.getState().jumpKey).toBe("bob");
    await act(async () => button("Next match").click());
    expect(narration()).toContain("bob");
    const first = indicator();
    await press("n");
    expect(indicator()).not.toBe(first);
    expect(narration()).toContain("bob");
    await press("p");
    expect(indicator()).toBe(first);

    await act(async () => {
      select.value = "write";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(lab.store.getState()).toMatchObject({ jumpKey: null, jumpCategory: "write" });
    expect(container.querySelector('select[aria-label="Key to jump to"]')).toBeNull();
  });

  it("checks breakpoints by kind, and counts them in the summary", async () => {
    const box = (name: string) =>
      [...container.querySelectorAll<HTMLLabelElement>(".breakpoints label")]
        .find((label) => label.textContent === name)!
        .querySelector("input")!;
    await act(async () => box("Drop").click());
    await act(async () => box("Commit").click());
    expect(lab.store.getState().breakpoints).toEqual(["drop", "commit"]);
    expect(container.querySelector(".breakpoints summary")!.textContent).toBe("Breakpoints (2)");
    await act(async () => box("Drop").click());
    expect(lab.store.getState().breakpoints).toEqual(["commit"]);
  });

  it("ignores n / p typed into a field", async () => {
    const field = document.createElement("input");
    container.append(field);
    await press("n", field);
    expect(indicator()).toMatch(/^Step 0 \//);
  });
});
