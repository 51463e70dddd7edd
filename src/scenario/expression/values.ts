/**
 * Run-time helpers on JSON values: type names for messages, truthiness, structural equality, text conversion and
 * the guarded field/index reads (own properties of plain objects and arrays only, never a prototype).
 */
import type { Json } from "../../engine/model";
import { jsonTextUpTo } from "../../engine/values/jsonWriter";
import {
  checkValue,
  formatCount,
  MAX_STRING_LENGTH,
  stringLengthProblem,
  ValueLimitError,
} from "../../engine/values/valueLimits";
import { runtimeError } from "./errors";

export { MAX_STRING_LENGTH };

/** Property names no expression may read or write, whether written literally or computed at run time. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  "constructor",
  "__proto__",
  "prototype",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

export function forbiddenMessage(name: string): string {
  return `access to ${JSON.stringify(name)} is not allowed`;
}

/** `null`, `boolean`, `number`, `string`, `an array` or `an object`, for messages. */
export function typeName(value: Json | undefined): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return typeof value;
}

/** JavaScript truthiness on JSON: `null`, `false`, `0` and `""` are false; everything else (even `[]`) is true. */
export function truthy(value: Json): boolean {
  return value !== null && value !== false && value !== 0 && value !== "";
}

/** Structural equality: primitives by `===`, arrays element-wise, objects by the same keys with equal values. */
export function jsonEquals(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEquals(a[i] as Json, b[i] as Json)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !jsonEquals(a[key] as Json, b[key] as Json)) return false;
  }
  return true;
}

/**
 * `str(x)`: strings as they are, other primitives by `String`, arrays and objects as JSON text — written only up to
 * the string limit, so a value whose text would be enormous (`[value, value]` nested 30 times) fails at once.
 */
export function toText(value: Json, label: string): string {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") return String(value);
  const text = jsonTextUpTo(value, MAX_STRING_LENGTH);
  if (text.length > MAX_STRING_LENGTH) {
    throw new ValueLimitError(
      `${label}: the value's text is longer than the limit of ${formatCount(MAX_STRING_LENGTH)} characters`,
    );
  }
  return text;
}

/** Returns `text`, or throws a {@link ValueLimitError} when it is longer than {@link MAX_STRING_LENGTH}. */
export function checkLength(label: string, text: string): string {
  if (text.length > MAX_STRING_LENGTH)
    throw new ValueLimitError(`${label}: ${stringLengthProblem(text.length)}`);
  return text;
}

/**
 * `a == b` on arrays or objects: both are checked against the value limits first, so comparing two values built
 * from shared parts (`[value, value, …]`) costs at most about the limit.
 */
export function equalValues(a: Json, b: Json, label: string): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return jsonEquals(checkValue(a, label), checkValue(b, label));
}

/** `finite(x)`: the number, or `null` for NaN and ±Infinity (JSON has neither). */
export function finite(value: number): number | null {
  return value - value === 0 ? value : null;
}

/**
 * `o.name`: an object's own field (missing → `null`), or `length` of an array or string. Anything else is an error:
 * a field of null, a boolean or a number, and named fields of arrays and strings (`[].map`, `key.toString`).
 */
export function readField(object: Json, name: string, label: string): Json {
  if (object !== null && typeof object === "object") {
    if (!Array.isArray(object)) {
      if (!Object.hasOwn(object, name)) return null;
      const value = object[name];
      return value === undefined ? null : value;
    }
    if (name === "length") return object.length;
    throw runtimeError(
      label,
      `cannot read field ${JSON.stringify(name)} of an array (only length and [index])`,
    );
  }
  if (typeof object === "string") {
    if (name === "length") return object.length;
    throw runtimeError(
      label,
      `cannot read field ${JSON.stringify(name)} of a string (only length and [index])`,
    );
  }
  throw runtimeError(label, `cannot read field ${JSON.stringify(name)} of ${typeName(object)}`);
}

/** `o[i]`: an array element or a string's character (`null` when out of range), or the object field `"i"`. */
export function readIndex(object: Json, index: number, label: string): Json {
  if (Array.isArray(object)) {
    if (!Number.isInteger(index) || index < 0 || index >= object.length) return null;
    const value = object[index];
    return value === undefined ? null : value;
  }
  if (typeof object === "string") {
    return Number.isInteger(index) && index >= 0 && index < object.length ? object.charAt(index) : null;
  }
  if (object !== null && typeof object === "object") return readField(object, String(index), label);
  throw runtimeError(label, `cannot read index ${index} of ${typeName(object)}`);
}

/** A computed key checked at run time: a number, or a string that is not a forbidden name. */
export function checkKey(key: Json, label: string): string | number {
  if (typeof key === "number") return key;
  if (typeof key !== "string") {
    throw runtimeError(label, `a field name must be a string or a number, got ${typeName(key)}`);
  }
  if (FORBIDDEN_NAMES.has(key)) throw runtimeError(label, forbiddenMessage(key));
  return key;
}

/** `o[k]` with `k` computed at run time. */
export function readComputed(object: Json, key: Json, label: string): Json {
  const checked = checkKey(key, label);
  return typeof checked === "number" ? readIndex(object, checked, label) : readField(object, checked, label);
}
