/**
 * Topolab's expression language: the small, safe language of user logic (map, filter, branch predicates,
 * selectKey, custom partitioners, generated values). One JavaScript-like expression over JSON values:
 *
 * - Literals: numbers, `'…'`/`"…"` strings, `true`, `false`, `null`, arrays `[a, b]`, objects `{k: v, "k2": v}`
 *   (also `{value}` shorthand and computed `{[key]: v}` keys).
 * - Variables: only the names in `options.variables` (e.g. `key`, `value`, `timestamp`); anything else is a compile
 *   error. A variable missing from the context reads as `null`.
 * - Fields: `a.b`, `a["b"]`, `a[0]`, and `?.` (`a?.b` is null when `a` is null; the rest of the chain is skipped).
 *   Only own fields of objects are read; a missing field is `null`. Arrays and strings have `length` and `[index]`
 *   (out of range: `null`) and no named fields. Reading a field of null, a number or a boolean is a run-time error.
 *   `constructor`, `__proto__`, `prototype` and `__define/lookupGetter/Setter__` are refused, written or computed.
 * - Operators: `+ - * / % **`, unary `- + ! ~`, `== != === !== < <= > >=`, `&& || ??`, `c ? a : b`, and the bitwise
 *   `& | ^ << >> >>>`. There is no coercion: arithmetic needs numbers (`num(x)` converts), `+` adds numbers or
 *   concatenates when either side is a string, `<`-style comparisons need two numbers or two strings. `==` is `===`,
 *   and both compare arrays and objects structurally (`[1] == [1]` is true). A NaN or ±Infinity result is `null`.
 *   Truthiness is JavaScript's: `null`, `false`, `0` and `""` are false.
 * - Functions (a fixed whitelist; see `functions.ts`): abs floor ceil round min max sqrt pow len lower upper trim
 *   concat substring startsWith endsWith contains split str num hash if. Method sugar: `key.upper()` is
 *   `upper(key)`. `if(c, a, b)` evaluates only the chosen branch.
 * - Not supported (compile errors): `this`, `new`, assignment, arrow functions, regexes, template literals,
 *   several expressions (`a; b`, `(a, b)`), calling anything but a whitelisted function.
 * - Limits: at most 2,000 characters and 64 levels of nesting. Every value it builds or returns stays within the
 *   value limits of `engine/values/valueLimits.ts` (strings of 100,000 characters, 100,000 elements, 64 levels,
 *   1,000,000 units); breaking one throws a `ValueLimitError` (a `UserFunctionError`).
 *
 * The source is parsed by jsep and compiled once into nested closures (no eval, no `Function`). Compile errors are
 * returned with a 0-based position; run-time errors are thrown as `UserFunctionError`s whose message starts with
 * the failing sub-expression, e.g. `value.amount: cannot read field "amount" of null`. Results are always JSON.
 */
import { type Json, UserFunctionError } from "../../engine/model";
import { checkValue } from "../../engine/values/valueLimits";
import { compileNode } from "./compileNode";
import { CompileError, type ExpressionError } from "./errors";
import { parse } from "./parse";
import { createScope } from "./scope";

export type { ExpressionError } from "./errors";

const MAX_LABEL = 60;

/** The expression's text as run-time errors quote it: on one line, shortened when long. */
function labelOfSource(source: string): string {
  const text = source.replace(/\s+/g, " ").trim();
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

export type CompileResult<F> = { ok: true; fn: F; source: string } | { ok: false; error: ExpressionError };

export interface CompileOptions {
  /** names the expression may read, e.g. ["key","value","timestamp","partition","offset","topic"] */
  variables: readonly string[];
}

/**
 * Compiles `source`. Never throws for a bad expression (the error is the result); throws a `TypeError` only when
 * `options.variables` holds a name that cannot be a variable (e.g. `toString`), a programming error.
 */
export function compileExpression(
  source: string,
  options: CompileOptions,
): CompileResult<(ctx: Record<string, unknown>) => Json> {
  if (typeof source !== "string")
    return { ok: false, error: { message: "expression must be a string", position: 0 } };
  const scope = createScope(source, options.variables);
  try {
    const root = compileNode(parse(source), scope, 0);
    const label = labelOfSource(source);
    const fn = (ctx: Record<string, unknown>): Json => {
      try {
        // Every value an expression produces is checked against the value limits (strings, elements, nesting,
        // size): whatever it builds, nothing larger leaves it.
        return checkValue(root(ctx), label);
      } catch (error) {
        // Our own errors are already UserFunctionErrors; anything else (a stack overflow on deeply nested data).
        if (error instanceof UserFunctionError) throw error;
        throw new UserFunctionError(`${source}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    return { ok: true, fn, source };
  } catch (error) {
    if (error instanceof CompileError) {
      // jsep can report an index one past the end (e.g. an unterminated escape); keep positions inside the source.
      const position = Math.max(0, Math.min(error.position, source.length));
      return { ok: false, error: { message: error.message, position } };
    }
    if (error instanceof RangeError) {
      return { ok: false, error: { message: "expression is too deeply nested", position: 0 } };
    }
    throw error;
  }
}
