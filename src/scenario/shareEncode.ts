/**
 * The encoding half of the share-link codec (format in `shareUrl.ts`). It is its own module because encoding needs
 * no validation: the page writes links from the first screen, and loads the validator only to read one.
 */
import LZString from "lz-string";
import type { Scenario } from "./schema";

export const SHARE_FORMAT = "v1";
/** Names allowed for `extra` settings: short identifiers (so never `__proto__`), and not `s`. */
export const EXTRA_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/**
 * The compressed form of each scenario object encoded so far: the address bar follows every step, and the scenario
 * part of its link changes only when another scenario is opened (scenarios are not mutated once loaded).
 */
const compressed = new WeakMap<Scenario, string>();

function compress(scenario: Scenario): string {
  let data = compressed.get(scenario);
  if (data === undefined) {
    const { $schema: _editorOnly, ...shared } = scenario;
    data = LZString.compressToEncodedURIComponent(JSON.stringify(shared));
    compressed.set(scenario, data);
  }
  return data;
}

/**
 * Encodes a scenario and a trace step as a fragment (with its `#`). `extra` holds app settings such as a view or a
 * language. Throws on a negative or fractional cursor or a bad setting name: those are programming errors.
 */
export function encodeShareFragment(
  scenario: Scenario,
  cursor: number,
  extra: Record<string, string> = {},
): string {
  if (!Number.isSafeInteger(cursor) || cursor < 0)
    throw new RangeError(`cursor must be a non-negative integer, got ${cursor}`);
  let fragment = `#${SHARE_FORMAT}/${compress(scenario)}/s=${cursor}`;
  for (const name of Object.keys(extra).sort()) {
    if (!EXTRA_NAME.test(name) || name === "s")
      throw new RangeError(`bad share-link setting name ${JSON.stringify(name)}`);
    fragment += `/${name}=${encodeURIComponent(extra[name]!)}`;
  }
  return fragment;
}
