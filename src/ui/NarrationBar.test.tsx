// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { NarrationBar } from "./NarrationBar";
import { type MountedLab, mountLab } from "./testing/mountLab";

let mounted: MountedLab | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

describe("the narration bar's names", () => {
  it("makes the names in the narration buttons that ask the lab to show them", async () => {
    mounted = await mountLab(<NarrationBar />);
    const { lab, container } = mounted;
    await act(async () => {
      lab.store.getState().lessonChosen("crash-recovery");
    });
    const { simulation } = lab.store.getState().shown!.open;
    // The first step where an instance fetches from a partition names both.
    let index = 0;
    while (simulation.step(index).kind !== "recordFetched") index++;
    const fetched = simulation.step(index);
    if (fetched.kind !== "recordFetched") throw new Error("no fetch");
    await act(async () => lab.store.getState().goTo(index + 1));
    const narration = container.querySelector('[data-testid="narration"]')!;
    expect(narration.textContent).toBe(lab.store.getState().shown?.narration);
    const buttons = [...narration.querySelectorAll("button")].map((b) => b.textContent);
    expect(buttons).toContain(fetched.instance);
    expect(buttons).toContain(`${fetched.topic}-${fetched.partition}`);
    expect(buttons).toContain(fetched.task);

    const instance = narration.querySelector<HTMLButtonElement>(
      `[data-testid="narration-entity-${fetched.instance}"]`,
    )!;
    await act(async () => instance.click());
    expect(lab.store.getState().focus?.entity.instance).toBe(fetched.instance);
    const seq = lab.store.getState().focus!.seq;
    await act(async () => instance.click());
    expect(lab.store.getState().focus!.seq).toBe(seq + 1);
  });
});
