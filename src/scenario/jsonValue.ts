/**
 * The schema of record keys and values: any JSON data, checked without copying it.
 *
 * Input may come from `JSON.parse` (always JSON) or from code (which can hold `undefined`, `NaN`, functions,
 * class instances or cycles), so the check walks the value once, iteratively (a hostile, deeply nested value
 * cannot overflow the stack), and refuses `__proto__` as a field name so data can never reach an object's
 * prototype further down the line.
 */
import type { Json } from "../engine/model";
import { MAX_ELEMENTS, stringLengthProblem, valueLimitProblem } from "../engine/values/valueLimits";
import { MAX_JSON_DEPTH } from "./defaults";
import type { PathSegment } from "./scenarioError";
import { z } from "./zod";

interface JsonProblem {
  path: PathSegment[];
  message: string;
}

/**
 * Returns the first reason `value` is not plain JSON data within the value limits (strings, elements per array or
 * object, nesting, total size: `engine/values/valueLimits.ts`), or `null` when it is.
 */
export function findJsonProblem(value: unknown): JsonProblem | null {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      const tooLong = stringLengthProblem(current.length);
      if (tooLong !== null) return { path, message: tooLong };
      continue;
    }
    if (current === null || typeof current === "boolean") continue;
    if (typeof current === "number") {
      if (!Number.isFinite(current)) return { path, message: `${current} is not a JSON number` };
      continue;
    }
    if (typeof current !== "object") return { path, message: `a ${typeof current} is not JSON data` };
    if (path.length >= MAX_JSON_DEPTH) {
      return { path, message: `data is nested more than ${MAX_JSON_DEPTH} levels deep` };
    }
    if (Array.isArray(current)) {
      if (current.length > MAX_ELEMENTS) return { path, message: valueLimitProblem(current as Json)! };
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: [...path, i] });
      continue;
    }
    const proto = Object.getPrototypeOf(current);
    if (proto !== Object.prototype && proto !== null)
      return { path, message: "only plain objects are JSON data" };
    const keys = Object.keys(current);
    if (keys.length > MAX_ELEMENTS) return { path, message: valueLimitProblem(current as Json)! };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key === "__proto__")
        return { path: [...path, key], message: `field name "__proto__" is not allowed` };
      const tooLong = stringLengthProblem(key.length);
      if (tooLong !== null) return { path: [...path, key], message: `field name: ${tooLong}` };
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  // Plain JSON, nested no deeper than the limit: the whole value's size can now be measured safely.
  const tooLarge = valueLimitProblem(value as Json);
  return tooLarge === null ? null : { path: [], message: tooLarge };
}

/** Any JSON value (kept by reference, not copied). */
export const jsonValueSchema = z
  .custom<Json>()
  .superRefine((value, ctx) => {
    if (value === undefined) {
      ctx.addIssue({ code: "invalid_type", expected: "JSON value", input: value });
      return;
    }
    const problem = findJsonProblem(value);
    if (problem !== null) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  })
  .meta({
    id: "JsonValue",
    description: "Any JSON value: null, a boolean, a number, a string, an array or an object.",
  });
