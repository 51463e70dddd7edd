import { describe, expect, it } from "vitest";
import { PENDING_NOTE } from "../format/assignmentText";
import { cli } from "../testing";
import { assignCommand } from "./assign";

async function assign(...args: string[]) {
  const { code, out, err } = await cli(["assign", ...args]);
  return { code, out, err };
}

/** The table, given as lines. */
const lines = (...rows: string[]) => rows.map((row) => `${row}\n`).join("");

const T0_T1 = ["--topic", "t0:3", "--topic", "t1:3", "--member", "C0", "--member", "C1"];
const FOUR_TOPICS = ["t0", "t1", "t2", "t3"].flatMap((t) => ["--topic", `${t}:2`]);

describe("assign", () => {
  it("shouldAssignAsTheRangeAssignorJavadocSays", async () => {
    expect(await assign("--assignor", "range", ...T0_T1)).toEqual({
      code: 0,
      out: lines("member  range", "C0      t0-0, t0-1, t1-0, t1-1", "C1      t0-2, t1-2"),
      err: "",
    });
  });

  it("shouldAssignAsTheRoundRobinAssignorJavadocSays", async () => {
    expect((await assign("--assignor", "roundrobin", ...T0_T1)).out).toBe(
      lines("member  roundrobin", "C0      t0-0, t0-2, t1-1", "C1      t0-1, t1-0, t1-2"),
    );
  });

  it("shouldSubscribeAMemberOnlyToTheTopicsItLists", async () => {
    const { out } = await assign("--assignor", "range", ...T0_T1, "--member", "C2:t1");
    expect(out).toBe(
      lines("member  range", "C0      t0-0, t0-1, t1-0", "C1      t0-2, t1-1", "C2      t1-2"),
    );
  });

  it("shouldShowEveryAssignorSideBySide", async () => {
    const { code, out } = await assign(
      "--assignor",
      "all",
      ...FOUR_TOPICS,
      "--member",
      "C0",
      "--member",
      "C1",
    );
    expect(code).toBe(0);
    expect(out).toBe(
      lines(
        "member  range                   roundrobin              sticky                  cooperative-sticky",
        "C0      t0-0, t1-0, t2-0, t3-0  t0-0, t1-0, t2-0, t3-0  t0-0, t1-0, t2-0, t3-0  t0-0, t1-0, t2-0, t3-0",
        "C1      t0-1, t1-1, t2-1, t3-1  t0-1, t1-1, t2-1, t3-1  t0-1, t1-1, t2-1, t3-1  t0-1, t1-1, t2-1, t3-1",
      ),
    );
  });

  it("shouldKeepOwnedPartitionsWithTheStickyAssignorWhereRoundRobinReshuffles", async () => {
    // The StickyAssignor javadoc: C1 left a group of C0, C1, C2 that owned what `all` gives three members.
    const { out } = await assign(
      "--assignor",
      "all",
      ...FOUR_TOPICS,
      "--member",
      "C0",
      "--member",
      "C2",
      "--owned",
      "C0=t0-0,t1-1,t3-0",
      "--owned",
      "C2=t1-0,t2-1",
    );
    expect(out).toBe(
      lines(
        "member  range                   roundrobin              sticky                  cooperative-sticky",
        "C0      t0-0, t1-0, t2-0, t3-0  t0-0, t1-0, t2-0, t3-0  t0-0, t0-1, t1-1, t3-0  t0-0, t0-1, t1-1, t3-0",
        "C2      t0-1, t1-1, t2-1, t3-1  t0-1, t1-1, t2-1, t3-1  t1-0, t2-0, t2-1, t3-1  t1-0, t2-0, t2-1, t3-1",
      ),
    );
  });

  it("shouldSplitOwnedPartitionsAtTheLastDash", async () => {
    const { out } = await assign(
      "--assignor",
      "sticky",
      "--topic",
      "order-events:3",
      "--member",
      "C0",
      "--member",
      "C1",
      "--owned",
      "C1=order-events-0,order-events-1",
    );
    expect(out).toBe(
      lines("member  sticky", "C0      order-events-2", "C1      order-events-0, order-events-1"),
    );
  });

  it("shouldMarkThePartitionsCooperativeStickyWithholdsUntilTheFollowUpRebalance", async () => {
    const args = ["--topic", "t:6", "--member", "C0", "--member", "C1", "--member", "C2"];
    const owned = ["--owned", "C0=t-0,t-1,t-2", "--owned", "C1=t-3,t-4,t-5"];
    const { out } = await assign("--assignor", "cooperative-sticky", ...args, ...owned);
    expect(out).toBe(
      lines(
        "member  cooperative-sticky",
        "C0      t-0, t-1",
        "C1      t-3, t-4",
        "C2      - (pending: t-2, t-5)",
        PENDING_NOTE,
      ),
    );
    // The follow-up rebalance: C0 and C1 revoked t-2 and t-5, so nobody owns them and C2 gets them.
    const followUp = ["--owned", "C0=t-0,t-1", "--owned", "C1=t-3,t-4", "--generation", "2"];
    expect((await assign("--assignor", "cooperative-sticky", ...args, ...followUp)).out).toBe(
      lines("member  cooperative-sticky", "C0      t-0, t-1", "C1      t-3, t-4", "C2      t-2, t-5"),
    );
  });

  it("shouldWithholdAPartitionTwoMembersClaimUntilBothRevokedIt", async () => {
    const { out } = await assign(
      "--assignor",
      "cooperative-sticky",
      "--topic",
      "t:4",
      "--member",
      "C0",
      "--member",
      "C1",
      "--owned",
      "C0=t-0,t-1",
      "--owned",
      "C1=t-1,t-2,t-3",
    );
    expect(out).toBe(
      lines("member  cooperative-sticky", "C0      t-0 (pending: t-1)", "C1      t-2, t-3", PENDING_NOTE),
    );
  });

  it("shouldSortStaticMembersFirstByInstanceIdThenDynamicMembersById", async () => {
    // AbstractPartitionAssignorTest#testMemberInfoSortingSomeGroupInstanceId: b (instance y), c (instance x), a.
    const { out } = await assign(
      "--assignor",
      "range",
      "--topic",
      "t:5",
      "--member",
      "a",
      "--member",
      "b@y",
      "--member",
      "c@x",
    );
    expect(out).toBe(lines("member  range", "c@x     t-0, t-1", "b@y     t-2, t-3", "a       t-4"));
  });

  it("shouldPrintJsonByAssignorThenMemberWithCooperativePendingApart", async () => {
    const { code, out, err } = await assign(
      "--assignor",
      "all",
      "--topic",
      "t:3",
      "--member",
      "C1",
      "--member",
      "C0@i",
      "--owned",
      "C1=t-0,t-1,t-2",
      "--json",
    );
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(JSON.parse(out)).toEqual({
      range: { C0: ["t-0", "t-1"], C1: ["t-2"] },
      roundrobin: { C0: ["t-0", "t-2"], C1: ["t-1"] },
      sticky: { C0: ["t-2"], C1: ["t-0", "t-1"] },
      "cooperative-sticky": { C0: [], C1: ["t-0", "t-1"] },
      "cooperative-sticky/pending": { C0: ["t-2"], C1: [] },
    });
    expect(out).toBe(
      [
        "{",
        '  "range": {"C0":["t-0","t-1"],"C1":["t-2"]},',
        '  "roundrobin": {"C0":["t-0","t-2"],"C1":["t-1"]},',
        '  "sticky": {"C0":["t-2"],"C1":["t-0","t-1"]},',
        '  "cooperative-sticky": {"C0":[],"C1":["t-0","t-1"]},',
        '  "cooperative-sticky/pending": {"C0":["t-2"],"C1":[]}',
        "}\n",
      ].join("\n"),
    );
  });

  it("shouldPrintNoPendingKeyWhenCooperativeStickyDidNotRun", async () => {
    const { out } = await assign("--assignor", "sticky", ...T0_T1, "--json");
    expect(out).toBe('{"sticky":{"C0":["t0-0","t0-2","t1-1"],"C1":["t0-1","t1-0","t1-2"]}}\n');
  });

  it("shouldListItsOptionsInHelp", async () => {
    const { code, out } = await cli(["help", "assign"]);
    expect(code).toBe(0);
    expect(out).toContain(`Usage: topolab ${assignCommand.synopsis}`);
    expect(out).toContain("--generation N");
  });

  const T = ["--topic", "t:3"];
  const M = ["--member", "C0"];
  const RANGE = ["--assignor", "range"];
  it.each([
    [[...T, ...M], "assign needs --assignor <name|all>"],
    [
      ["--assignor", "Range", ...T, ...M],
      'unknown assignor "Range" (assignors: range, roundrobin, sticky, cooperative-sticky, or all)',
    ],
    [[...RANGE, ...M], "assign needs at least one --topic <name>:<partitions>"],
    [[...RANGE, ...T], "assign needs at least one --member <member-id>[@<instance-id>][:<topic>,<topic>...]"],
    [[...RANGE, "--topic", "t", ...M], '--topic must be <name>:<partitions>, got "t"'],
    [[...RANGE, "--topic", ":3", ...M], '--topic must be <name>:<partitions>, got ":3"'],
    [[...RANGE, "--topic", "t:", ...M], '--topic must be <name>:<partitions>, got "t:"'],
    ...["a b:3", "t/x:3", "..:3", `${"t".repeat(250)}:3`, "a:b:3"].map((spec) => [
      [...RANGE, "--topic", spec, ...M],
      `--topic ${JSON.stringify(spec)}: a topic name is 1 to 249 characters of [A-Za-z0-9._-], other than "." and ".."`,
    ]),
    ...["0", "10001", "2.5", "x", "-1"].map((n) => [
      [...RANGE, `--topic=t:${n}`, ...M],
      `--topic "t:${n}": the partition count must be an integer from 1 to 10000, got ${JSON.stringify(n)}`,
    ]),
    [[...RANGE, ...T, "--topic", "t:4", ...M], '--topic "t:4": topic "t" is given twice'],
    ...["C 0", "C0@", "@i", "C0:", "C0:t,", "C0@i@j", "C0@i:t,,t"].map((spec) => [
      [...RANGE, ...T, "--member", spec],
      `--member must be <member-id>[@<instance-id>][:<topic>,<topic>...], with ids and topics of [A-Za-z0-9._-], got ${JSON.stringify(spec)}`,
    ]),
    [[...RANGE, ...T, ...M, "--member", "C0@i"], '--member "C0@i": member id "C0" is given twice'],
    [
      [...RANGE, ...T, "--member", "C0@i", "--member", "C1@i"],
      '--member "C1@i": instance id "i" is already C0\'s',
    ],
    [
      [...RANGE, ...T, "--topic", "u:1", "--member", "C0:t,x"],
      '--member "C0:t,x": topic "x" is not declared with --topic (topics: t, u)',
    ],
    ...["C0", "=t-0", "C0=", "C0=t", "C0=t-", "C0=-1", "C0=t-x", "C0=t-0,", "C0=t-+1"].map((spec) => [
      [...RANGE, ...T, ...M, "--owned", spec],
      `--owned must be <member-id>=<topic>-<partition>,<topic>-<partition>..., got ${JSON.stringify(spec)}`,
    ]),
    [
      [...RANGE, ...T, ...M, "--member", "C1", "--owned", "C2=t-0"],
      '--owned "C2=t-0": unknown member "C2" (members: C0, C1)',
    ],
    [
      [...RANGE, ...T, ...M, "--owned", "C0=t-0,u-0"],
      '--owned "C0=t-0,u-0": topic "u" is not declared with --topic (topics: t)',
    ],
    [
      [...RANGE, ...T, ...M, "--owned", "C0=t-3"],
      '--owned "C0=t-3": t-3 does not exist (t has 3 partitions)',
    ],
    [
      [...RANGE, "--topic", "t:1", ...M, "--owned", "C0=t-1"],
      '--owned "C0=t-1": t-1 does not exist (t has 1 partition)',
    ],
    [
      [...RANGE, ...T, ...M, "--generation=-1"],
      '--generation must be an integer from 0 to 2147483647, got "-1"',
    ],
    [[...RANGE, ...T, ...M, "extra"], 'assign takes only options; unexpected "extra"'],
    [[...RANGE, ...T, ...M, "--topics", "t:1"], "unknown option --topics"],
  ] as [string[], string][])("shouldRefuse %j", async (args, message) => {
    expect(await assign(...args)).toEqual({
      code: 2,
      out: "",
      err: `${message}\nusage: topolab ${assignCommand.synopsis}\n`,
    });
  });
});

describe("assign with hostile ids", () => {
  it("refuses __proto__ as a member id with a usage error", async () => {
    const { code, err } = await cli([
      "assign",
      "--assignor",
      "range",
      "--topic",
      "t:2",
      "--member",
      "__proto__",
    ]);
    expect(code).toBe(2);
    expect(err).toContain('"__proto__" cannot be a member id');
  });
});
