// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { SideSheet } from "./SideSheet";
import { type MountedLab, mountLab } from "./testing/mountLab";

let mounted: MountedLab | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

async function mountSheet() {
  mounted = await mountLab(
    <SideSheet>
      <aside aria-label="Cluster">panel</aside>
    </SideSheet>,
  );
  const { container, lab } = mounted;
  const handle = container.querySelector<HTMLButtonElement>(".side-sheet-handle")!;
  const sheet = container.querySelector(".side-sheet")!;
  return { lab, handle, sheet, body: container.querySelector(`#${handle.getAttribute("aria-controls")}`) };
}

describe("the side panel as a bottom sheet", () => {
  it("is a disclosure: its handle opens and closes the panel it controls, and says which it is", async () => {
    const { handle, sheet, body } = await mountSheet();
    expect(body?.textContent).toBe("panel");
    expect(handle.getAttribute("aria-expanded")).toBe("false");
    expect(sheet.classList.contains("is-open")).toBe(false);

    await act(async () => handle.click());
    expect(handle.getAttribute("aria-expanded")).toBe("true");
    expect(sheet.classList.contains("is-open")).toBe(true);

    await act(async () => handle.click());
    expect(handle.getAttribute("aria-expanded")).toBe("false");
    expect(sheet.classList.contains("is-open")).toBe(false);
  });

  it("opens when an operator is selected, since its inspector is in the panel", async () => {
    const { lab, handle } = await mountSheet();
    const node = lab.store.getState().shown!.open.scenario.app.topology[0]!.id;
    await act(async () => lab.store.getState().operatorSelected({ node, task: null }));
    expect(handle.getAttribute("aria-expanded")).toBe("true");
  });

  it("opens when the narration names an instance, and not for a name that is only on the canvas", async () => {
    const { lab, handle } = await mountSheet();
    const entity = { name: "x", nodes: [], topic: null, instance: null, task: null, producer: null };
    await act(async () => lab.store.getState().entityFocused({ ...entity, nodes: ["orders-in"] }));
    expect(handle.getAttribute("aria-expanded")).toBe("false");
    await act(async () => lab.store.getState().entityFocused({ ...entity, instance: "instance-1" }));
    expect(handle.getAttribute("aria-expanded")).toBe("true");
  });
});
