import { describe, expect, it } from "vitest";
import { lessons } from "../scenario/lessons";
import { type CliIo, OutputClosedError } from "./io";
import { memoryIo } from "./memoryIo";
import { COMMANDS, runCli } from "./runCli";
import { cli } from "./testing";

describe("runCli", () => {
  it.each([[[]], [["help"]], [["--help"]], [["-h"]]])(
    "shouldPrintUsageListingEveryCommandFor %j",
    async (argv) => {
      const { code, out, err } = await cli(argv);
      expect(code).toBe(0);
      expect(err).toBe("");
      expect(out).toContain("Usage: topolab <command>");
      for (const command of COMMANDS) expect(out).toContain(`  ${command.synopsis}`);
    },
  );

  it("shouldPrintOneCommandsOptions", async () => {
    for (const argv of [
      ["help", "trace"],
      ["trace", "--help"],
      ["trace", "x", "-h"],
    ]) {
      const { code, out } = await cli(argv);
      expect(code).toBe(0);
      expect(out).toMatch(/^Usage: topolab trace <file\|lesson-id> /);
      expect(out).toContain("--from N");
    }
  });

  it("shouldRefuseAnUnknownCommandWithUsageAndExit2", async () => {
    const { code, out, err } = await cli(["frobnicate"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^topolab: unknown command "frobnicate"\n\nTopolab: [^\n]+\n\nUsage: topolab/);
    expect((await cli(["help", "frobnicate"])).code).toBe(2);
  });

  it("shouldRefuseAnUnknownOptionWithTheCommandsUsage", async () => {
    expect(await cli(["lessons", "--jsno"])).toMatchObject({
      code: 2,
      err: "unknown option --jsno\nusage: topolab lessons [--json]\n",
    });
  });

  it("shouldSayWhenAnArgumentIsNeitherFileNorLesson", async () => {
    const { code, err } = await cli(["run", "foo"]);
    expect(code).toBe(1);
    expect(err).toBe(
      `"foo" is neither a file nor a lesson id (lessons: ${lessons.map((l) => l.id).join(", ")})\n`,
    );
  });

  it("shouldReportAnUnexpectedErrorAsInternalWithExit70", async () => {
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
    expect(await runCli(["run", "x.json"], io)).toBe(70);
    expect(io.err).toBe("internal error: disk on fire\n");
  });

  it("shouldStopQuietlyWhenTheReaderHasGoneAway", async () => {
    const io = memoryIo();
    let writes = 0;
    io.stdout = () => {
      writes++;
      return Promise.reject(new OutputClosedError("standard output was closed", { quiet: true }));
    };
    expect(await runCli(["trace", "keyed-partitioning"], io)).toBe(0);
    expect(writes).toBe(1);
    expect(io.err).toBe("");
  });

  it("shouldReportAnyOtherOutputFailureAsInternal", async () => {
    const io = memoryIo();
    io.stdout = () => {
      throw new OutputClosedError("cannot write the output: no space left on device", { quiet: false });
    };
    expect(await runCli(["lessons"], io)).toBe(70);
    expect(io.err).toBe("internal error: cannot write the output: no space left on device\n");
  });
});
