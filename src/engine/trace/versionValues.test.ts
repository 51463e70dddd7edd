import { describe, expect, it } from "vitest";
import type { Json, RecordKey } from "../model";
import { packedBuffers, packVersionValues, VersionValueReader } from "./versionValues";

describe("packed version values", () => {
  const shared = { customer: "ålice 🚀", items: [1, 2.5, null, { nested: true }] };
  const keys: RecordKey[] = ["a", null, "a", 7, "ключ", "a"];
  const values: Json[] = [shared, shared, { ...shared }, "7", 7, null];

  it("read back every key and value as they were recorded", () => {
    const reader = new VersionValueReader(packVersionValues(keys, values, keys.length));
    expect(reader.versions).toBe(keys.length);
    for (let i = 0; i < keys.length; i++) {
      expect(reader.key(i)).toEqual(keys[i]);
      expect(reader.value(i)).toEqual(values[i]);
    }
  });

  it("keep each distinct text once, and tell a string from the number with the same digits", () => {
    const packed = packVersionValues(keys, values, keys.length);
    // "a", null, 7, "ключ", the shared object (twice by identity, once by text), "7"
    expect(packed.textEnds.length).toBe(6);
    const reader = new VersionValueReader(packed);
    expect(reader.value(3)).toBe("7");
    expect(reader.value(4)).toBe(7);
  });

  it("pack only the first `count` versions", () => {
    const packed = packVersionValues(keys, values, 2);
    expect(packed.keyRefs.length).toBe(2);
    expect(packed.valueRefs.length).toBe(2);
  });

  it("cross threads as typed arrays and one string, and parse each text once", () => {
    const packed = packVersionValues(keys, values, keys.length);
    const delivered = structuredClone(packed, { transfer: packedBuffers(packed) });
    expect(packed.keyRefs.length).toBe(0); // transferred, not copied
    const reader = new VersionValueReader(delivered);
    expect(reader.value(0)).toEqual(shared);
    expect(reader.value(1)).toBe(reader.value(0));
  });
});
