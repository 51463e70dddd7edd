import { describe, expect, it } from "vitest";
import { UserFunctionError } from "../../engine/model";
import { fnv1a } from "./functions";
import { compileError, run } from "./testHelpers";

describe("numeric functions", () => {
  it("compute abs, floor, ceil, round, sqrt, pow, min and max", () => {
    expect(run("abs(-3)")).toBe(3);
    expect(run("floor(2.7)")).toBe(2);
    expect(run("ceil(2.1)")).toBe(3);
    expect(run("round(2.5)")).toBe(3);
    expect(run("sqrt(16)")).toBe(4);
    expect(run("pow(2, 8)")).toBe(256);
    expect(run("min(3, 1, 2)")).toBe(1);
    expect(run("max(value.amount, 100)")).toBe(100);
    expect(run("min(5)")).toBe(5);
  });

  it("return null for results that are not finite", () => {
    expect(run("sqrt(-1)")).toBeNull();
    expect(run("pow(10, 400)")).toBeNull();
  });

  it("refuse non-numbers", () => {
    expect(() => run("abs(key)")).toThrow("abs(key): abs expects a number, got string");
    expect(() => run("max(1, value.nothing)")).toThrow("max expects a number, got null");
  });
});

describe("string functions", () => {
  it("compute len, lower, upper and trim", () => {
    expect(run("len(key)")).toBe(6);
    expect(run("len(value.tags)")).toBe(2);
    expect(run("lower('AbC')")).toBe("abc");
    expect(run("upper(value.name)")).toBe("ADA");
    expect(run("trim('  x  ')")).toBe("x");
  });

  it("compute concat, substring, startsWith, endsWith and split", () => {
    expect(run("concat(key, '/', offset, '/', value.tags, null)")).toBe('user-1/7/["a","b"]null');
    expect(run("concat()")).toBe("");
    expect(run("substring(key, 5)")).toBe("1");
    expect(run("substring(key, 0, 4)")).toBe("user");
    expect(run("startsWith(key, 'user')")).toBe(true);
    expect(run("endsWith(key, '2')")).toBe(false);
    expect(run("split('a,b,,c', ',')")).toEqual(["a", "b", "", "c"]);
  });

  it("find a substring or an array element with contains", () => {
    expect(run("contains(key, 'er-')")).toBe(true);
    expect(run("contains(value.tags, 'b')")).toBe(true);
    expect(run("contains([[1], {a: 2}], {a: 2})")).toBe(true);
    expect(run("contains(value.tags, 'z')")).toBe(false);
    expect(() => run("contains(value.amount, 4)")).toThrow(
      "contains expects a string or an array, got number",
    );
  });

  it("refuse values of the wrong type", () => {
    expect(() => run("upper(value.amount)")).toThrow(UserFunctionError);
    expect(() => run("len(value)")).toThrow("len expects a string or an array, got an object");
    expect(() => run("split(key, 1)")).toThrow("split expects a string, got number");
  });
});

describe("conversions and hashing", () => {
  it("convert to text with str: JSON for arrays and objects", () => {
    expect(run("str(12.5)")).toBe("12.5");
    expect(run("str(null)")).toBe("null");
    expect(run("str(true)")).toBe("true");
    expect(run("str(key)")).toBe("user-1");
    expect(run("str(value.nested)")).toBe('{"deep":1}');
  });

  it("convert to numbers with num, or null", () => {
    expect(run("num('42')")).toBe(42);
    expect(run("num(' 3.5 ')")).toBe(3.5);
    expect(run("num(true)")).toBe(1);
    expect(run("num('abc')")).toBeNull();
    expect(run("num('')")).toBeNull();
    expect(run("num(null)")).toBeNull();
    expect(run("num(value.tags)")).toBeNull();
  });

  it("hash with 32-bit FNV-1a of the UTF-8 text, as a non-negative integer", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
    expect(run("hash('foobar')")).toBe(0xbf9cf968);
    expect(run("hash(12)")).toBe(fnv1a("12"));
    expect(run("hash({a: 1})")).toBe(fnv1a('{"a":1}'));
    expect(run("hash('é')")).toBe(fnv1a("é"));
    expect(run("hash(key) % 4")).toBeGreaterThanOrEqual(0);
  });
});

describe("if", () => {
  it("returns the branch chosen by the condition", () => {
    expect(run("if(value.amount > 10, 'big', 'small')")).toBe("big");
    expect(run("if(value.nothing, 1, 2)")).toBe(2);
  });

  it("evaluates only the chosen branch", () => {
    expect(run("if(true, 1, value.nothing.x)")).toBe(1);
    expect(run("if(false, value.nothing.x, 2)")).toBe(2);
  });

  it("has no method form", () => {
    expect(compileError("key.if(1, 2)").message).toMatch(/^unknown method "if"/);
  });
});

describe("method sugar", () => {
  it("passes the receiver as the first argument", () => {
    expect(run("key.startsWith('user')")).toBe(true);
    expect(run("value.name.upper()")).toBe("ADA");
    expect(run("key.substring(0, 4).upper()")).toBe("USER");
    expect(run("value.tags.contains('a')")).toBe(true);
    expect(run("value.amount.max(50)")).toBe(50);
    expect(run("'a-b'.split('-').len()")).toBe(2);
  });

  it("counts the receiver in the arity check", () => {
    expect(compileError("key.upper(1)").message).toBe(
      "upper expects 1 argument, got 2 (counting the value before the dot)",
    );
  });

  it("suggests our name for familiar JavaScript methods", () => {
    expect(compileError("key.toUpperCase()").message).toMatch(
      /^unknown method "toUpperCase" \(did you mean upper\?\)/,
    );
    expect(compileError("key.includes('x')").message).toContain("did you mean contains?");
  });
});

describe("calls that do not compile", () => {
  it("reject unknown functions, listing the allowed ones", () => {
    const error = compileError("offset + foo(1)");
    expect(error.message).toMatch(/^unknown function "foo" \(allowed: abs, floor, .*, if\)$/);
    expect(error.position).toBe(9);
  });

  it("check the number of arguments", () => {
    expect(compileError("upper()").message).toBe("upper expects 1 argument, got 0");
    expect(compileError("substring(key)").message).toBe("substring expects 2 to 3 arguments, got 1");
    expect(compileError("min()").message).toBe("min expects at least 1 argument, got 0");
    expect(compileError("if(1, 2)").message).toBe("if expects 3 arguments, got 2");
  });

  it("reject calling a variable", () => {
    expect(compileError("value(1)").message).toBe('"value" is not a function');
  });

  it("reject calling the result of a call or a computed member", () => {
    expect(compileError("upper(key)()").message).toBe(
      "only whitelisted functions can be called, e.g. upper(x) or x.upper()",
    );
    expect(compileError("key['upper']()").message).toBe(
      "only named functions can be called, e.g. upper(x) or x.upper()",
    );
  });

  it("point at a namespace such as Math", () => {
    expect(compileError("Math.floor(value.amount)")).toEqual({
      message: 'unknown name "Math": call floor(…) directly',
      position: 0,
    });
  });
});
