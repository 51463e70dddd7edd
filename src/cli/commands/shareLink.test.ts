import { describe, expect, it } from "vitest";
import { encodeShareFragment } from "../../scenario/shareUrl";
import { TINY_SCENARIO, TINY_TEXT } from "../cliFixtures";
import { cli } from "../testing";

const files = { "tiny.json": TINY_TEXT };

async function fragmentOf(ref: string, ...options: string[]): Promise<string> {
  const { code, out, err } = await cli(["url", ref, ...options], files);
  expect(err).toBe("");
  expect(code).toBe(0);
  return out.trimEnd();
}

describe("url", () => {
  it("shouldPrintAV1FragmentAtStep0ByDefault", async () => {
    expect(await fragmentOf("tiny.json")).toMatch(/^#v1\/[A-Za-z0-9+\-$]+\/s=0$/);
  });

  it("shouldPutTheStepInTheFragment", async () => {
    expect(await fragmentOf("tiny.json", "--step", "4")).toMatch(/\/s=4$/);
  });

  it("shouldPrefixTheBaseUrl", async () => {
    expect(await fragmentOf("transformations", "--base", "https://example.org/topolab/")).toMatch(
      /^https:\/\/example\.org\/topolab\/#v1\//,
    );
  });

  it("shouldRefuseAStepPastTheEndOfTheRun", async () => {
    const { code, err } = await cli(["url", "tiny.json", "--step", "100000"], files);
    expect(code).toBe(2);
    expect(err).toMatch(/^--step must be an integer from 0 to \d+, got "100000"\n/);
  });
});

describe("decode", () => {
  it("shouldPrintTheScenarioOnStdoutAndTheStepOnStderr", async () => {
    const fragment = await fragmentOf("tiny.json", "--step", "7");
    const { code, out, err } = await cli(["decode", fragment]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(TINY_SCENARIO);
    expect(err).toBe("step: 7\n");
  });

  it("shouldDecodeAWholeUrlAndAFragmentWithoutHash", async () => {
    const fragment = await fragmentOf("branch-merge");
    const viaUrl = await cli(["decode", `https://example.org/lab/${fragment}`]);
    const bare = await cli(["decode", fragment.slice(1)]);
    expect(viaUrl.code).toBe(0);
    expect(bare.out).toBe(viaUrl.out);
  });

  it("shouldRoundTripThroughAFileThatRunAccepts", async () => {
    const decoded = (await cli(["decode", await fragmentOf("keyed-partitioning")])).out;
    const viaFile = await cli(["run", "decoded.json", "--json"], { "decoded.json": decoded });
    expect(viaFile.code).toBe(0);
    expect(JSON.parse(viaFile.out).digest).toBe(
      JSON.parse((await cli(["run", "keyed-partitioning", "--json"])).out).digest,
    );
  });

  it("shouldPrintStepSettingsAndScenarioWithJson", async () => {
    const fragment = encodeShareFragment(TINY_SCENARIO as never, 2, { view: "physical" });
    const { code, out, err } = await cli(["decode", fragment, "--json"]);
    expect(code).toBe(0);
    expect(err).toBe("");
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(["step", "settings", "scenario"]);
    expect(result).toEqual({ step: 2, settings: { view: "physical" }, scenario: TINY_SCENARIO });
  });

  it("shouldPrintEachSettingOnItsOwnLine", async () => {
    const fragment = encodeShareFragment(TINY_SCENARIO as never, 1, { lang: "ja", note: "two\nlines" });
    const { code, err } = await cli(["decode", fragment]);
    expect(code).toBe(0);
    expect(err).toBe('step: 1\nlang: ja\nnote: "two\\nlines"\n');
  });

  it("shouldPrintScenarioErrorsUnderScenarioAndExit1", async () => {
    const fragment = encodeShareFragment({ ...TINY_SCENARIO, topics: [] } as never, 0);
    const { code, out, err } = await cli(["decode", fragment]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/^scenario\.topics: /m);
  });

  it("shouldRefuseADamagedLink", async () => {
    expect(await cli(["decode", "#v1/%%%/s=0"])).toMatchObject({ code: 1, out: "" });
    expect(await cli(["decode", "#v9/abc"])).toMatchObject({
      code: 1,
      err: expect.stringContaining("unknown share-link format"),
    });
  });

  it("shouldRefuseAStepPastTheEndOfTheRun", async () => {
    const fragment = encodeShareFragment(TINY_SCENARIO as never, 100_000);
    const { code, err } = await cli(["decode", fragment]);
    expect(code).toBe(1);
    expect(err).toMatch(/^s: the step 100000 is past the end of the run \(\d+ steps\)\n$/);
  });
});
