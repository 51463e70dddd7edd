/**
 * The value limits: how large a value the simulation lets any part of a scenario produce — an expression (map,
 * filter, key selection, a joiner, a generator, a reducer), a windowed `collect`, a record in the scenario itself.
 * One set, enforced where values are made, so nothing downstream (the trace, the narration, the canvas, the
 * command line) ever has to handle more.
 *
 * - a string: at most {@link MAX_STRING_LENGTH} characters (UTF-16 units);
 * - an array or an object: at most {@link MAX_ELEMENTS} elements or fields;
 * - nesting: at most {@link MAX_VALUE_DEPTH} levels of arrays and objects;
 * - a whole value: at most {@link MAX_VALUE_SIZE} *units*, where every value (scalar, string, array, object) counts
 *   one, every string counts its characters and every object field its name's characters on top. A value's units
 *   are about the length of its JSON text; what matters is the logical size, so `[value, value]` counts `value`
 *   twice even though both elements are the same object in memory.
 *
 * Measuring is cheap: the size of an array or object of at least {@link CACHED_FROM} units is remembered (values are
 * never changed once made), so a value that travels unchanged through many operators, or that is built from a big
 * value many times (`[value, value]` at every node), is walked once. A walk stops as soon as a limit is passed.
 */
import { type Json, UserFunctionError } from "../model";

/** Longest string a value may hold, in characters (UTF-16 units). */
export const MAX_STRING_LENGTH = 100_000;
/** Most elements of one array, or fields of one object. */
export const MAX_ELEMENTS = 100_000;
/** Deepest nesting of arrays and objects (a scalar is at depth 0, `[1]` has depth 1). */
export const MAX_VALUE_DEPTH = 64;
/** Largest value, in units (see the module comment). */
export const MAX_VALUE_SIZE = 1_000_000;

/**
 * Most values the lists of one windowed `collect` (one task of the node) may hold together over a run: each update
 * makes a new list of everything so far, so a window of n records makes n²/2 (1,000 records: 500,500).
 */
export const MAX_COLLECTED_TOTAL = 1_000_000;

/** Arrays and objects this big (in units) have their size remembered. */
const CACHED_FROM = 32;

/**
 * A value broke a limit. A user-function failure (so every caller that reports user errors reports it), which the
 * operators turn into a {@link SimulationError} naming the node and the record: the run stops.
 */
export class ValueLimitError extends UserFunctionError {}

const sizes = new WeakMap<object, number>();

/** `1,000,000`: an integer with thousands separators, the same everywhere (no locale data needed). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const count = formatCount;

/** The message for a string of `length` characters, or null when it is short enough. */
export function stringLengthProblem(length: number): string | null {
  return length > MAX_STRING_LENGTH
    ? `a string of ${count(length)} characters is longer than the limit of ${count(MAX_STRING_LENGTH)}`
    : null;
}

function tooManyElements(what: string, n: number): string {
  return `${what} of ${count(n)} ${what === "an array" ? "elements" : "fields"} is more than the limit of ${count(MAX_ELEMENTS)}`;
}

const TOO_DEEP = `the value is nested more than ${MAX_VALUE_DEPTH} levels deep (the limit)`;
const TOO_LARGE = `the value is larger than the limit of ${count(MAX_VALUE_SIZE)} units (about its length as JSON text)`;

/**
 * The first limit `value` breaks, as a message, or null. Never throws; costs at most about the limit (or the
 * value's size) in steps, far less for values measured before.
 */
export function valueLimitProblem(value: Json): string | null {
  const result = measure(value, 0);
  return typeof result === "string" ? result : null;
}

/** Units of `value` (see the module comment); throws a {@link ValueLimitError} when it breaks a limit. */
export function valueSize(value: Json): number {
  const result = measure(value, 0);
  if (typeof result === "string") throw new ValueLimitError(result);
  return result;
}

/** Returns `value` after checking it; `label` (the expression, the field) starts the message of the error. */
export function checkValue<T extends Json>(value: T, label: string): T {
  if (value === null || typeof value !== "object") {
    if (typeof value === "string" && value.length > MAX_STRING_LENGTH) {
      throw new ValueLimitError(`${label}: ${stringLengthProblem(value.length)}`);
    }
    return value;
  }
  const result = measure(value, 0);
  if (typeof result === "string") throw new ValueLimitError(`${label}: ${result}`);
  return value;
}

/** Set by {@link measure}: how many levels of arrays and objects the value it measured holds (0: a scalar). */
let measuredDepth = 0;

/**
 * Units of `value` at nesting `depth`, or the message of the first limit it breaks. Remembers size and nesting
 * together (`size * 128 + nesting`), since a remembered value can reappear deeper inside another.
 */
function measure(value: Json | undefined, depth: number): number | string {
  measuredDepth = 0;
  if (value === null || value === undefined || typeof value !== "object") {
    if (typeof value !== "string") return 1;
    return value.length > MAX_STRING_LENGTH ? stringLengthProblem(value.length)! : 1 + value.length;
  }
  const known = sizes.get(value);
  if (known !== undefined) {
    measuredDepth = known % 128;
    return depth + measuredDepth > MAX_VALUE_DEPTH ? TOO_DEEP : Math.floor(known / 128);
  }
  if (depth >= MAX_VALUE_DEPTH) return TOO_DEEP;
  let total = 1;
  let below = 0;
  if (Array.isArray(value)) {
    if (value.length > MAX_ELEMENTS) return tooManyElements("an array", value.length);
    for (let i = 0; i < value.length; i++) {
      const item = measure(value[i], depth + 1);
      if (typeof item === "string") return item;
      if (measuredDepth >= below) below = measuredDepth;
      total += item;
      if (total > MAX_VALUE_SIZE) return TOO_LARGE;
    }
  } else {
    const keys = Object.keys(value);
    if (keys.length > MAX_ELEMENTS) return tooManyElements("an object", keys.length);
    for (const key of keys) {
      if (key.length > MAX_STRING_LENGTH) return stringLengthProblem(key.length)!;
      const item = measure(value[key], depth + 1);
      if (typeof item === "string") return item;
      if (measuredDepth >= below) below = measuredDepth;
      total += key.length + item;
      if (total > MAX_VALUE_SIZE) return TOO_LARGE;
    }
  }
  measuredDepth = below + 1;
  if (total >= CACHED_FROM) sizes.set(value, total * 128 + measuredDepth);
  return total;
}
