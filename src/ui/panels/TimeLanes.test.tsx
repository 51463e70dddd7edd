// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { NextPick } from "../../app/timeLanes";
import { en, setMessages } from "../messages";
import { ja } from "../messages.ja";
import { type MountedLab, mountLab } from "../testing/mountLab";
import { SidePanel } from "./SidePanel";
import { nextPickLines } from "./TimeLanes";

let mounted: MountedLab;
const $ = (selector: string) => mounted.container.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...mounted.container.querySelectorAll<HTMLElement>(selector)];
const tab = (name: string) => $$('[role="tab"]').find((b) => b.textContent === name)!;

/** Lets the side panel catch up: it shows the frame one painted frame after the canvas (`useAfterPaint`). */
async function afterPaint() {
  await act(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  });
}

/** Opens the lesson at the cursor just after the first step whose narration contains `text`. */
async function openAt(lessonId: string, text: string) {
  await act(async () => mounted.lab.store.getState().lessonChosen(lessonId));
  const { simulation } = mounted.lab.store.getState().shown!.open;
  let cursor = -1;
  for (let i = 0; i < simulation.stepCount && cursor < 0; i++)
    if (simulation.narrate(i).includes(text)) cursor = i + 1;
  await act(async () => mounted.lab.store.getState().goTo(cursor));
  await afterPaint();
}

// The side panel loads the time view and the inspector lazily: have them ready, as the page does after first paint.
beforeAll(async () => {
  await import("./TimeLanes");
  await import("./RecordInspector");
});

beforeEach(async () => {
  mounted = await mountLab(<SidePanel />);
});

afterEach(async () => {
  await mounted.unmount();
});

describe("the side panel's time view", () => {
  it("opens from the Time tab, with arrow keys between the tabs", async () => {
    await openAt("scheduler-choice", "polled payments-0 offset 0");
    expect(tab("Cluster").getAttribute("aria-selected")).toBe("true");
    expect($('[data-testid="cluster-panel"]')).not.toBeNull();
    await act(async () =>
      tab("Cluster").dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true })),
    );
    expect(tab("Time").getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(tab("Time"));
    expect($('[data-testid="cluster-panel"]')).toBeNull();
    expect($('[data-testid="time-lanes"]')).not.toBeNull();
    await act(async () => tab("Time").click());
    await act(async () => tab("Cluster").click());
    expect($('[data-testid="time-lanes"]')).toBeNull();
  });

  it("shows each lane's records with timestamps, head and next pick, partition time, stream time and why", async () => {
    await openAt("scheduler-choice", "polled payments-0 offset 0");
    await act(async () => tab("Time").click());
    const chips = (lane: string) =>
      $$(`[data-testid="time-lane-${lane}"] [data-testid="time-chip"]`).map((c) =>
        c.getAttribute("aria-label"),
      );
    expect(chips("orders-0")).toEqual([
      "orders-0 offset 0, key shop, timestamp 1500: fetched, waiting to be processed, the head record",
    ]);
    expect(chips("payments-0")).toEqual([
      "payments-0 offset 0, key shop, timestamp 900: fetched, waiting to be processed, the head record, taken next",
    ]);
    expect($('[data-testid="stream-time-0_0"]')!.textContent).toContain("stream time none yet");
    expect($('[data-testid="partition-time-payments-0"]')!.textContent).toBe("partition time none yet");
    expect($('[data-testid="next-pick-0_0"]')!.textContent).toContain(
      "Next: payments-0 offset 0 (ts 900) — the smallest head timestamp (PartitionGroup#nextRecord).",
    );
    expect($('[data-testid="next-pick-0_0"]')!.textContent).toContain(
      "Compared: orders-0 head ts 1500 · payments-0 head ts 900",
    );

    // Past the payment: its partition time and the stream time are 900, and the order goes next without waiting.
    await act(async () => mounted.lab.store.getState().goTo(13));
    await afterPaint();
    expect($('[data-testid="partition-time-payments-0"]')!.textContent).toBe("partition time 900 ms");
    expect($('[data-testid="stream-time-0_0"]')!.textContent).toContain("stream time 900 ms");
    const next = $('[data-testid="next-pick-0_0"]')!.textContent;
    expect(next).toContain("Next: orders-0 offset 0 (ts 1500)");
    expect(next).toContain("max.task.idle.ms = 0, so the task does not wait.");
  });

  it("selects a record from its chip, which opens the inspector", async () => {
    await openAt("scheduler-choice", "polled payments-0 offset 0");
    await act(async () => tab("Time").click());
    const chip = $('[data-testid="time-lane-payments-0"] [data-testid="time-chip"]')!;
    await act(async () => chip.click());
    const { selection, shown } = mounted.lab.store.getState();
    const open = shown?.open;
    expect(selection?.record).toBe(open!.simulation.logs.payments![0]![0]!.record);
    expect(chip.getAttribute("aria-pressed")).toBe("true");
    expect($('[data-testid="inspector"]')).not.toBeNull();
  });

  it("shows Flink's watermark per input channel, the idle one, and the operator's minimum", async () => {
    await openAt("watermarks-parallel", "min over aligned channels 1499 > −1");
    await act(async () => tab("Time").click());
    const task = $('[data-testid="watermarks-0_0"]')!;
    expect($$('[data-testid="watermarks-0_0"] li').map((li) => li.textContent)).toEqual([
      "readings-0 watermark 1499 ms",
      "readings-1 watermark -1 ms · idle · via keyBy",
    ]);
    expect(task.querySelector('[data-testid="watermark-minimum-0_0"]')!.textContent).toBe(
      "count watermark = minimum over active channels: 1499 ms",
    );
    expect($('[data-testid="partition-time-readings-0"]')).toBeNull();
    expect($('[data-testid="lane-watermark-readings-1"]')!.textContent).toBe("watermark -1 ms · idle");
  });
});

