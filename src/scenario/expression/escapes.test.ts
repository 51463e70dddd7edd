/**
 * Attempts to escape the language (reach JavaScript objects, prototypes, globals or code execution). Each must be
 * a compile error or a `UserFunctionError`, never a value from outside the JSON data.
 */
import { describe, expect, it } from "vitest";
import { UserFunctionError } from "../../engine/model";
import { compileExpression } from "./compileExpression";
import { compileError, RECORD, run, VARIABLES } from "./testHelpers";

function runtimeError(source: string, context: Record<string, unknown> = RECORD): string {
  const result = compileExpression(source, { variables: VARIABLES });
  if (!result.ok)
    throw new Error(`expected ${JSON.stringify(source)} to compile, got: ${result.error.message}`);
  try {
    result.fn(context);
  } catch (error) {
    expect(error).toBeInstanceOf(UserFunctionError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(source)} to throw`);
}

describe("prototype access", () => {
  it("rejects constructor as a name", () => {
    expect(compileError("constructor").message).toMatch(/^unknown name "constructor"/);
  });

  it("rejects access to constructor through a field", () => {
    expect(compileError("value.constructor")).toEqual({
      message: 'access to "constructor" is not allowed',
      position: 6,
    });
    expect(compileError("key.constructor").message).toBe('access to "constructor" is not allowed');
    expect(compileError("value?.constructor").message).toBe('access to "constructor" is not allowed');
  });

  it("rejects access to constructor through a literal computed member", () => {
    expect(compileError('value["constructor"]')).toEqual({
      message: 'access to "constructor" is not allowed',
      position: 6,
    });
  });

  it("rejects access to constructor through a computed member", () => {
    expect(runtimeError('value["cons" + "tructor"]')).toBe(
      'value["cons" + "tructor"]: access to "constructor" is not allowed',
    );
    expect(runtimeError("value[key]", { key: "constructor", value: {} })).toContain("is not allowed");
  });

  it("rejects __proto__ built at run time", () => {
    expect(runtimeError('value["__pro" + "to__"]')).toContain('access to "__proto__" is not allowed');
  });

  it("rejects every forbidden property name", () => {
    for (const name of [
      "__proto__",
      "prototype",
      "__defineGetter__",
      "__defineSetter__",
      "__lookupGetter__",
      "__lookupSetter__",
    ]) {
      expect(compileError(`value.${name}`).message).toBe(`access to "${name}" is not allowed`);
      expect(compileError(`value['${name}']`).message).toBe(`access to "${name}" is not allowed`);
      expect(runtimeError("value[key]", { key: name, value: {} })).toContain("is not allowed");
    }
  });

  it("rejects the Function constructor chain", () => {
    expect(compileError('key.constructor.constructor("return process")()')).toEqual({
      message: 'access to "constructor" is not allowed',
      position: 4,
    });
  });

  it("does not read inherited members of arrays and strings", () => {
    expect(runtimeError("[].map")).toBe(
      '[].map: cannot read field "map" of an array (only length and [index])',
    );
    expect(runtimeError("value.tags['concat']")).toContain('cannot read field "concat" of an array');
    expect(runtimeError("key.toString")).toContain('cannot read field "toString" of a string');
    expect(run("value.valueOf")).toBeNull();
  });

  it("refuses __proto__ as an object key, literal or computed", () => {
    expect(compileError("{__proto__: value}").message).toBe('access to "__proto__" is not allowed');
    expect(compileError('{"__proto__": 1}').message).toBe('access to "__proto__" is not allowed');
    expect(runtimeError("{[key]: {polluted: true}}", { key: "__proto__" })).toContain("is not allowed");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("globals and code execution", () => {
  it("rejects this", () => {
    expect(compileError("this")).toEqual({ message: '"this" is not supported', position: 0 });
    expect(compileError("this.constructor").message).toBe('"this" is not supported');
  });

  it("rejects globals", () => {
    for (const name of [
      "globalThis",
      "process",
      "window",
      "require",
      "module",
      "Function",
      "Object",
      "Array",
    ]) {
      expect(compileError(name).message).toMatch(new RegExp(`^unknown name "${name}"`));
    }
  });

  it("rejects eval and require as functions", () => {
    expect(compileError("eval('1')").message).toMatch(/^unknown function "eval"/);
    expect(compileError("require('fs')").message).toMatch(/^unknown function "require"/);
    expect(compileError("import('fs')").message).toBe(
      'unknown function "import" (allowed: abs, floor, ceil, round, sqrt, min, max, pow, len, lower, upper, trim, concat, substring, startsWith, endsWith, contains, split, str, num, hash, if)',
    );
  });

  it("rejects new", () => {
    expect(compileError("new Array(5)")).toEqual({ message: '"new" is not supported', position: 0 });
  });

  it("rejects arrow functions", () => {
    expect(compileError("(()=>1)()").message).toBe('unexpected "="');
    expect(compileError("x => x").message).toBe('unexpected "="');
  });

  it("rejects methods that are not whitelisted", () => {
    expect(compileError("value.toString()")).toMatchObject({ position: 6 });
    expect(compileError("value.toString()").message).toMatch(
      /^unknown method "toString" \(did you mean str\?\)/,
    );
    expect(compileError("value.hasOwnProperty('x')").message).toMatch(/^unknown method "hasOwnProperty"/);
    expect(compileError("[].map(1)").message).toMatch(/^unknown method "map"/);
    expect(compileError("key.upper.call(1)").message).toMatch(/^unknown method "call"/);
  });

  it("rejects Object.keys", () => {
    expect(compileError("Object.keys(value)")).toMatchObject({
      message: expect.stringMatching(/^unknown name "Object"/),
      position: 0,
    });
  });

  it("rejects reading a function as a value", () => {
    expect(compileError("len.call").message).toBe('"len" is a function: call it, e.g. len(…)');
    expect(compileError("hash.apply(null, [1])").message).toBe('"hash" is a function: call it, e.g. hash(…)');
  });

  it("rejects assignment", () => {
    expect(compileError("value.x = 1")).toEqual({ message: 'unexpected "="', position: 8 });
    expect(compileError("key = 'x'").message).toBe('unexpected "="');
    expect(compileError("value.amount++").message).toBe("missing unaryOp argument");
  });

  it("rejects template literals and regexes", () => {
    expect(compileError(["`", "{process}`"].join("$")).message).toBe('unexpected "`"');
    expect(compileError("/x/.constructor").message).toBe('unexpected "/"');
  });

  it("does not modify the record it runs on", () => {
    const context = structuredClone(RECORD);
    expect(compileError("value.amount = 0").message).toBe('unexpected "="');
    run("{amount: 0, value}", context);
    expect(context).toEqual(RECORD);
  });
});
