/**
 * A problem found in a scenario, located by a *path*: the chain of field names and list indices from the root of
 * the scenario to the offending value, printed the way a reader would write it in JavaScript —
 * `app.topology[2].from`, `producers[0].records[3].partition`, or `""` for the scenario as a whole.
 */
export interface ScenarioError {
  path: string;
  message: string;
}

/** One step of a path: a field name or a list index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Prints a path: identifiers joined by dots, indices in brackets, any other field name quoted in brackets
 * (`topics[0]["my field"]`). Symbols (which JSON cannot contain) print by their description.
 */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "symbol") out += `[${JSON.stringify(String(segment.description))}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Prefixes every error's path, e.g. `scenario` + `app.id` → `scenario.app.id`; the root becomes the prefix. */
export function prefixErrors(prefix: string, errors: readonly ScenarioError[]): ScenarioError[] {
  return errors.map((error) => ({
    path:
      error.path === ""
        ? prefix
        : error.path.startsWith("[")
          ? prefix + error.path
          : `${prefix}.${error.path}`,
    message: error.message,
  }));
}

/**
 * Appends `more` to `errors` one by one: `errors.push(...more)` passes every item as an argument and overflows the
 * stack past about 100,000 items, which a hostile scenario can reach.
 */
export function appendErrors(errors: ScenarioError[], ...more: readonly (readonly ScenarioError[])[]): void {
  for (const list of more) for (const error of list) errors.push(error);
}