describe("the next-pick line", () => {
  const waiting: NextPick = {
    kind: "waiting",
    partition: "payments-0",
    untilMs: 500,
    maxTaskIdleMs: 500,
    resumesAtMs: 300,
  };

  it("says why the pick is not determined yet, in either language", () => {
    expect(nextPickLines(waiting)).toEqual({
      line: "Next: not determined yet — payments-0 has nothing buffered; max.task.idle.ms = 500 ms lets the task wait for it until 500 ms.",
      details: ["It chooses again at 300 ms."],
    });
    expect(nextPickLines({ ...waiting, untilMs: null, resumesAtMs: null }).line).toBe(
      "Next: not determined yet — payments-0 has nothing buffered, but the broker has records for it: the task waits for the next poll.",
    );
    setMessages(ja);
    try {
      expect(nextPickLines(waiting).line).toBe(
        "次：未定 — payments-0 のバッファが空。max.task.idle.ms = 500 ms により、タスクは 500 ms までそれを待つ。",
      );
    } finally {
      setMessages(en);
    }
  });

  it("names a tie, an enforced choice and a custom rank", () => {
    const lines = nextPickLines({
      kind: "chosen",
      step: 7,
      partition: "a-0",
      offset: 3,
      timestampMs: 12,
      rule: "custom",
      source: "value.priority",
      candidates: [
        { partition: "a-0", rank: 1, offset: 3, timestampMs: 12 },
        { partition: "b-0", rank: 1, offset: 0, timestampMs: 4 },
      ],
      tie: true,
      empty: ["c-0"],
      maxTaskIdleMs: 100,
      enforced: true,
    });
    expect(lines).toEqual({
      line: "Next: a-0 offset 3 (ts 12) — the smallest value.priority of the heads; a tie: the partition listed first wins.",
      details: [
        "Compared: a-0 rank 1 · b-0 rank 1",
        "c-0: still nothing buffered after max.task.idle.ms = 100 ms, so processing is enforced without it.",
      ],
    });
  });
});
