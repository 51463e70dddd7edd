import { describe, expect, it } from "vitest";
import { lessons } from "../../scenario/lessons";
import { cli } from "../testing";

describe("lessons", () => {
  it("shouldListEveryLessonAsIdTwoSpacesTitle", async () => {
    const { code, out } = await cli(["lessons"]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(lessons.length);
    lines.forEach((line, i) => {
      expect(line).toMatch(new RegExp(`^${lessons[i]!.id} {2,}`));
      expect(line.endsWith(`  ${lessons[i]!.title}`)).toBe(true);
    });
    expect(out).toContain("transformations");
  });

  it("shouldAlignTheTitles", async () => {
    const starts = (await cli(["lessons"])).out
      .trimEnd()
      .split("\n")
      .map((line, i) => line.indexOf(lessons[i]!.title));
    expect(new Set(starts).size).toBe(1);
  });

  it("shouldPrintJsonWithIdAndTitle", async () => {
    expect(JSON.parse((await cli(["lessons", "--json"])).out)).toEqual(
      lessons.map(({ id, title }) => ({ id, title })),
    );
  });

  it("shouldTakeNoArguments", async () => {
    expect((await cli(["lessons", "extra"])).code).toBe(2);
  });
});
