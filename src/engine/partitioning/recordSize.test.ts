import { describe, expect, it } from "vitest";
import { estimateRecordBytes, RECORD_OVERHEAD_BYTES, serializedLength } from "./recordSize";

describe("estimateRecordBytes", () => {
  it("adds the fixed overhead to the serialised key and value lengths", () => {
    expect(estimateRecordBytes(null, { amount: 12 })).toBe(RECORD_OVERHEAD_BYTES + '{"amount":12}'.length);
    expect(estimateRecordBytes("k", "é")).toBe(RECORD_OVERHEAD_BYTES + 1 + 2);
  });

  it("counts null keys and tombstone values as zero bytes", () => {
    expect(estimateRecordBytes(null, null)).toBe(RECORD_OVERHEAD_BYTES);
    expect(serializedLength(null)).toBe(0);
  });
});
