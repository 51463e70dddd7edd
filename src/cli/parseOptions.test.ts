import { describe, expect, it } from "vitest";
import { ExitCode, UsageError } from "./cliError";
import { expectPositionals, parseIntegerOption, parseOptions } from "./parseOptions";

describe("parseOptions", () => {
  it("shouldReturnFlagsStringsAndPositionals", () => {
    const parsed = parseOptions(["x.json", "--json", "--from", "3"], {
      json: { type: "boolean" },
      from: { type: "string" },
    });
    expect(parsed).toEqual({ values: { json: true, from: "3" }, positionals: ["x.json"] });
  });

  it("shouldNameAnUnknownOptionInOneShortLine", () => {
    expect(() => parseOptions(["--jsn"], { json: { type: "boolean" } })).toThrow(
      new UsageError("unknown option --jsn"),
    );
  });

  it("shouldSayWhichOptionNeedsAValue", () => {
    expect(() => parseOptions(["--from"], { from: { type: "string" } })).toThrow(
      "option --from needs a value",
    );
  });

  it("shouldExplainHowToGiveAValueStartingWithADash", () => {
    expect(() => parseOptions(["--from", "-1"], { from: { type: "string" } })).toThrow(
      'option --from needs a value; for a value that starts with "-", write --from=<value>',
    );
    expect(parseOptions(["--from=-1"], { from: { type: "string" } }).values.from).toBe("-1");
  });

  it("shouldSayAFlagTakesNoValue", () => {
    expect(() => parseOptions(["--json=yes"], { json: { type: "boolean" } })).toThrow(
      "option --json takes no value",
    );
  });

  it("shouldTreatEverythingAfterDoubleDashAsPositionals", () => {
    expect(parseOptions(["--", "--json"], { json: { type: "boolean" } }).positionals).toEqual(["--json"]);
  });
});

describe("parseIntegerOption", () => {
  it("shouldAcceptIntegersWithinTheBounds", () => {
    expect(parseIntegerOption("--to", "0", 0, 5)).toBe(0);
    expect(parseIntegerOption("--to", "5", 0, 5)).toBe(5);
  });

  it.each(["-1", "6", "1.5", "abc", "", "1e2", "0x3"])(
    "shouldRefuse %j with the bounds in the message",
    (text) => {
      expect(() => parseIntegerOption("--to", text, 0, 5)).toThrow(
        `--to must be an integer from 0 to 5, got ${JSON.stringify(text)}`,
      );
    },
  );

  it("shouldBeAUsageError", () => {
    try {
      parseIntegerOption("--to", "x", 0, 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(ExitCode.usage);
    }
  });
});

describe("expectPositionals", () => {
  it("shouldNameTheMissingArgument", () => {
    expect(() => expectPositionals("run", [], ["<file|lesson-id>"])).toThrow("run needs <file|lesson-id>");
  });

  it("shouldNameUnexpectedArguments", () => {
    expect(() => expectPositionals("run", ["a", "b"], ["<file|lesson-id>"])).toThrow(
      'run takes <file|lesson-id> only; unexpected "b"',
    );
  });
});
