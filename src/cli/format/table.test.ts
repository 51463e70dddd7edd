import { describe, expect, it } from "vitest";
import { formatTable } from "./table";

describe("formatTable", () => {
  it("shouldPadColumnsToTheWidestCellWithoutTrailingSpaces", () => {
    const text = formatTable(
      ["offset", "key"],
      [
        ["0", "alice"],
        ["10", "b"],
      ],
      "  ",
    );
    expect(text).toBe("  offset  key\n  0       alice\n  10      b\n");
  });

  it("shouldPrintOnlyTheHeaderForNoRows", () => {
    expect(formatTable(["a", "b"], [])).toBe("a  b\n");
  });
});
