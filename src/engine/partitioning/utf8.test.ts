import { Buffer } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeUtf8Into, utf8Bytes, utf8Length } from "./utf8";

const wellFormed = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "binary-ascii", maxLength: 30 }),
);

describe("utf8Bytes", () => {
  it("matches Node's Buffer.from(s, 'utf8') for well-formed strings", () => {
    fc.assert(
      fc.property(wellFormed, (s) => {
        expect(Array.from(utf8Bytes(s))).toEqual(Array.from(Buffer.from(s, "utf8")));
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
      }),
      { numRuns: 3000 },
    );
  });

  it("encodes the boundaries of each UTF-8 length", () => {
    for (const s of [
      "\u007f",
      "\u0080",
      "\u07ff",
      "\u0800",
      "\ud7ff",
      "\ue000",
      "\uffff",
      "\u{10000}",
      "\u{10ffff}",
    ]) {
      expect(Array.from(utf8Bytes(s))).toEqual(Array.from(Buffer.from(s, "utf8")));
    }
  });

  it("replaces each lone surrogate with '?' like Java's String.getBytes(UTF_8)", () => {
    expect(Array.from(utf8Bytes("a\ud800b"))).toEqual([0x61, 0x3f, 0x62]);
    expect(Array.from(utf8Bytes("\udc00"))).toEqual([0x3f]);
    expect(Array.from(utf8Bytes("\ud800"))).toEqual([0x3f]);
    // A high surrogate followed by another high one: the first is lone, the second pairs with the low one.
    expect(Array.from(utf8Bytes("\ud83d\ud83d\ude00"))).toEqual([0x3f, 0xf0, 0x9f, 0x98, 0x80]);
    // Reversed pair: two lone surrogates.
    expect(Array.from(utf8Bytes("\ude00\ud83d"))).toEqual([0x3f, 0x3f]);
    expect(utf8Length("a\ud800b\udc00")).toBe(4);
  });

  it("writes into a caller's buffer and returns the byte count", () => {
    const target = new Uint8Array(16);
    expect(encodeUtf8Into("é😀", target)).toBe(6);
    expect(Array.from(target.subarray(0, 6))).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
  });
});
