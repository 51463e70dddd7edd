import { describe, expect, it } from "vitest";
import { utf8Bytes } from "../partitioning/utf8";
import { FNV1A_OFFSET_BASIS, fnv1a32 } from "./fnv1a";

describe("fnv1a32", () => {
  it("matches the published FNV-1a 32-bit test vectors", () => {
    expect(fnv1a32(new Uint8Array(0))).toBe(FNV1A_OFFSET_BASIS);
    expect(fnv1a32(utf8Bytes("a"))).toBe(0xe40c292c);
    expect(fnv1a32(utf8Bytes("foobar"))).toBe(0xbf9cf968);
  });

  it("continues from a previous hash as if the inputs were concatenated", () => {
    expect(fnv1a32(utf8Bytes("bar"), fnv1a32(utf8Bytes("foo")))).toBe(fnv1a32(utf8Bytes("foobar")));
  });
});
