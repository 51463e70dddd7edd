/** Helpers shared by the expression tests (not part of the language). */
import type { Json } from "../../engine/model";
import { compileExpression, type ExpressionError } from "./compileExpression";

export const VARIABLES = ["key", "value", "timestamp", "partition", "offset", "topic"] as const;

export const RECORD: Record<string, unknown> = {
  key: "user-1",
  value: { amount: 42, name: "Ada", tags: ["a", "b"], nested: { deep: 1 }, nothing: null },
  timestamp: 1000,
  partition: 2,
  offset: 7,
  topic: "orders",
};

/** Compiles with the record variables and runs on `context`; fails the test if it does not compile. */
export function run(source: string, context: Record<string, unknown> = RECORD): Json {
  const result = compileExpression(source, { variables: VARIABLES });
  if (!result.ok)
    throw new Error(`expected ${JSON.stringify(source)} to compile, got: ${result.error.message}`);
  return result.fn(context);
}

/** The compile error of `source`; fails the test if it compiles. */
export function compileError(source: string, variables: readonly string[] = VARIABLES): ExpressionError {
  const result = compileExpression(source, { variables });
  if (result.ok) throw new Error(`expected ${JSON.stringify(source)} not to compile`);
  return result.error;
}

/** Whether `value` is JSON data: no undefined, NaN, Infinity, functions or non-plain objects. */
export function isJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).every(isJson);
  }
  return false;
}
