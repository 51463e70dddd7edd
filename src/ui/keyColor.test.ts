import { describe, expect, it } from "vitest";
import { labServices } from "../app/labServices";
import {
  colorAt,
  KEY_PALETTE,
  keyColorsFor,
  keyColorsOf,
  keyInitial,
  keyLabel,
  NULL_KEY_COLOR,
  scenarioKeyOrder,
} from "./keyColor";

function lessonSimulation(id: string) {
  const loaded = labServices.load(labServices.lesson(id)!.scenario);
  if (!loaded.ok) throw new Error(`${id} does not load`);
  return labServices.simulate(loaded.model);
}

describe("key colours", () => {
  it("gives keys the palette's colours in the scenario's key order", () => {
    const colors = keyColorsFor(["erin", "frank", "carol", "chair"]);
    expect(colors.of("erin")).toBe(KEY_PALETTE[0]);
    expect(colors.of("frank")).toBe(KEY_PALETTE[1]);
    expect(colors.of("carol")).toBe(KEY_PALETTE[2]);
    expect(colors.of("chair")).toBe(KEY_PALETTE[3]);
    expect(colors.of({ user: 7 })).toBe(colors.of({ user: 7 }));
  });

  it("spreads generated hues past the palette, all distinct", () => {
    const colours = Array.from({ length: 200 }, (_, i) => colorAt(i));
    expect(new Set(colours).size).toBe(colours.length);
  });

  it("draws a null key in grey and labels it null", () => {
    expect(keyColorsFor(["alice"]).of(null)).toBe(NULL_KEY_COLOR);
    expect(keyLabel(null)).toBe("null");
    expect(KEY_PALETTE).not.toContain(NULL_KEY_COLOR);
  });

  it("shows a key's first letter or digit, upper-cased, as its initial", () => {
    expect(keyInitial("alice")).toBe("A");
    expect(keyInitial('{"user":7}')).toBe("U");
    expect(keyInitial("7-eleven")).toBe("7");
    expect(keyInitial("ålesund")).toBe("Å");
  });

  it.each(labServices.lessons.map((l) => l.id))("gives every key of lesson %s its own colour", async (id) => {
    await labServices.loadLessons();
    const simulation = lessonSimulation(id);
    const order = scenarioKeyOrder(simulation);
    // Every key in the run — produced or derived by an operator — is in the order, so none falls back to a hash.
    for (let record = 0; record < simulation.stats().versions; record++) {
      const key = simulation.record(record).key;
      if (key !== null) expect(order).toContain(keyLabel(key));
    }
    const colors = keyColorsOf(simulation);
    const colours = order.map((label) => colors.ofLabel(label));
    expect(new Set(colours).size).toBe(order.length);
    expect(colours).not.toContain(NULL_KEY_COLOR);
  });
});
