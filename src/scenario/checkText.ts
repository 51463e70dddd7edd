/**
 * Text that is not what it seems. Two things are refused in a scenario's strings and field names:
 *
 * - **Half of a surrogate pair** (a lone `\uD800`), anywhere: it is not text. UTF-8 cannot encode it, so a key
 *   holding one would hash differently here and in Kafka (whose serializer writes `?` for it), and the scenario
 *   could not be saved as a file faithfully.
 * - **Bidirectional control characters** (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), everywhere but in
 *   `title`, `description` and the text inside record values: in names, ids, record keys, field names and
 *   expressions they make text display differently from what it is — two keys that look equal but are not, an
 *   expression that reads as one thing and runs as another (the "Trojan Source" attack, CVE-2021-42574). An
 *   expression that needs one in a string writes it as an escape (`'\u200F'`).
 */
import { MAX_JSON_DEPTH } from "./defaults";
import { formatPath, type PathSegment, type ScenarioError } from "./scenarioError";

/** Enough errors to show the pattern; the validator reports at most 200 in all. */
const MAX_ERRORS = 200;
/** The scenario's own structure is a few levels deep; deeper data is refused by the value checks anyway. */
const MAX_DEPTH = MAX_JSON_DEPTH + 16;

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const BIDI_NAMES: Readonly<Record<number, string>> = {
  1564: "ARABIC LETTER MARK",
  8206: "LEFT-TO-RIGHT MARK",
  8207: "RIGHT-TO-LEFT MARK",
  8234: "LEFT-TO-RIGHT EMBEDDING",
  8235: "RIGHT-TO-LEFT EMBEDDING",
  8236: "POP DIRECTIONAL FORMATTING",
  8237: "LEFT-TO-RIGHT OVERRIDE",
  8238: "RIGHT-TO-LEFT OVERRIDE",
  8294: "LEFT-TO-RIGHT ISOLATE",
  8295: "RIGHT-TO-LEFT ISOLATE",
  8296: "FIRST STRONG ISOLATE",
  8297: "POP DIRECTIONAL ISOLATE",
};

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/** A string as a message shows it: quoted, with every character outside printable ASCII escaped. */
export function visibleText(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `"${shown.replace(/[^\x20-\x7e…]|"|\\/g, (ch) => (ch === '"' || ch === "\\" ? `\\${ch}` : `\\u${hex(ch.charCodeAt(0))}`))}"`;
}

/** What is wrong with `text`, or null; `bidiAllowed` for free text (titles, record values). */
export function textProblem(text: string, bidiAllowed: boolean): string | null {
  const lone = LONE_SURROGATE.exec(text);
  if (lone !== null) {
    return `holds half of a surrogate pair (\\u${hex(lone[0].charCodeAt(0))} at character ${lone.index + 1}), which is not text: UTF-8 cannot encode it`;
  }
  if (bidiAllowed) return null;
  const bidi = BIDI.exec(text);
  if (bidi !== null) {
    const code = bidi[0].charCodeAt(0);
    return `holds the bidirectional control character U+${hex(code)} (${BIDI_NAMES[code]}) at character ${bidi.index + 1}: in names, keys and expressions it makes text read differently from what it is`;
  }
  return null;
}

/** Any character either check is about: most strings have none, and are passed with this one test. */
const SUSPECT = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

/** A place in the scenario: its last path segment and the place holding it (paths are built only for errors). */
interface Place {
  readonly segment: PathSegment;
  readonly parent: Place | null;
  readonly depth: number;
}

function pathOf(place: Place | null): PathSegment[] {
  const path: PathSegment[] = [];
  for (let p = place; p !== null; p = p.parent) path.push(p.segment);
  return path.reverse();
}

/** Free text, where bidirectional controls are allowed: the title, the description, strings inside a record value. */
function isFreeText(path: readonly PathSegment[]): boolean {
  if (path.length === 1) return path[0] === "title" || path[0] === "description";
  return path.length >= 5 && path[0] === "producers" && path[2] === "records" && path[4] === "value";
}

/**
 * Every string and field name of `input` (the scenario as parsed JSON) with a lone surrogate or, outside free text,
 * a bidirectional control. Iterative; stops after {@link MAX_ERRORS} errors.
 */
export function checkText(input: unknown): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const stack: { value: unknown; place: Place | null }[] = [{ value: input, place: null }];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const { value, place } = stack.pop()!;
    if (typeof value === "string") {
      if (!SUSPECT.test(value)) continue;
      const path = pathOf(place);
      const problem = textProblem(value, isFreeText(path));
      if (problem !== null) errors.push({ path: formatPath(path), message: `the text ${problem}` });
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    const depth = place === null ? 0 : place.depth + 1;
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (item !== null && (typeof item === "object" || typeof item === "string")) {
          stack.push({ value: item, place: { segment: i, parent: place, depth } });
        }
      }
      continue;
    }
    const names = Object.keys(value);
    for (let i = names.length - 1; i >= 0; i--) {
      const name = names[i]!;
      // A field name is never free text: a look-alike name reads a different field.
      if (SUSPECT.test(name)) {
        const problem = textProblem(name, false);
        if (problem !== null) {
          errors.push({
            path: formatPath(pathOf(place)),
            message: `the field name ${visibleText(name)} ${problem}`,
          });
          continue;
        }
      }
      const item: unknown = (value as Record<string, unknown>)[name];
      if (item !== null && (typeof item === "object" || typeof item === "string")) {
        stack.push({ value: item, place: { segment: name, parent: place, depth } });
      }
    }
  }
  return errors;
}
