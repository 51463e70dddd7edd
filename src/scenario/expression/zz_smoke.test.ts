import { it } from "vitest";
import { compileExpression, describeExpressionError } from ".";
const V = ["key", "value", "timestamp"];
const ctx = { key: "abc", value: { amount: 5, name: "Bob", tags: ["x"], n: null }, timestamp: 7 };
it("smoke", () => {
  for (const src of [
    "value.amount * 2", "value.name.upper()", "value?.n?.x", "value.n?.x.y", "value.n.x", "key.startsWith('a')", "{a: 1, b: [1,2], value}",
    "value.tags == ['x']", "Math.floor(1)", "value.toString()", "constructor", "value.constructor", "value['__pro'+'to__']",
    "key.constructor.constructor('return process')()", "this", "globalThis", "new Array(5)", "(()=>1)()", "[].map", "Object.keys(value)",
    "len.call", "value.x = 1", "a b", "(1, 2)", "", "1 +", "vaue + 1", "foo(1)", "upper(1, 2)", "value?.name.upper()", "hash('a')",
    "if(value.amount > 3, 'big', 'small')", "1/0", "`x`", "/a/", "value.amount > 'a'", "typeof value", "value[0]", "key[1]", "key.length",
    "{[key]: 1}", "{__proto__: 1}", "x => 1", "value.amount ** 2", "-key", "value['constructor']", "1e999", "[1,,2]",
  ]) {
    const r = compileExpression(src, { variables: V });
    if (!r.ok) { console.log(JSON.stringify(src), "=> COMPILE", describeExpressionError(src, r.error)); continue; }
    try { console.log(JSON.stringify(src), "=>", JSON.stringify(r.fn(ctx))); } catch (e) { console.log(JSON.stringify(src), "=> THROW", (e as Error).name, (e as Error).message); }
  }
});
