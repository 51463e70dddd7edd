import { describe, expect, it } from "vitest";
import { lessons } from "../../scenario/lessons";
import { INVALID_TEXT, STEP_LIMITED_TEXT, TINY_TEXT } from "../cliFixtures";
import type { RunReport } from "../format/runReport";
import { cli } from "../testing";

const files = { "tiny.json": TINY_TEXT, "invalid.json": INVALID_TEXT, "limited.json": STEP_LIMITED_TEXT };

async function runJson(ref: string): Promise<RunReport> {
  const { code, out, err } = await cli(["run", ref, "--json"], files);
  expect(err).toBe("");
  expect(code).toBe(0);
  return JSON.parse(out) as RunReport;
}

describe("run", () => {
  it.each(lessons.map((l) => [l.id]))("shouldPrintEveryTopicAndSinkOfLesson %s", async (id) => {
    const { code, out, err } = await cli(["run", id]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const lesson = lessons.find((l) => l.id === id)!;
    expect(out.split("\n")[0]).toBe(lesson.title);
    for (const topic of lesson.scenario.topics) expect(out).toContain(`Topic ${topic.name} (`);
    for (const node of lesson.scenario.app.topology) {
      if (node.op === "sink") expect(out).toContain(`  ${node.id} → ${node.topic}: wrote `);
    }
  });

  it("shouldPrintPartitionsAsTablesWithOffsetsKeysValuesAndTimes", async () => {
    const { out } = await cli(["run", "tiny.json"], files);
    expect(out).toContain("Topic numbers (input, 2 partitions, 3 records)\n");
    expect(out).toMatch(/ {4}offset {2}key {4}value {2}timestamp {2}appended\n/);
    expect(out).toContain("Topic doubled (output, 1 partition, 2 records)\n");
    expect(out).toContain("  out → doubled: wrote 2 records\n");
    expect(out).toMatch(/\n {2}small +3 +2 +1\n/); // the filter dropped the 6
  });

  it("shouldPrintTheDocumentedJsonFields", async () => {
    const report = await runJson("tiny.json");
    expect(Object.keys(report)).toEqual([
      "outputVersion",
      "scenario",
      "steps",
      "endTimeMs",
      "digest",
      "topics",
      "sinks",
      "tasks",
      "instances",
      "group",
      "counters",
      "windows",
    ]);
    expect(report.outputVersion).toBe(2);
    expect(report.scenario).toEqual({ title: "Tiny doubling pipeline", seed: 3 });
    expect(report.steps).toBeGreaterThan(0);
    expect(report.digest).toMatch(/^[0-9a-f]+$/);
    const numbers = report.topics.find((t) => t.name === "numbers")!;
    expect(numbers.role).toBe("input");
    expect(numbers.partitions.map((p) => p.partition)).toEqual([0, 1]);
    const all = numbers.partitions.flatMap((p) => p.records);
    expect(all).toHaveLength(3);
    expect(Object.keys(all[0]!)).toEqual(["offset", "key", "value", "timestamp", "appendTimeMs"]);
    expect(all.find((r) => r.key === "bob")).toMatchObject({ value: 2, timestamp: 5, appendTimeMs: 10 });
    expect(report.sinks).toEqual([
      {
        node: "out",
        topic: "doubled",
        records: [
          {
            partition: 0,
            offset: 0,
            key: expect.any(String),
            value: expect.any(Number),
            timestamp: expect.any(Number),
            reprocessed: false,
          },
          {
            partition: 0,
            offset: 1,
            key: expect.any(String),
            value: expect.any(Number),
            timestamp: expect.any(Number),
            reprocessed: false,
          },
        ],
      },
    ]);
    expect(report.tasks.map((t) => t.id)).toEqual(["0_0", "0_1"]);
    expect(Object.keys(report.tasks[0]!.partitions[0]!)).toEqual([
      "topic",
      "partition",
      "position",
      "committed",
      "lag",
    ]);
    expect(report.instances).toEqual([
      { name: "instance-1", memberId: "instance-1", running: true, tasks: ["0_0", "0_1"] },
    ]);
    expect(report.group.generations).toEqual([
      expect.objectContaining({
        generation: 1,
        assignor: "range",
        reason: "joined",
        members: [{ memberId: "instance-1", instance: "instance-1", running: true, tasks: ["0_0", "0_1"] }],
      }),
    ]);
    expect(report.counters).toEqual({
      "numbers-in": { in: 3, out: 3, dropped: 0 },
      double: { in: 3, out: 3, dropped: 0 },
      small: { in: 3, out: 2, dropped: 1 },
      out: { in: 2, out: 2, dropped: 0 },
    });
  });

  it("shouldReportSinkRecordsWhereTheyAreInTheOutputTopic", async () => {
    for (const lesson of lessons) {
      const report = await runJson(lesson.id);
      for (const sink of report.sinks) {
        const topic = report.topics.find((t) => t.name === sink.topic)!;
        for (const written of sink.records) {
          const logged = topic.partitions[written.partition]!.records[written.offset]!;
          expect(logged).toMatchObject({
            key: written.key,
            value: written.value,
            timestamp: written.timestamp,
          });
        }
      }
    }
  });

  it("shouldGiveTheSameOutputEveryTime", async () => {
    expect((await cli(["run", "keyed-partitioning", "--json"])).out).toBe(
      (await cli(["run", "keyed-partitioning", "--json"])).out,
    );
  });

  it("shouldPrintEveryScenarioErrorAndExit1", async () => {
    const { code, out, err } = await cli(["run", "invalid.json"], files);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err.trimEnd().split("\n").length).toBeGreaterThanOrEqual(3);
    expect(err).toContain("seed: must be ≥ 0\n");
  });

  it("shouldReportALimitAsOneLineAndExit1", async () => {
    const { code, err } = await cli(["run", "limited.json"], files);
    expect(code).toBe(1);
    expect(err).toMatch(/^the run passed 5 steps \(limits\.maxSteps\)[^\n]*\n$/);
  });

  it("shouldRefuseAMissingArgument", async () => {
    expect(await cli(["run"])).toMatchObject({
      code: 2,
      err: "run needs <file|lesson-id>\nusage: topolab run <file|lesson-id> [--json]\n",
    });
  });

  it("shouldReportWindowResultsLateRecordsStreamTimesAndWatermarks", async () => {
    const kafka = await runJson("tumbling-grace");
    expect(kafka.windows).toEqual([
      {
        node: "count",
        results: [
          {
            task: "0_0",
            key: "alice",
            start: 0,
            end: 10000,
            value: 3,
            timestamp: 9000,
            emittedAtMs: 4000,
            kind: "final",
            reprocessed: false,
          },
        ],
        late: [
          {
            task: "0_0",
            key: "alice",
            value: { page: "/thanks" },
            timestamp: 9500,
            window: { start: 0, end: 10000 },
            outcome: "dropped",
            rule: "window [0, 10000) ends at 10000 ≤ stream time 12000 − grace 2000 = 10000: too late",
            atMs: 5000,
          },
        ],
      },
    ]);
    expect(kafka.tasks[0]).toMatchObject({
      streamTimeMs: 12000,
      watermarks: {},
      operatorStreamTimes: { count: 12000 },
    });
    const flink = await runJson("tumbling-flink");
    expect(flink.windows[0]!.results.map((r) => [r.key, r.value, r.kind])).toEqual([
      ["alice", 3, "pane"],
      ["alice", 4, "pane"],
    ]);
    expect(flink.windows[0]!.late.map((l) => [l.key, l.outcome])).toEqual([["bob", "sideOutput"]]);
    expect(flink.tasks[0]!.watermarks).toEqual({ in: 10999, count: 10999 });
  });

  it("shouldPrintWindowResultsAndLateRecordsAsText", async () => {
    const { out } = await cli(["run", "tumbling-grace"]);
    expect(out).toContain("Windows of count: 1 result, 1 late record\n");
    expect(out).toMatch(/\n {2}0_0 +"alice" +\[0, 10000\) +3 +final +4000\n/);
    expect(out).toContain(
      'late "alice" ts=9500 (dropped): window [0, 10000) ends at 10000 ≤ stream time 12000 − grace 2000 = 10000: too late',
    );
  });
});
