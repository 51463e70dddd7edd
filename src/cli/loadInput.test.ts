import { describe, expect, it } from "vitest";
import { ExitCode } from "./cliError";
import { TINY_TEXT } from "./cliFixtures";
import type { CliIo } from "./io";
import { formatScenarioErrors, loadInput } from "./loadInput";
import { memoryIo } from "./memoryIo";

function failure(ref: string, io: CliIo = memoryIo()) {
  try {
    loadInput(ref, io);
  } catch (error) {
    return error as Error & { exitCode: number };
  }
  throw new Error(`loading ${ref} did not fail`);
}

describe("loadInput", () => {
  it("shouldReadAFileBeforeLookingForALesson", () => {
    const loaded = loadInput("transformations", memoryIo({ transformations: TINY_TEXT }));
    expect(loaded).toMatchObject({ ok: true, source: { kind: "file", path: "transformations" } });
  });

  it("shouldFallBackToALesson", () => {
    expect(loadInput("branch-merge", memoryIo())).toMatchObject({
      ok: true,
      source: { kind: "lesson", id: "branch-merge" },
    });
  });

  it("shouldSayNoSuchFileForAMissingPath", () => {
    for (const ref of ["x.json", "dir/x", "./transformations"]) {
      expect(failure(ref).message).toBe(`cannot read ${JSON.stringify(ref)}: no such file`);
    }
  });

  it("shouldListTheLessonsWhenTheArgumentIsNeither", () => {
    const error = failure("foo");
    expect(error.message).toMatch(/^"foo" is neither a file nor a lesson id \(lessons: transformations, /);
    expect(error.exitCode).toBe(ExitCode.failed);
  });

  it("shouldRefuseAFileOverTwoMegabytes", () => {
    const big = memoryIo({ "big.json": " ".repeat(2 * 1024 * 1024 + 1) });
    expect(failure("big.json", big).message).toBe(
      'cannot read "big.json": it is 2097153 bytes; a scenario may have at most 2097152 (2 MB)',
    );
  });

  it("shouldReturnScenarioErrorsRatherThanThrow", () => {
    const loaded = loadInput("bad.json", memoryIo({ "bad.json": "{}" }));
    expect(loaded.ok).toBe(false);
  });
});

describe("formatScenarioErrors", () => {
  it("shouldPrintPathColonReasonAndRootErrorsAlone", () => {
    const text = formatScenarioErrors([
      { path: "topics[0].name", message: "must not be empty" },
      { path: "", message: "… and 3 more errors" },
      { path: "app", message: "two\nlines" },
    ]);
    expect(text).toBe("topics[0].name: must not be empty\n… and 3 more errors\napp: two lines\n");
  });
});
