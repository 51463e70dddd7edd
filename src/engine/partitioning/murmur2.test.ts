import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { murmur2, murmur2Prefix, murmur2Utf8, toPositive } from "./murmur2";
import { utf8Bytes } from "./utf8";

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("murmur2", () => {
  // apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java#testMurmur2
  it.each([
    ["21", -973932308],
    ["foobar", -790332482],
    ["a-little-bit-long-string", -985981536],
    ["a-little-bit-longer-string", -1486304829],
    ["lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971],
    ["abc", 479470107],
  ])("matches Kafka's UtilsTest vector for %j", (input, expected) => {
    expect(murmur2(ascii(input))).toBe(expected);
    expect(murmur2Utf8(input)).toBe(expected);
  });

  it("returns a signed 32-bit int like Java", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const h = murmur2(bytes);
        expect(h | 0).toBe(h);
      }),
    );
  });

  it("hashes only the given prefix of a reused buffer", () => {
    const buffer = ascii("foobar-and-garbage");
    expect(murmur2Prefix(buffer, 6)).toBe(-790332482);
  });

  it("hashes a string exactly as murmur2 of its UTF-8 bytes, ASCII or not", () => {
    const unit = fc.oneof(
      fc.string({ unit: "binary-ascii", maxLength: 1 }),
      fc.string({ unit: "grapheme", maxLength: 1 }),
      fc.constantFrom("é", "€", "😀", "👩‍💻", "\ud800", "\udc00", "\u0080", "\u07ff", "\u0800", "\uffff"),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        const s = parts.join("");
        expect(murmur2Utf8(s)).toBe(murmur2(utf8Bytes(s)));
      }),
      { numRuns: 2000 },
    );
  });

  it("hashes long non-ASCII strings (past the scratch buffer) the same way", () => {
    for (const length of [255, 256, 257, 5000, 16384, 16385, 40000]) {
      const s = `${"é".repeat(length - 1)}😀`;
      expect(murmur2Utf8(s)).toBe(murmur2(utf8Bytes(s)));
    }
  });
});

describe("toPositive", () => {
  it("clears the sign bit instead of taking the absolute value", () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(5)).toBe(5);
    expect(toPositive(-790332482)).toBe(1357151166);
  });
});
