import { describe, expect, it } from "vitest";
import { cli } from "../testing";

async function windows(...args: string[]) {
  const { code, out, err } = await cli(["windows", ...args]);
  return { code, out, err };
}

/** Runs a command line that must fail with a usage error; returns its first stderr line. */
async function usageError(...args: string[]): Promise<string> {
  const { code, out, err } = await windows(...args);
  expect(code).toBe(2);
  expect(out).toBe("");
  expect(err).toMatch(/\nusage: topolab windows /);
  return err.split("\n")[0] ?? "";
}

describe("windows", () => {
  it("shouldPrintEveryKafkaHoppingWindowOfEachTimestamp", async () => {
    expect(await windows("--type", "hopping", "--size", "10", "--advance", "5", "12", "3")).toEqual({
      code: 0,
      out: "12  [5, 15) [10, 20)\n3  [0, 10)\n",
      err: "",
    });
  });

  it("shouldPutATumblingBoundaryIntoTheNextWindow", async () => {
    expect((await windows("--type", "tumbling", "--size", "10", "9", "10", "0")).out).toBe(
      "9  [0, 10)\n10  [10, 20)\n0  [0, 10)\n",
    );
  });

  it("shouldRoundNegativeFlinkTimestampsDownAfterDoubleDash", async () => {
    expect(
      (await windows("--semantics", "flink", "--type", "tumbling", "--size", "10", "--", "-1", "-10", "-11"))
        .out,
    ).toBe("-1  [-10, 0)\n-10  [-10, 0)\n-11  [-20, -10)\n");
  });

  it("shouldShiftFlinkWindowsByTheOffset", async () => {
    expect(
      (await windows("--semantics=flink", "--type=tumbling", "--size=10", "--offset=-3", "0", "7")).out,
    ).toBe("0  [-3, 7)\n7  [7, 17)\n");
    expect(
      (
        await windows(
          "--semantics",
          "flink",
          "--type",
          "hopping",
          "--size",
          "10",
          "--advance",
          "5",
          "--offset",
          "2",
          "12",
        )
      ).out,
    ).toBe("12  [7, 17) [12, 22)\n");
  });

  it("shouldStartFlinkHoppingWindowsBelowZero", async () => {
    expect(
      (await windows("--semantics", "flink", "--type", "hopping", "--size", "10", "--advance", "5", "3")).out,
    ).toBe("3  [-5, 5) [0, 10)\n");
  });

  it("shouldPrintTheSessionALoneRecordOpens", async () => {
    expect((await windows("--type", "session", "--gap", "5", "12")).out).toBe("12  [12, 12]\n");
    expect((await windows("--semantics", "flink", "--type", "session", "--gap", "5", "12")).out).toBe(
      "12  [12, 17)\n",
    );
  });

  it("shouldPrintJsonWithTimestampAndWindows", async () => {
    const { code, out } = await windows(
      "--json",
      "--type",
      "hopping",
      "--size",
      "10",
      "--advance",
      "5",
      "12",
      "3",
    );
    expect(code).toBe(0);
    expect(out).toBe(
      [
        "[",
        '  {"timestamp":12,"windows":[{"start":5,"end":15},{"start":10,"end":20}]},',
        '  {"timestamp":3,"windows":[{"start":0,"end":10}]}',
        "]\n",
      ].join("\n"),
    );
    expect(JSON.parse((await windows("--json", "--type", "session", "--gap", "5", "12")).out)).toEqual([
      { timestamp: 12, windows: [{ start: 12, end: 12 }] },
    ]);
  });

  it.each([
    [["--size", "10", "1"], "windows needs --type tumbling|hopping|session"],
    [
      ["--type", "sliding", "--size", "10", "1"],
      '--type must be one of tumbling, hopping, session, got "sliding"',
    ],
    [["--type", "tumbling", "1"], "tumbling windows need --size <ms>"],
    [["--type", "hopping", "--advance", "5", "1"], "hopping windows need --size <ms>"],
    [["--type", "hopping", "--size", "10", "1"], "hopping windows need --advance <ms>"],
    [
      ["--type", "hopping", "--size", "10", "--advance", "11", "1"],
      "--advance (11) must not be larger than --size (10)",
    ],
    [
      ["--type", "hopping", "--size", "10", "--advance", "0", "1"],
      '--advance must be an integer from 1 to 1000000000000000, got "0"',
    ],
    [["--type", "tumbling", "--size", "10", "--advance", "5", "1"], "--advance is only for hopping windows"],
    [
      ["--type", "tumbling", "--size", "0", "1"],
      '--size must be an integer from 1 to 1000000000000000, got "0"',
    ],
    [["--type", "tumbling", "--size", "10", "--gap", "5", "1"], "--gap is only for session windows"],
    [["--type", "session", "1"], "session windows need --gap <ms>"],
    [["--type", "session", "--gap", "5", "--size", "10", "1"], "session windows take --gap, not --size"],
    [
      ["--type", "tumbling", "--size", "10", "--offset", "2", "1"],
      "--offset is only for --semantics flink (Kafka Streams' windows are epoch-aligned)",
    ],
    [
      ["--semantics", "flink", "--type", "tumbling", "--size", "10", "--offset", "10", "1"],
      '--offset must be an integer from -9 to 9, got "10"',
    ],
    [
      ["--semantics", "beam", "--type", "tumbling", "--size", "10", "1"],
      '--semantics must be one of kafka-streams, flink, got "beam"',
    ],
    [["--type", "tumbling", "--size", "10"], "windows needs at least one <timestamp>"],
    [
      ["--type", "tumbling", "--size", "10", "1.5"],
      '<timestamp> must be an integer from -1000000000000000 to 1000000000000000, got "1.5"',
    ],
    [
      ["--type", "tumbling", "--size", "10", "--", "-1"],
      "Kafka Streams drops records with negative timestamps",
    ],
    [
      ["--type", "tumbling", "--size", "10", "-1"],
      "unknown option -1; put negative timestamps after --: windows ... -- -1",
    ],
    [
      ["--type", "hopping", "--size", "100000", "--advance", "1", "1"],
      "--size / --advance must be at most 10000 windows per record",
    ],
  ])("shouldRefuse %j", async (args, message) => {
    expect(await usageError(...args)).toBe(message);
  });

  it("shouldBeListedInHelp", async () => {
    const { code, out } = await cli(["help", "windows"]);
    expect(code).toBe(0);
    expect(out).toContain("Usage: topolab windows --type <tumbling|hopping|session>");
  });
});
