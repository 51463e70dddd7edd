import { describe, expect, it } from "vitest";
import { boundsOf, readableViewport } from "./readableViewport";

describe("the physical view's viewport", () => {
  it("centres a drawing that fits, zoomed in no further than 1.1", () => {
    const view = readableViewport({ x: 0, y: 0, width: 400, height: 200 }, 1000, 700);
    expect(view.zoom).toBe(1.1);
    expect(view.x).toBeCloseTo((1000 - 440) / 2);
  });

  it("never zooms out below 1:1, and then shows the drawing from its top-left corner", () => {
    const view = readableViewport({ x: 100, y: 50, width: 3000, height: 2000 }, 1000, 700);
    expect(view.zoom).toBe(1);
    expect(view.x).toBe(24 - 100);
    expect(view.y).toBe(48 - 50);
  });

  it("bounds a set of boxes", () => {
    expect(
      boundsOf([
        { x: 10, y: 20, width: 30, height: 40 },
        { x: -5, y: 100, width: 10, height: 10 },
      ]),
    ).toEqual({ x: -5, y: 20, width: 45, height: 90 });
  });
});
