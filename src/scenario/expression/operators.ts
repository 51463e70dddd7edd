/**
 * Closures for unary and binary operators. Each operator gets its own closure (no shared generic helper taking a
 * callback) so that V8 sees monomorphic code on the hot path.
 *
 * Arithmetic (`- * / % **`) needs numbers; a NaN/±Infinity result becomes `null`. `+` adds numbers, or concatenates
 * when either side is a string (the other converted as by `str`). `< <= > >=` need two numbers or two strings.
 * `==`/`===` are the same structural equality (no coercion); `!=`/`!==` its negation. Bitwise operators need
 * numbers (32-bit integer semantics, as in JavaScript). `&&`, `||` and `??` short-circuit and return an operand.
 */
import type { Json } from "../../engine/model";
import { runtimeError } from "./errors";
import { checkLength, equalValues, toText, truthy, typeName } from "./values";

export type Context = Record<string, unknown>;
export type Compiled = (context: Context) => Json;

function operandError(label: string, operator: string, expected: string, a: Json, b: Json) {
  return runtimeError(
    label,
    `operator ${operator} expects ${expected}, got ${typeName(a)} and ${typeName(b)}`,
  );
}

function unaryError(label: string, operator: string, a: Json) {
  const hint = operator === "+" ? " (use num(x) to convert)" : "";
  return runtimeError(label, `operator ${operator} expects a number, got ${typeName(a)}${hint}`);
}

/** The closure for `operator` applied to `l` and `r`, or `undefined` if the operator is not supported. */
export function binaryOperator(
  operator: string,
  l: Compiled,
  r: Compiled,
  label: string,
): Compiled | undefined {
  const NUM = "numbers";
  switch (operator) {
    case "+":
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (typeof a === "number" && typeof b === "number") {
          const v = a + b;
          return v - v === 0 ? v : null;
        }
        if (typeof a === "string" || typeof b === "string")
          return checkLength(label, toText(a, label) + toText(b, label));
        throw operandError(label, "+", "numbers or a string", a, b);
      };
    case "-":
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (typeof a !== "number" || typeof b !== "number") throw operandError(label, operator, NUM, a, b);
        const v = a - b;
        return v - v === 0 ? v : null;
      };
    case "*":
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (typeof a !== "number" || typeof b !== "number") throw operandError(label, operator, NUM, a, b);
        const v = a * b;
        return v - v === 0 ? v : null;
      };
    case "/":
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (typeof a !== "number" || typeof b !== "number") throw operandError(label, operator, NUM, a, b);
        const v = a / b;
        return v - v === 0 ? v : null;
      };
    case "%":
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (typeof a !== "number" || typeof b !== "number") throw operandError(label, operator, NUM, a, b);
        const v = a % b;
        return v - v === 0 ? v : null;
      };
    case "**":
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (typeof a !== "number" || typeof b !== "number") throw operandError(label, operator, NUM, a, b);
        const v = a ** b;
        return v - v === 0 ? v : null;
      };
    case "==":
    case "===":
      return (c) => {
        const a = l(c);
        const b = r(c);
        return a === b || (typeof a === "object" && typeof b === "object" && equalValues(a, b, label));
      };
    case "!=":
    case "!==":
      return (c) => {
        const a = l(c);
        const b = r(c);
        return a !== b && !(typeof a === "object" && typeof b === "object" && equalValues(a, b, label));
      };
    case "<":
    case "<=":
    case ">":
    case ">=":
      return comparison(operator, l, r, label);
    case "&":
    case "|":
    case "^":
    case "<<":
    case ">>":
    case ">>>":
      return bitwise(operator, l, r, label);
    case "&&":
      return (c) => {
        const a = l(c);
        return truthy(a) ? r(c) : a;
      };
    case "||":
      return (c) => {
        const a = l(c);
        return truthy(a) ? a : r(c);
      };
    case "??":
      return (c) => {
        const a = l(c);
        return a === null ? r(c) : a;
      };
    default:
      return undefined;
  }
}

function comparable(a: Json, b: Json): boolean {
  const t = typeof a;
  return (t === "number" || t === "string") && typeof b === t;
}

function comparison(operator: string, l: Compiled, r: Compiled, label: string): Compiled {
  const expected = "two numbers or two strings";
  const fail = (a: Json, b: Json) => operandError(label, operator, expected, a, b);
  switch (operator) {
    case "<":
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (typeof a === "number" && typeof b === "number") return a < b;
        if (comparable(a, b)) return (a as string) < (b as string);
        throw fail(a, b);
      };
    case "<=":
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (typeof a === "number" && typeof b === "number") return a <= b;
        if (comparable(a, b)) return (a as string) <= (b as string);
        throw fail(a, b);
      };
    case ">":
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (typeof a === "number" && typeof b === "number") return a > b;
        if (comparable(a, b)) return (a as string) > (b as string);
        throw fail(a, b);
      };
    default:
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (typeof a === "number" && typeof b === "number") return a >= b;
        if (comparable(a, b)) return (a as string) >= (b as string);
        throw fail(a, b);
      };
  }
}

function bitwise(operator: string, l: Compiled, r: Compiled, label: string): Compiled {
  const op = (a: number, b: number): number => {
    switch (operator) {
      case "&":
        return a & b;
      case "|":
        return a | b;
      case "^":
        return a ^ b;
      case "<<":
        return a << b;
      case ">>":
        return a >> b;
      default:
        return a >>> b;
    }
  };
  return (c) => {
    const a = l(c);
    const b = r(c);
    if (typeof a !== "number" || typeof b !== "number") throw operandError(label, operator, "numbers", a, b);
    return op(a, b);
  };
}

/** The closure for a unary `operator`, or `undefined` if it is not supported. */
export function unaryOperator(operator: string, x: Compiled, label: string): Compiled | undefined {
  switch (operator) {
    case "!":
      return (c) => !truthy(x(c));
    case "-":
      return (c) => {
        const a = x(c);
        if (typeof a !== "number") throw unaryError(label, operator, a);
        return -a;
      };
    case "+":
      return (c) => {
        const a = x(c);
        if (typeof a !== "number") throw unaryError(label, operator, a);
        return a;
      };
    case "~":
      return (c) => {
        const a = x(c);
        if (typeof a !== "number") throw unaryError(label, operator, a);
        return ~a;
      };
    default:
      return undefined;
  }
}
