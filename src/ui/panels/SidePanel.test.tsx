// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RecordId } from "../../engine";
import { type MountedLab, mountLab } from "../testing/mountLab";
import { SidePanel } from "./SidePanel";

let mounted: MountedLab;
const $ = (selector: string) => mounted.container.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...mounted.container.querySelectorAll<HTMLElement>(selector)];
const tab = (name: string) => $$('[role="tab"]').find((b) => b.textContent === name)!;

/** Lets the side panel catch up: it shows what the lab shows one painted frame later (`useAfterPaint`). */
async function afterPaint() {
  await act(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  });
}

/** Opens the lesson at the first step where a producer's buffer holds the highest record id it ever buffers. */
async function openWithLastRecordBuffered(lessonId: string): Promise<RecordId> {
  await act(async () => mounted.lab.store.getState().lessonChosen(lessonId));
  const { simulation } = mounted.lab.store.getState().shown!.open;
  let cursor = 0;
  let last = -1;
  for (let at = 0; at <= simulation.stepCount; at++) {
    for (const records of Object.values(simulation.frameAt(at).producerBuffers)) {
      for (const record of records) {
        if (record > last) {
          last = record;
          cursor = at;
        }
      }
    }
  }
  await act(async () => mounted.lab.store.getState().goTo(cursor));
  await afterPaint();
  return last as RecordId;
}

/** The producers whose buffers the panel lists. */
const listedProducers = () => $$('[data-testid^="buffer-"]').map((li) => li.dataset.testid);

beforeAll(async () => {
  await import("./TimeLanes");
});

beforeEach(async () => {
  mounted = await mountLab(<SidePanel />);
});

afterEach(async () => {
  await mounted.unmount();
  vi.restoreAllMocks();
});

describe("the side panel across a lesson switch", () => {
  it("draws the frame it still shows against that frame's own run, then the new lesson's", async () => {
    const reported = vi.spyOn(console, "error");
    // A record the next lesson's run does not have (it has fewer records) waits in a buffer.
    const record = await openWithLastRecordBuffered("keyed-partitioning");
    expect($$(".key-dot").length).toBeGreaterThan(0);
    const before = listedProducers();

    // The canvas shows the new lesson at once; the panel, a paint later: until then it shows the old frame whole.
    await act(async () => mounted.lab.store.getState().lessonChosen("tumbling-grace"));
    const { simulation } = mounted.lab.store.getState().shown!.open;
    expect(() => simulation.record(record)).toThrow(RangeError);
    expect($('[data-testid="panel-failure"]')).toBeNull();
    expect(listedProducers()).toEqual(before);
    await afterPaint();
    const after = Object.keys(simulation.frameAt(0).producerBuffers).map((id) => `buffer-${id}`);
    expect(listedProducers()).toEqual(after);
    expect(after).not.toEqual(before);
    expect(reported).not.toHaveBeenCalled();
  });

  it("keeps the Time tab on the run it belongs to while another lesson opens", async () => {
    const reported = vi.spyOn(console, "error");
    await act(async () => mounted.lab.store.getState().lessonChosen("scheduler-choice"));
    await act(async () => tab("Time").click());
    const { simulation } = mounted.lab.store.getState().shown!.open;
    await act(async () => mounted.lab.store.getState().goTo(simulation.stepCount));
    await afterPaint();
    expect($('[data-testid="time-lane-payments-0"]')).not.toBeNull();

    await act(async () => mounted.lab.store.getState().lessonChosen("watermarks-parallel"));
    expect($('[data-testid="panel-failure"]')).toBeNull();
    expect($('[data-testid="time-lane-payments-0"]')).not.toBeNull();
    await afterPaint();
    expect($('[data-testid="time-lane-payments-0"]')).toBeNull();
    expect($('[data-testid="time-lanes"]')).not.toBeNull();
    expect(reported).not.toHaveBeenCalled();
  });
});
