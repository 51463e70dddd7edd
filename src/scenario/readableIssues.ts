/**
 * Turns zod's issues into `ScenarioError`s a person can act on: `expected a number, got "abc"`,
 * `unrecognized field "kye" (did you mean "key"?)`, `must be ≥ 1`, each at the exact path.
 *
 * zod builds each issue's message through an *error map*; ours (`readableMessage`) writes the message from the
 * raw issue, where the offending input and the schema are still at hand. `issuesToErrors` then prints paths and
 * opens up union failures: when the input has the shape of one alternative (say an object where `"default"` or
 * `{ "expression": ... }` is allowed), the errors inside that alternative are reported instead of "no match".
 */
import { describeValue } from "./describeValue";
import { formatPath, type ScenarioError } from "./scenarioError";
import type { z } from "./zod";

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

const ARTICLE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
  null: "null",
  record: "an object",
};

function expectedName(expected: string): string {
  return ARTICLE_NAMES[expected] ?? expected;
}

/** Edit distance counting a swap of neighbours as one edit (optimal string alignment), for "did you mean". */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

function closestField(key: string, known: readonly string[]): string | undefined {
  if (key.length > 40) return undefined; // not a typo of a field name; and keeps hostile input cheap
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function unrecognizedFieldMessage(key: string, shape: Record<string, unknown> | undefined): string {
  if (shape !== undefined && key === "from" && isLiteralOp(shape.op, "source")) {
    return 'a source reads topics, not another node: remove "from"';
  }
  const suggestion = shape === undefined ? undefined : closestField(key, Object.keys(shape));
  const quoted = JSON.stringify(key);
  return suggestion === undefined
    ? `unrecognized field ${quoted}`
    : `unrecognized field ${quoted} (did you mean "${suggestion}"?)`;
}

function isLiteralOp(schema: unknown, op: string): boolean {
  const def = (schema as { _zod?: { def?: { type?: string; values?: unknown[] } } } | undefined)?._zod?.def;
  return def?.type === "literal" && def.values?.[0] === op;
}

function listAlternatives(errors: readonly (readonly Issue[])[]): string {
  const names: string[] = [];
  for (const alternative of errors) {
    for (const issue of alternative) {
      if (issue.path.length > 0) continue;
      if (issue.code === "invalid_type") names.push(expectedName(issue.expected));
      if (issue.code === "invalid_value") names.push(...issue.values.map((v) => JSON.stringify(v)));
    }
  }
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? "another value";
  return `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`;
}

/** The error map used for every scenario parse: a message for each kind of raw zod issue. */
export function readableMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${expectedName(issue.expected)}, got ${describeValue(issue.input)}`;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string")
        return min <= 1 ? "must not be empty" : `must be at least ${min} characters`;
      if (issue.origin === "array") return min <= 1 ? "must not be empty" : `must have at least ${min} items`;
      return issue.inclusive === false ? `must be > ${min}` : `must be ≥ ${min}`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return `must be at most ${max} characters`;
      if (issue.origin === "array") return `must have at most ${max} items`;
      return issue.inclusive === false ? `must be < ${max}` : `must be ≤ ${max}`;
    }
    case "invalid_format":
      return issue.format === "regex" && issue.pattern !== undefined
        ? `must match ${issue.pattern}`
        : `must be a valid ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "invalid_value":
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}, got ${describeValue(issue.input)}`;
    case "unrecognized_keys": {
      const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod
        ?.def?.shape;
      // One line per key, in order; `issuesToErrors` turns each line into its own error.
      return issue.keys.map((key) => unrecognizedFieldMessage(key, shape)).join("\n");
    }
    case "invalid_union": {
      if (issue.discriminator !== undefined) {
        const input = issue.input as Record<string, unknown> | undefined;
        const value = typeof input === "object" && input !== null ? input[issue.discriminator] : undefined;
        const options = ((issue.options ?? []) as readonly unknown[]).map(String).join(", ");
        return value === undefined
          ? `missing required field "${issue.discriminator}" (one of: ${options})`
          : `unknown ${issue.discriminator} ${describeValue(value)} (expected one of: ${options})`;
      }
      return `expected ${listAlternatives(issue.errors)}, got ${describeValue(issue.input)}`;
    }
    default:
      return undefined;
  }
}

/** True when an alternative of a union failed only inside the value, i.e. the value had the right type. */
function matchedShape(alternative: readonly Issue[]): boolean {
  return alternative.every(
    (issue) => issue.path.length > 0 || (issue.code !== "invalid_type" && issue.code !== "invalid_value"),
  );
}

function collect(
  issues: readonly Issue[],
  prefix: readonly PropertyKey[],
  out: { path: PropertyKey[]; issue: Issue }[],
) {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.discriminator === undefined && issue.errors.length > 0) {
      const matching = issue.errors.filter(matchedShape);
      if (matching.length > 0) {
        const fewest = matching.reduce((a, b) => (b.length < a.length ? b : a));
        collect(fewest, path, out);
        continue;
      }
    }
    out.push({ path, issue });
  }
}

function messageOf(issue: Issue, path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (issue.code === "invalid_type" && issue.input === undefined && typeof last === "string") {
    return `missing required field "${last}"`;
  }
  return issue.message;
}

/** Readable errors, and how many more there were past the requested limit (counted, not printed). */
export interface ConvertedIssues {
  errors: ScenarioError[];
  omitted: number;
}

/**
 * Converts zod issues (parsed with `readableMessage` and `reportInput: true`) into errors with printed paths.
 * When a value breaks several bounds at once (an integer outside the safe range and a field's maximum), only the
 * tightest is kept. Past `limit` errors, the rest are only counted: a file with the same mistake in 40,000
 * records must not take seconds to report it.
 */
export function issuesToErrors(issues: readonly Issue[], limit = Number.POSITIVE_INFINITY): ConvertedIssues {
  const errors: ScenarioError[] = [];
  let omitted = 0;
  const bounds = new Map<string, { index: number; bound: number }>();
  const printedErrors = new Set<string>();
  for (const topIssue of issues) {
    if (errors.length >= limit) {
      omitted += topIssue.code === "unrecognized_keys" ? topIssue.keys.length : 1;
      continue;
    }
    const flat: { path: PropertyKey[]; issue: Issue }[] = [];
    collect([topIssue], [], flat);
    for (const { path, issue } of flat) {
      if (issue.code === "unrecognized_keys") {
        const lines = issue.message.split("\n");
        issue.keys.forEach((key, i) => {
          errors.push({
            path: formatPath([...path, key]),
            message: lines[i] ?? `unrecognized field ${JSON.stringify(key)}`,
          });
        });
        continue;
      }
      const printed = formatPath(path);
      const message = messageOf(issue, path);
      if (issue.code === "too_big" || issue.code === "too_small") {
        const bound = Number(issue.code === "too_big" ? issue.maximum : issue.minimum);
        const key = `${issue.code}\u0000${printed}`;
        const earlier = bounds.get(key);
        if (earlier !== undefined) {
          const tighter = issue.code === "too_big" ? bound < earlier.bound : bound > earlier.bound;
          if (tighter) {
            errors[earlier.index] = { path: printed, message };
            bounds.set(key, { index: earlier.index, bound });
          }
          continue;
        }
        bounds.set(key, { index: errors.length, bound });
      }
      const identity = `${printed}\u0000${message}`;
      if (printedErrors.has(identity)) continue;
      printedErrors.add(identity);
      errors.push({ path: printed, message });
    }
  }
  return { errors, omitted };
}

/**
 * An error map writing readable messages for the first `limit` issues of one parse and a cheap placeholder
 * after that (those issues are only counted, never shown).
 */
function limitedErrorMap(limit: number): (issue: RawIssue) => string | undefined {
  let written = 0;
  return (issue) => (written++ < limit ? readableMessage(issue) : "…");
}
export type ReadableParse<T> =
  | { ok: true; value: T }
  | { ok: false; errors: ScenarioError[]; omitted: number; issues: readonly Issue[] };

/**
 * Parses `input` with `schema`, reporting problems as readable `ScenarioError`s (up to `limit`, the rest
 * counted in `omitted`). The raw zod `issues` come along so callers can tell which parts were invalid.
 */
export function parseReadably<S extends z.ZodType>(
  schema: S,
  input: unknown,
  limit = Number.POSITIVE_INFINITY,
): ReadableParse<z.output<S>> {
  // Twice the limit: a few raw issues may merge into one error, or be dropped as a looser bound.
  const result = schema.safeParse(input, { error: limitedErrorMap(2 * limit), reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues;
  return { ok: false, ...issuesToErrors(issues, limit), issues };
}
