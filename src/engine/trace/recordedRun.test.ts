import { describe, expect, it } from "vitest";
import { forTransfer } from "./recordedRun";

describe("a column for transfer", () => {
  it("is a view over the column's own buffer when that buffer is not much larger", () => {
    const column = new Int32Array(100_000);
    column[5] = 42;
    const moved = forTransfer(column, 90_000);
    expect(moved.buffer).toBe(column.buffer);
    expect(moved.length).toBe(90_000);
    expect(moved[5]).toBe(42);
  });

  it("is a copy of exactly its length when the buffer is much larger (a column that grew by doubling)", () => {
    const column = new Float64Array(200_000);
    column[7] = 1.5;
    const moved = forTransfer(column, 100_001);
    expect(moved.buffer).not.toBe(column.buffer);
    expect(moved.buffer.byteLength).toBe(100_001 * 8);
    expect(moved[7]).toBe(1.5);
  });

  it("is a copy for a view that does not start its buffer", () => {
    const column = new Uint8Array(10).subarray(2);
    expect(forTransfer(column, 8).buffer.byteLength).toBe(8);
  });
});
