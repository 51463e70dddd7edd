// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { keyColorsOf, keyInitial } from "../keyColor";
import { type MountedLab, mountLab } from "../testing/mountLab";
import { CanvasLegend } from "./CanvasLegend";

let mounted: MountedLab | null = null;

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

describe("the canvas legend", () => {
  it("lists the run's keys in their colours with their initials, and what a moving record's shapes mean", async () => {
    mounted = await mountLab(<CanvasLegend />);
    await act(async () => mounted!.lab.store.getState().lessonChosen("keyed-partitioning"));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 120));
    });
    const items = [...mounted.container.querySelectorAll(".legend-keys li")];
    expect(items.length).toBeGreaterThan(2);
    const first = items[0]!;
    const dot = first.querySelector<HTMLElement>(".legend-key-dot")!;
    const key = first.querySelector(".legend-key-name")!.textContent!;
    const simulation = mounted.lab.store.getState().shown!.open.simulation;
    const color = keyColorsOf(simulation).ofLabel(key);
    const toRgb = (hex: string) => {
      const n = Number.parseInt(hex.slice(1), 16);
      return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
    };
    expect([toRgb(color), color]).toContain(dot.style.background);
    // The key's initial on its dot: a second cue beside the colour.
    expect(dot.textContent).toBe(keyInitial(key));
    const shapes = [...mounted.container.querySelectorAll(".legend-shapes li")].map((li) => li.textContent);
    expect(shapes).toEqual([
      "dropped or late",
      "reprocessed (a duplicate)",
      "ring: the instance that runs the task",
    ]);
  });
});
