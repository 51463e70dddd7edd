// @vitest-environment happy-dom
import { act, useState } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it } from "vitest";
import { useAfterPaint } from "./useAfterPaint";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

let set: (value: number) => void = () => {};

/** Shows a value and what follows it a painted frame behind. */
function Follower() {
  const [value, setValue] = useState(0);
  set = setValue;
  const shown = useAfterPaint(value);
  return <output>{`${value}/${shown}`}</output>;
}

describe("useAfterPaint", () => {
  it("shows a new value once the next frame is painted, and only the latest of several", async () => {
    const container = document.createElement("div");
    const root = createRoot(container);
    await act(async () => root.render(<Follower />));
    expect(container.textContent).toBe("0/0");
    await act(async () => set(1));
    expect(container.textContent).toBe("1/0");
    await act(async () => {
      set(2);
      set(3);
    });
    expect(container.textContent).toBe("3/0");
    await act(painted);
    expect(container.textContent).toBe("3/3");
    await act(async () => root.unmount());
  });
});
