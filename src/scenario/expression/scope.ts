/**
 * The names an expression may read: the variables given to `compileExpression`, read from the context object the
 * compiled function is called with. Other identifiers are compile errors, with a hint for keywords and functions.
 */
import type { Json } from "../../engine/model";
import { CompileError } from "./errors";
import { lookupFunction } from "./functions";
import type { Compiled } from "./operators";
import type { Node } from "./parse";

export interface Scope {
  /** The expression's text, for positions and labels. */
  readonly source: string;
  isVariable(name: string): boolean;
  /** The closure reading an identifier, or a `CompileError` when it is not a variable. */
  readVariable(node: Node): Compiled;
}

/** JavaScript keywords jsep reads as plain identifiers: named in errors instead of "unknown name". */
const KEYWORDS: ReadonlySet<string> = new Set(
  (
    "new function typeof void delete in instanceof class var let const return yield await import export throw try " +
    "catch finally while for do switch case default super extends with debugger"
  ).split(" "),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Throws a `TypeError` for a name that cannot safely be a variable (a programming error, not a user error). */
function checkVariableName(name: string): void {
  const reserved = ["true", "false", "null", "this"].includes(name) || KEYWORDS.has(name);
  if (typeof name !== "string" || !IDENTIFIER.test(name) || name in Object.prototype || reserved) {
    throw new TypeError(`compileExpression: ${JSON.stringify(name)} cannot be a variable name`);
  }
}

/**
 * Readers for the record fields (`RecordContext`), each with its own code so that the property load stays
 * monomorphic on the hot path (a shared `c[name]` reader is measurably slower once it has seen several names).
 */
const RECORD_FIELD_READERS: ReadonlyMap<string, Compiled> = new Map<string, Compiled>([
  ["key", (c) => (c.key === undefined ? null : (c.key as Json))],
  ["value", (c) => (c.value === undefined ? null : (c.value as Json))],
  ["timestamp", (c) => (c.timestamp === undefined ? null : (c.timestamp as Json))],
  ["partition", (c) => (c.partition === undefined ? null : (c.partition as Json))],
  ["offset", (c) => (c.offset === undefined ? null : (c.offset as Json))],
  ["topic", (c) => (c.topic === undefined ? null : (c.topic as Json))],
]);

/** The reader of a variable: a record field's own reader, or a closure over the constant name. */
function variableReader(name: string): Compiled {
  return (
    RECORD_FIELD_READERS.get(name) ??
    ((c) => {
      const value = c[name];
      return value === undefined ? null : (value as Json);
    })
  );
}

export function createScope(source: string, variables: readonly string[]): Scope {
  const readers = new Map<string, Compiled>();
  for (const name of variables) {
    checkVariableName(name);
    readers.set(name, variableReader(name));
  }
  const allowed =
    readers.size === 0 ? "no variables are available here" : `allowed: ${[...readers.keys()].join(", ")}`;
  return {
    source,
    isVariable: (name) => readers.has(name),
    readVariable(node) {
      const name = String(node.name);
      const reader = readers.get(name);
      if (reader !== undefined) return reader;
      const position = node.start ?? 0;
      if (KEYWORDS.has(name)) throw new CompileError(`"${name}" is not supported`, position);
      if (lookupFunction(name) !== undefined) {
        throw new CompileError(`"${name}" is a function: call it, e.g. ${name}(…)`, position);
      }
      throw new CompileError(`unknown name ${JSON.stringify(name)} (${allowed})`, position);
    },
  };
}
