// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useLabState } from "./LabContext";
import { PanelBoundary } from "./PanelBoundary";
import { type MountedLab, mountLab } from "./testing/mountLab";

let mounted: MountedLab | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  vi.restoreAllMocks();
});

/** A panel that fails while `failing.now` holds, and otherwise shows the cursor. */
const failing = { now: true };
function FragilePanel() {
  const cursor = useLabState((s) => s.shown?.cursor ?? 0);
  if (failing.now) throw new RangeError(`no record ${cursor + 33}`);
  return <p data-testid="fragile">at {cursor}</p>;
}

function Sibling() {
  const cursor = useLabState((s) => s.shown?.cursor ?? 0);
  return <p data-testid="sibling">sibling at {cursor}</p>;
}

async function mountFailing() {
  // React reports each error a boundary catches on the console; the boundary's own output is what is tested here.
  const reported = vi.spyOn(console, "error").mockImplementation(() => {});
  failing.now = true;
  mounted = await mountLab(
    <>
      <PanelBoundary part="labPartSideViews">
        <FragilePanel />
      </PanelBoundary>
      <PanelBoundary part="labPartNarration">
        <Sibling />
      </PanelBoundary>
    </>,
  );
  await act(async () => mounted!.lab.store.getState().lessonChosen("crash-recovery"));
  return { ...mounted, reported };
}

const $ = (selector: string) => mounted!.container.querySelector<HTMLElement>(selector);
const button = (name: string) =>
  [...mounted!.container.querySelectorAll("button")].find((b) => b.textContent === name)!;

describe("a part of the lab that fails to render", () => {
  it("shows what went wrong and the ways on in its place, while the rest of the lab keeps working", async () => {
    const { lab, reported } = await mountFailing();
    const failure = $('[data-testid="panel-failure"]')!;
    expect(failure.getAttribute("role")).toBe("alert");
    expect(failure.dataset.part).toBe("labPartSideViews");
    expect(failure.querySelector("h2")?.textContent).toBe("The cluster and time views could not be shown");
    expect(failure.querySelector("code")?.textContent).toBe("no record 33");
    expect(button("Reload this step")).toBeDefined();
    expect(button("Open the first lesson")).toBeDefined();
    expect(reported).toHaveBeenCalled();
    expect($('[data-testid="fragile"]')).toBeNull();

    await act(async () => lab.store.getState().goTo(4));
    expect($('[data-testid="sibling"]')?.textContent).toBe("sibling at 4");
    // Tried again at the new step: it still fails, and says so with that step's error.
    expect($('[data-testid="panel-failure"] code')?.textContent).toBe("no record 37");
  });

  it("shows the step again on Reload this step", async () => {
    await mountFailing();
    await act(async () => button("Reload this step").click());
    expect($('[data-testid="panel-failure"]')).not.toBeNull();
    failing.now = false;
    await act(async () => button("Reload this step").click());
    expect($('[data-testid="panel-failure"]')).toBeNull();
    expect($('[data-testid="fragile"]')?.textContent).toBe("at 0");
  });

  it("opens the first lesson, and tries the part again there", async () => {
    const { lab } = await mountFailing();
    failing.now = false;
    await act(async () => button("Open the first lesson").click());
    expect(lab.store.getState().shown?.open.lessonId).toBe(lab.services.lessons[0]!.id);
    expect($('[data-testid="panel-failure"]')).toBeNull();
    expect($('[data-testid="fragile"]')).not.toBeNull();
  });

  it("forgets the failure when the lab moves on, and shows the part again once it renders", async () => {
    const { lab } = await mountFailing();
    failing.now = false;
    await act(async () => lab.store.getState().stepRequested(1));
    expect($('[data-testid="panel-failure"]')).toBeNull();
    expect($('[data-testid="fragile"]')?.textContent).toBe("at 1");
  });
});
