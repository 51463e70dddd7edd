import { describe, expect, it } from "vitest";
import { keyText, serializeKey } from "./serializeKey";

const text = (bytes: Uint8Array | null) => (bytes === null ? null : String.fromCharCode(...bytes));

describe("serializeKey", () => {
  it("serialises a string key as its UTF-8 bytes, like Kafka's StringSerializer", () => {
    expect(text(serializeKey("alice"))).toBe("alice");
    expect(Array.from(serializeKey("é")!)).toEqual([0xc3, 0xa9]);
    expect(serializeKey("")?.length).toBe(0);
  });

  it("serialises other keys as their compact JSON text", () => {
    expect(keyText(42)).toBe("42");
    expect(keyText(true)).toBe("true");
    expect(keyText([1, "a"])).toBe('[1,"a"]');
    expect(text(serializeKey({ id: 1, name: "x" }))).toBe('{"id":1,"name":"x"}');
  });

  it("keeps object fields in insertion order, so field order changes the key", () => {
    expect(keyText({ b: 1, a: 2 })).toBe('{"b":1,"a":2}');
    expect(keyText({ a: 2, b: 1 })).not.toBe(keyText({ b: 1, a: 2 }));
  });

  it("gives the null key no bytes", () => {
    expect(serializeKey(null)).toBeNull();
  });
});
