import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { decompressFromEncodedURIComponentBounded } from "./lzDecompressBounded";
import { lzBomb } from "./testing/lzBomb";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$".split("");

describe("decompressFromEncodedURIComponentBounded", () => {
  it("reads back whatever lz-string compressed", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const result = decompressFromEncodedURIComponentBounded(
          LZString.compressToEncodedURIComponent(text),
          10_000,
        );
        expect(result).toEqual(text === "" ? { ok: true, text: "" } : { ok: true, text });
      }),
      { numRuns: 300 },
    );
  });

  it("never disagrees with lz-string: whatever it accepts, lz-string reads the same way", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 60 }), (chars) => {
        const input = chars.join("");
        let expected: string | null;
        try {
          expected = LZString.decompressFromEncodedURIComponent(input);
        } catch {
          expected = null; // lz-string throws on some corrupt input; we must not
        }
        const result = decompressFromEncodedURIComponentBounded(input, 1_000_000);
        if (result.ok) expect(result.text).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("reads a small crafted bomb exactly as lz-string does", () => {
    const bomb = lzBomb(3);
    expect(LZString.decompressFromEncodedURIComponent(bomb)).toBe("a".repeat(10));
    expect(decompressFromEncodedURIComponentBounded(bomb, 100)).toEqual({ ok: true, text: "a".repeat(10) });
  });

  it("stops a zip bomb as soon as the output passes the cap", () => {
    const bomb = lzBomb(3_000); // about 4.5 million characters from under 6 KB
    expect(bomb.length).toBeLessThan(6_000);
    expect(decompressFromEncodedURIComponentBounded(bomb, 2 * 1024 * 1024)).toEqual({
      ok: false,
      reason: "too-large",
    });
  });

  it("refuses characters outside the URI-safe alphabet", () => {
    expect(decompressFromEncodedURIComponentBounded("abc/def", 100)).toEqual({
      ok: false,
      reason: "damaged",
    });
    expect(decompressFromEncodedURIComponentBounded("", 100)).toEqual({ ok: false, reason: "damaged" });
  });

  it("reports truncated data as damaged", () => {
    const full = LZString.compressToEncodedURIComponent(
      JSON.stringify({ title: "a scenario", values: [1, 2, 3, 4, 5, 6] }),
    );
    for (let cut = 1; cut < full.length - 1; cut++) {
      const result = decompressFromEncodedURIComponentBounded(full.slice(0, cut), 10_000);
      expect(
        result.ok &&
          result.text.length > 0 &&
          result.text.startsWith('{"title"') &&
          result.text.endsWith("}"),
      ).toBe(false);
    }
  });
});
