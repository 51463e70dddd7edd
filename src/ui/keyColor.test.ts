import { describe, expect, it } from "vitest";
import { keyColor, keyLabel, NULL_KEY_COLOR } from "./keyColor";

describe("key colours", () => {
  it("gives a key the same colour every time", () => {
    expect(keyColor("alice")).toBe(keyColor("alice"));
    expect(keyColor({ user: 7 })).toBe(keyColor({ user: 7 }));
  });

  it("tells common keys apart", () => {
    const colours = new Set(["alice", "bob", "carol", "dave"].map(keyColor));
    expect(colours.size).toBeGreaterThan(2);
  });

  it("draws a null key in grey and labels it null", () => {
    expect(keyColor(null)).toBe(NULL_KEY_COLOR);
    expect(keyLabel(null)).toBe("null");
  });
});
