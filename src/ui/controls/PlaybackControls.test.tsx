// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Lab } from "../../app/createLab";
import { NarrationBar } from "../NarrationBar";
import { type MountedLab, mountLab } from "../testing/mountLab";
import { PlaybackControls } from "./PlaybackControls";
import { useKeyboardShortcuts } from "./useKeyboardShortcuts";

function Bar() {
  useKeyboardShortcuts();
  return (
    <>
      <PlaybackControls />
      <NarrationBar />
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
const indicator = () => container.querySelector('[data-testid="step-indicator"]')!.textContent;
const narration = () => container.querySelector('[data-testid="narration"]')!.textContent;
const press = (key: string, target: EventTarget = document.body) =>
  act(() => void target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true })));

describe("playback controls", () => {
  it("starts at step 0 with the start line and no way back", () => {
    const total = lab.store.getState().shown!.open.simulation.stepCount;
    expect(indicator()).toBe(`Step 0 / ${total}`);
    expect(narration()).toMatch(/^Start: .+ — press Step forward \(→\)$/);
    expect(button("Step back").disabled).toBe(true);
    expect(button("Go to start").disabled).toBe(true);
  });

  it("steps forward and back with the buttons, narrating each step", async () => {
    const { simulation } = lab.store.getState().shown!.open;
    await act(async () => button("Step forward").click());
    expect(indicator()).toMatch(/^Step 1 \//);
    expect(narration()).toBe(simulation.narrate(0));
    await act(async () => button("Step back").click());
    expect(indicator()).toMatch(/^Step 0 \//);
  });

  it("steps with the arrow keys and jumps with Home and End", async () => {
    const total = lab.store.getState().shown!.open.simulation.stepCount;
    await press("ArrowRight");
    await press("ArrowRight");
    expect(indicator()).toBe(`Step 2 / ${total}`);
    await press("ArrowLeft");
    expect(indicator()).toBe(`Step 1 / ${total}`);
    await press("End");
    expect(indicator()).toBe(`Step ${total} / ${total}`);
    await press("Home");
    expect(indicator()).toBe(`Step 0 / ${total}`);
  });

  it("leaves arrow keys to a focused select or text field", async () => {
    const select = container.querySelector("select")!;
    await press("ArrowRight", select);
    const field = document.createElement("input");
    container.append(field);
    await press("ArrowRight", field);
    expect(indicator()).toMatch(/^Step 0 \//);
  });

  it("toggles Play and Pause with the button and with Space", async () => {
    await act(async () => button("Play").click());
    expect(button("Pause")).not.toBeNull();
    expect(lab.store.getState().playing).toBe(true);
    await press(" ");
    expect(button("Play")).not.toBeNull();
    expect(lab.store.getState().playing).toBe(false);
  });

  it("jumps anywhere with the scrubber", async () => {
    const scrubber = container.querySelector<HTMLInputElement>('input[type="range"][aria-label="Step"]')!;
    await act(async () => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      setValue.call(scrubber, "10");
      scrubber.dispatchEvent(new Event("input", { bubbles: true }));
      scrubber.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(indicator()).toMatch(/^Step 10 \//);
  });
});
