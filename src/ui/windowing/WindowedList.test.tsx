// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { WindowedList } from "./WindowedList";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  host = null;
});

const ROW = 40;
const items = Array.from({ length: 5_000 }, (_, i) => `task-${i}`);

/** A list inside a scrolling panel 600 px high; happy-dom lays nothing out, so the geometry is given. */
function mount(count = items.length) {
  host = document.createElement("div");
  host.style.overflowY = "auto";
  Object.defineProperty(host, "clientHeight", { value: 600 });
  host.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 300, height: 600 });
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <WindowedList
        items={items.slice(0, count)}
        itemKey={(item) => item}
        estimateHeight={() => ROW}
        renderItem={(item) => <article data-testid={item}>{item}</article>}
        overscanPx={200}
        testId="list"
      />,
    ),
  );
  return host.querySelector<HTMLElement>('[data-testid="list"]')!;
}

const rendered = () => [...host!.querySelectorAll("article")].map((a) => a.dataset.testid);

describe("WindowedList", () => {
  it("renders only the rows in view of a long list, and keeps the space of the rest", () => {
    const list = mount();
    expect(rendered().length).toBeLessThan(30);
    expect(rendered()[0]).toBe("task-0");
    expect(Number.parseFloat(list.style.paddingBottom)).toBeGreaterThan(4_900 * ROW);
  });

  it("renders the rows a scroll brings into view, and no longer the ones scrolled past", () => {
    const list = mount();
    // Scrolled 100,000 px down: the list's top is that far above the panel's.
    list.getBoundingClientRect = () =>
      DOMRect.fromRect({ x: 0, y: -100_000, width: 300, height: 5_000 * ROW });
    act(() => host!.dispatchEvent(new Event("scroll")));
    const shown = rendered();
    expect(shown).toContain(`task-${100_000 / ROW}`);
    expect(shown).not.toContain("task-0");
    expect(shown.length).toBeLessThan(30);
    expect(Number.parseFloat(list.style.paddingTop)).toBeGreaterThan(2_000 * ROW);
  });

  it("renders a short list whole, as a plain list", () => {
    const list = mount(10);
    expect(rendered()).toEqual(items.slice(0, 10));
    expect(list.dataset.windowed).toBeUndefined();
  });
});
