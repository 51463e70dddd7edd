/**
 * The share-link codec: a scenario and a step of its trace, in a URL fragment.
 *
 * Format (version 1): `#v1/<data>/s=<cursor>[/<name>=<value>...]`, where `<data>` is the scenario's JSON compressed
 * with lz-string's `compressToEncodedURIComponent` (alphabet `A–Z a–z 0–9 + - $`, so never a `/`), `s` is the
 * trace step to open at, and the optional `<name>=<value>` parts carry app settings (URI-encoded, sorted by name).
 * The prefix names the format, as the TypeScript playground's `#code/` does, so a later format can coexist.
 *
 * A fragment is untrusted: decoding never throws, caps the decompressed size (2 MB, against zip bombs) and runs
 * the full scenario validation; its errors come back with paths under `scenario`.
 */
import { MAX_SCENARIO_TEXT_BYTES } from "./defaults";
import { describeValue } from "./describeValue";
import { parseJsonText } from "./jsonText";
import { decompressFromEncodedURIComponentBounded } from "./lzDecompressBounded";
import { appendErrors, prefixErrors, type ScenarioError } from "./scenarioError";
import type { Scenario } from "./schema";
import { EXTRA_NAME, SHARE_FORMAT } from "./shareEncode";
import { validateScenario } from "./validate";

export { encodeShareFragment, SHARE_FORMAT } from "./shareEncode";

/** A link longer than this is refused before any work (browsers cap URLs at about 2 MB). */
const MAX_FRAGMENT_CHARS = 4 * 1024 * 1024;

export type ShareDecodeResult =
  | { ok: true; scenario: Scenario; cursor: number; extra: Record<string, string> }
  | { ok: false; errors: ScenarioError[] };

function damaged(reason: string): ShareDecodeResult {
  return { ok: false, errors: [{ path: "", message: `the share link is damaged: ${reason}` }] };
}

/** The fragment of a URL (after `#`), a `#…` fragment, or the fragment itself. */
function fragmentOf(link: string): string | null {
  const hash = link.indexOf("#");
  if (hash >= 0) return link.slice(hash + 1);
  return /^[a-z][a-z0-9+.-]*:/i.test(link) ? null : link;
}

function decodePart(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Reads `s=<cursor>` and the settings after the data. */
function decodeParameters(parts: readonly string[]) {
  const errors: ScenarioError[] = [];
  const extra: Record<string, string> = {};
  let cursor = 0;
  let sawCursor = false;
  for (const part of parts) {
    const equals = part.indexOf("=");
    const name = equals < 0 ? part : part.slice(0, equals);
    const value = equals < 0 ? null : decodePart(part.slice(equals + 1));
    if (value === null || !EXTRA_NAME.test(name)) {
      errors.push({ path: "", message: `the share link is damaged: bad parameter ${describeValue(part)}` });
    } else if (name === "s") {
      if (sawCursor) errors.push({ path: "s", message: "the step (s) is given twice" });
      sawCursor = true;
      if (/^\d{1,15}$/.test(value)) cursor = Number(value);
      else
        errors.push({
          path: "s",
          message: `the step (s) must be a non-negative integer, got ${describeValue(value)}`,
        });
    } else if (Object.hasOwn(extra, name)) {
      errors.push({ path: name, message: `the setting ${JSON.stringify(name)} is given twice` });
    } else {
      extra[name] = value;
    }
  }
  return { errors, extra, cursor };
}

/** Decodes a full URL, a `#…` fragment or a bare fragment. Never throws: every problem is an error in the result. */
export function decodeShareFragment(fragmentOrUrl: string): ShareDecodeResult {
  if (typeof fragmentOrUrl !== "string") return damaged(`expected text, got ${describeValue(fragmentOrUrl)}`);
  if (fragmentOrUrl.length > MAX_FRAGMENT_CHARS) return damaged("it is too long to hold a scenario");
  const fragment = fragmentOf(fragmentOrUrl.trim());
  if (fragment === null || fragment === "") {
    return { ok: false, errors: [{ path: "", message: "the link holds no scenario (nothing after #)" }] };
  }
  const [format, data, ...parameters] = fragment.split("/");
  if (format !== SHARE_FORMAT) {
    return {
      ok: false,
      errors: [
        {
          path: "",
          message: `unknown share-link format ${describeValue(format)} (expected "${SHARE_FORMAT}")`,
        },
      ],
    };
  }
  const compressed = data === undefined ? null : decodePart(data);
  if (compressed === null || compressed === "") return damaged("the scenario data is missing");
  const decompressed = decompressFromEncodedURIComponentBounded(compressed, MAX_SCENARIO_TEXT_BYTES);
  if (!decompressed.ok) {
    return decompressed.reason === "too-large"
      ? damaged("the scenario data decompresses to more than 2 MB")
      : damaged("the scenario data could not be decompressed");
  }
  const json = parseJsonText(decompressed.text, "the scenario");
  if (!json.ok) {
    // A duplicate field is a problem of the scenario, at its path; anything else means the data is damaged.
    if (json.path !== undefined) {
      return { ok: false, errors: prefixErrors("scenario", [{ path: json.path, message: json.message }]) };
    }
    return damaged(`the scenario is not valid JSON (${json.message})`);
  }

  const { errors, extra, cursor } = decodeParameters(parameters);
  const validated = validateScenario(json.value);
  if (!validated.ok) appendErrors(errors, prefixErrors("scenario", validated.errors));
  if (!validated.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: validated.scenario, cursor, extra };
}
