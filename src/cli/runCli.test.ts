import { describe, expect, it } from "vitest";
import type { CliIo } from "./io";
import { COMMANDS, runCli } from "./runCli";
import { cli } from "./testing";

describe("runCli", () => {
  it.each([[[]], [["help"]], [["--help"]], [["-h"]]])("shouldPrintUsageListingEveryCommandFor %j", (argv) => {
    const { code, out, err } = cli(argv);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toContain("Usage: topolab <command>");
    for (const command of COMMANDS) expect(out).toContain(`  ${command.synopsis}`);
  });

  it("shouldPrintOneCommandsOptions", () => {
    for (const argv of [
      ["help", "trace"],
      ["trace", "--help"],
      ["trace", "x", "-h"],
    ]) {
      const { code, out } = cli(argv);
      expect(code).toBe(0);
      expect(out).toMatch(/^Usage: topolab trace <file\|lesson-id> /);
      expect(out).toContain("--from N");
    }
  });

  it("shouldRefuseAnUnknownCommandWithUsageAndExit2", () => {
    const { code, out, err } = cli(["frobnicate"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^topolab: unknown command "frobnicate"\n\nTopolab: [^\n]+\n\nUsage: topolab/);
    expect(cli(["help", "frobnicate"]).code).toBe(2);
  });

  it("shouldRefuseAnUnknownOptionWithTheCommandsUsage", () => {
    expect(cli(["lessons", "--jsno"])).toMatchObject({
      code: 2,
      err: "unknown option --jsno\nusage: topolab lessons [--json]\n",
    });
  });

  it("shouldSayWhenAnArgumentIsNeitherFileNorLesson", () => {
    const { code, err } = cli(["run", "foo"]);
    expect(code).toBe(1);
    expect(err).toBe(
      '"foo" is neither a file nor a lesson id (lessons: transformations, branch-merge, keyed-partitioning)\n',
    );
  });

  it("shouldReportAnUnexpectedErrorAsInternalWithExit70", () => {
    const io: CliIo & { err: string } = {
      err: "",
      stdout() {},
      stderr(text) {
        io.err += text;
      },
      readFile() {
        throw new TypeError("disk on fire");
      },
    };
    expect(runCli(["run", "x.json"], io)).toBe(70);
    expect(io.err).toBe("internal error: disk on fire\n");
  });
});
