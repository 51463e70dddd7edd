/**
 * The whitelisted functions. Each is called as `name(args)` or, with method sugar, `first.name(rest)`; `if` is
 * compiled specially (only the chosen branch runs) and has no method form. Every implementation checks its
 * argument types and throws a `UserFunctionError` prefixed with the call's source text.
 */
import type { Json } from "../../engine/model";
import { utf8Bytes } from "../../engine/partitioning/utf8";
import { runtimeError } from "./errors";
import { checkLength, equalValues, finite, toText, typeName } from "./values";

export interface FunctionSpec {
  /** Fewest and most arguments (`Infinity`: variadic). */
  min: number;
  max: number;
  call: (label: string, ...args: Json[]) => Json;
}

function expectNumber(label: string, name: string, value: Json): number {
  if (typeof value === "number") return value;
  throw runtimeError(label, `${name} expects a number, got ${typeName(value)}`);
}

function expectString(label: string, name: string, value: Json): string {
  if (typeof value === "string") return value;
  throw runtimeError(label, `${name} expects a string, got ${typeName(value)}`);
}

function numeric(name: string, f: (x: number) => number): FunctionSpec {
  return { min: 1, max: 1, call: (label, x) => finite(f(expectNumber(label, name, x))) };
}

function textual(name: string, f: (s: string) => string): FunctionSpec {
  return { min: 1, max: 1, call: (label, s) => f(expectString(label, name, s)) };
}

function extremum(name: string, pick: (a: number, b: number) => number): FunctionSpec {
  return {
    min: 1,
    max: Number.POSITIVE_INFINITY,
    call: (label, ...args) => {
      let result = expectNumber(label, name, args[0] ?? null);
      for (let i = 1; i < args.length; i++) result = pick(result, expectNumber(label, name, args[i] ?? null));
      return result;
    },
  };
}

/** `num(x)`: numbers as they are, numeric strings parsed, booleans as 1/0; anything else (or "") is `null`. */
function toNumber(value: Json): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "string" || value.trim() === "") return null;
  return finite(Number(value));
}

/** 32-bit FNV-1a of the UTF-8 bytes of `str(x)`, as a non-negative integer. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8Bytes(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

const table: Record<string, FunctionSpec> = {
  abs: numeric("abs", Math.abs),
  floor: numeric("floor", Math.floor),
  ceil: numeric("ceil", Math.ceil),
  round: numeric("round", Math.round),
  sqrt: numeric("sqrt", Math.sqrt),
  min: extremum("min", Math.min),
  max: extremum("max", Math.max),
  pow: {
    min: 2,
    max: 2,
    call: (label, a, b) => finite(expectNumber(label, "pow", a) ** expectNumber(label, "pow", b)),
  },
  len: {
    min: 1,
    max: 1,
    call: (label, x) => {
      if (typeof x === "string" || Array.isArray(x)) return x.length;
      throw runtimeError(label, `len expects a string or an array, got ${typeName(x)}`);
    },
  },
  // Case mapping can lengthen a string ("ß" → "SS"), so the result is checked against the limit.
  lower: {
    min: 1,
    max: 1,
    call: (label, s) => checkLength(label, expectString(label, "lower", s).toLowerCase()),
  },
  upper: {
    min: 1,
    max: 1,
    call: (label, s) => checkLength(label, expectString(label, "upper", s).toUpperCase()),
  },
  trim: textual("trim", (s) => s.trim()),
  concat: {
    min: 0,
    max: Number.POSITIVE_INFINITY,
    call: (label, ...args) => {
      let out = "";
      for (const arg of args) out = checkLength(label, out + toText(arg, label));
      return out;
    },
  },
  substring: {
    min: 2,
    max: 3,
    call: (label, s, start, end) => {
      const text = expectString(label, "substring", s);
      const from = expectNumber(label, "substring", start);
      return end === undefined
        ? text.substring(from)
        : text.substring(from, expectNumber(label, "substring", end));
    },
  },
  startsWith: {
    min: 2,
    max: 2,
    call: (label, s, p) =>
      expectString(label, "startsWith", s).startsWith(expectString(label, "startsWith", p)),
  },
  endsWith: {
    min: 2,
    max: 2,
    call: (label, s, p) => expectString(label, "endsWith", s).endsWith(expectString(label, "endsWith", p)),
  },
  contains: {
    min: 2,
    max: 2,
    call: (label, container, x) => {
      if (typeof container === "string") return container.includes(expectString(label, "contains", x));
      if (Array.isArray(container)) {
        return container.some((item) => equalValues(item, x, label));
      }
      throw runtimeError(label, `contains expects a string or an array, got ${typeName(container)}`);
    },
  },
  split: {
    min: 2,
    max: 2,
    call: (label, s, separator) =>
      expectString(label, "split", s).split(expectString(label, "split", separator)),
  },
  str: { min: 1, max: 1, call: (label, x) => toText(x, label) },
  num: { min: 1, max: 1, call: (_label, x) => toNumber(x) },
  hash: { min: 1, max: 1, call: (label, x) => fnv1a(toText(x, label)) },
  // Compiled as a conditional (see compileCall); listed here for arity checks and the "allowed" list.
  if: { min: 3, max: 3, call: () => null },
};

/** The function called `name`, if it is whitelisted (own keys only: `toString` is not a function here). */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Names of all functions, for error messages. */
export const FUNCTION_NAMES: readonly string[] = Object.keys(table);

/** Familiar JavaScript method names and the function to use instead. */
const HINTS: ReadonlyMap<string, string> = new Map([
  ["toUpperCase", "upper"],
  ["toLowerCase", "lower"],
  ["includes", "contains"],
  ["indexOf", "contains"],
  ["slice", "substring"],
  ["substr", "substring"],
  ["toString", "str"],
  ["length", "len"],
  ["parseInt", "num"],
  ["parseFloat", "num"],
  ["Number", "num"],
  ["String", "str"],
]);

/** ` (did you mean upper?)` for a familiar JavaScript name, else "". */
export function hintFor(name: string): string {
  const hint = HINTS.get(name);
  return hint === undefined ? "" : ` (did you mean ${hint}?)`;
}
