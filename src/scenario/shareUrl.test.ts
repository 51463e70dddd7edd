import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { decodeShareFragment, encodeShareFragment } from "./shareUrl";
import { lzBomb } from "./testing/lzBomb";
import { validScenarioInput } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

function validScenario() {
  const result = validateScenario(validScenarioInput());
  if (!result.ok) throw new Error("fixture is invalid");
  return result.scenario;
}

const pack = (text: string) => `#v1/${LZString.compressToEncodedURIComponent(text)}/s=0`;

describe("share links", () => {
  it("round-trips a scenario, the cursor and extra settings", () => {
    const scenario = validScenario();
    const fragment = encodeShareFragment(scenario, 42, { view: "physical", lang: "ja" });
    expect(fragment).toMatch(/^#v1\/[A-Za-z0-9+\-$]+\/s=42\/lang=ja\/view=physical$/);
    expect(decodeShareFragment(fragment)).toEqual({
      ok: true,
      scenario,
      cursor: 42,
      extra: { lang: "ja", view: "physical" },
    });
  });

  it("gives the same link for the same scenario whatever the field order it was written in", () => {
    const a = validScenarioInput();
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    const first = validateScenario(a);
    const second = validateScenario(reordered);
    if (!first.ok || !second.ok) throw new Error("fixture is invalid");
    expect(encodeShareFragment(second.scenario, 0)).toBe(encodeShareFragment(first.scenario, 0));
  });

  it("leaves the editor-only $schema field out of the link", () => {
    const input = { ...validScenarioInput(), $schema: "../docs/scenario.schema.json" };
    const result = validateScenario(input);
    if (!result.ok) throw new Error("fixture is invalid");
    const decoded = decodeShareFragment(encodeShareFragment(result.scenario, 0));
    expect(decoded.ok && "$schema" in decoded.scenario).toBe(false);
  });

  it("accepts a full URL, a #fragment, or the fragment without #", () => {
    const fragment = encodeShareFragment(validScenario(), 3);
    for (const link of [`https://example.org/topolab/?x=1${fragment}`, fragment, fragment.slice(1)]) {
      const decoded = decodeShareFragment(link);
      expect(decoded.ok && decoded.cursor).toBe(3);
    }
  });

  it("accepts data whose characters were percent-encoded along the way", () => {
    const fragment = encodeShareFragment(validScenario(), 1).replaceAll("$", "%24").replaceAll("+", "%2B");
    expect(decodeShareFragment(fragment).ok).toBe(true);
  });

  it("reads a missing cursor as step 0", () => {
    const fragment = encodeShareFragment(validScenario(), 9).replace("/s=9", "");
    expect(decodeShareFragment(fragment)).toMatchObject({ ok: true, cursor: 0, extra: {} });
  });

  it("refuses a bad cursor", () => {
    const fragment = encodeShareFragment(validScenario(), 9).replace("s=9", "s=-2");
    expect(decodeShareFragment(fragment)).toEqual({
      ok: false,
      errors: [{ path: "s", message: 'the step (s) must be a non-negative integer, got "-2"' }],
    });
  });

  it("refuses an unknown format prefix", () => {
    expect(decodeShareFragment("#v9/abc/s=0")).toEqual({
      ok: false,
      errors: [{ path: "", message: 'unknown share-link format "v9" (expected "v1")' }],
    });
  });

  it("says when a URL has no fragment", () => {
    expect(decodeShareFragment("https://example.org/topolab/")).toEqual({
      ok: false,
      errors: [{ path: "", message: "the link holds no scenario (nothing after #)" }],
    });
  });

  it("reports truncated data as damaged", () => {
    const fragment = encodeShareFragment(validScenario(), 0);
    const data = fragment.split("/")[1]!;
    const truncated = `#v1/${data.slice(0, Math.floor(data.length / 2))}/s=0`;
    expect(decodeShareFragment(truncated)).toEqual({
      ok: false,
      errors: [
        { path: "", message: "the share link is damaged: the scenario data could not be decompressed" },
      ],
    });
  });

  it("reports compressed text that is not JSON", () => {
    expect(decodeShareFragment(pack("{not json"))).toEqual({
      ok: false,
      errors: [
        {
          path: "",
          message:
            "the share link is damaged: the scenario is not valid JSON (JSON syntax error at 1:2: Expected property name or '}')",
        },
      ],
    });
  });

  it("refuses a link that decompresses to more than 2 MB", () => {
    expect(decodeShareFragment(`#v1/${lzBomb(3_000)}/s=0`)).toEqual({
      ok: false,
      errors: [
        { path: "", message: "the share link is damaged: the scenario data decompresses to more than 2 MB" },
      ],
    });
  });

  it("reports scenario errors under the path 'scenario', together with parameter errors", () => {
    const input = validScenarioInput();
    input.topics[0]!.partitions = 0;
    expect(decodeShareFragment(`${pack(JSON.stringify(input)).replace("s=0", "s=x")}`)).toEqual({
      ok: false,
      errors: [
        { path: "s", message: 'the step (s) must be a non-negative integer, got "x"' },
        { path: "scenario.topics[0].partitions", message: "must be ≥ 1" },
      ],
    });
  });

  it("rejects a __proto__ field without polluting Object.prototype", () => {
    const text = `{"__proto__": {"polluted": 1}, ${JSON.stringify(validScenarioInput()).slice(1, -1)}}`;
    expect(decodeShareFragment(pack(text))).toEqual({
      ok: false,
      errors: [{ path: "scenario.__proto__", message: 'unrecognized field "__proto__"' }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a __proto__ setting name", () => {
    const fragment = `${encodeShareFragment(validScenario(), 0)}/__proto__=x`;
    expect(decodeShareFragment(fragment)).toEqual({
      ok: false,
      errors: [{ path: "", message: 'the share link is damaged: bad parameter "__proto__=x"' }],
    });
  });

  it("never throws on arbitrary text, and only ever returns a valid scenario or errors", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `#v1/${s}`),
          fc.string({ unit: "binary" }).map((s) => `#v1/${LZString.compressToEncodedURIComponent(s)}/s=1`),
          fc.stringMatching(/^#v1\/[A-Za-z0-9+\-$]{0,80}(\/[a-z]=\w*){0,3}$/),
        ),
        (link) => {
          const result = decodeShareFragment(link);
          if (result.ok) expect(validateScenario(result.scenario).ok).toBe(true);
          else expect(result.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("refuses to encode a negative cursor or a reserved setting name", () => {
    expect(() => encodeShareFragment(validScenario(), -1)).toThrow(RangeError);
    expect(() => encodeShareFragment(validScenario(), 0, { s: "1" })).toThrow(RangeError);
  });
});
