/**
 * fast-check arbitraries for hostile input: share links of the built-in lessons with bytes changed, inserted or
 * cut; lesson scenarios with one field replaced by odd JSON (near and beyond every limit, prototype keys, lone
 * surrogates, deep nesting); hostile expressions (deep nesting, huge literals, growing values, odd unicode and
 * escapes, `__proto__` / `constructor`); random JSON; and valid random scenarios. Each case is the text a user
 * could paste: a link.
 */
import fc from "fast-check";
import LZString from "lz-string";
import { lessons } from "../lessons";
import { encodeShareFragment } from "../shareEncode";
import { type ScenarioInput, scenarioArb } from "./scenarioArbitraries";

/** One fuzz case: what kind it is (for the report) and the link text. */
export interface FuzzCase {
  kind: "mutatedLink" | "mutatedScenario" | "hostileExpression" | "randomJson" | "validRandom";
  link: string;
}

const LESSON_SCENARIOS = lessons.map(
  (lesson) => JSON.parse(JSON.stringify(lesson.scenario)) as ScenarioInput,
);
const LESSON_LINKS = lessons.map((lesson) => encodeShareFragment(lesson.scenario, 3, { v: "physical" }));

/** A link holding any JSON text, as the lab writes them. */
export function linkOf(jsonText: string, cursor = 0): string {
  return `#v1/${LZString.compressToEncodedURIComponent(jsonText)}/s=${cursor}`;
}

const linkChar = fc.constantFrom(
  ..."ABCxyz019+-$/#%=&?s.",
  "%2F",
  "%ZZ",
  "%",
  "\u0000",
  "\uD800",
  "é",
  "😀",
  " ",
  "/s=-1",
  "/s=99999999999999999",
  "/__proto__=1",
  "/s=1/s=2",
);

/** Edits a string: each edit replaces, inserts, deletes, duplicates or cuts at a position. */
const editsArb = fc.array(
  fc.record({
    at: fc.nat(),
    op: fc.constantFrom("replace", "insert", "delete", "duplicate", "cut"),
    text: fc.oneof(linkChar, fc.string({ maxLength: 4 })),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  { minLength: 1, maxLength: 4 },
);

function applyEdits(
  text: string,
  edits: readonly { at: number; op: string; text: string; length: number }[],
) {
  let out = text;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    switch (edit.op) {
      case "replace":
        out = out.slice(0, at) + edit.text + out.slice(at + 1);
        break;
      case "insert":
        out = out.slice(0, at) + edit.text + out.slice(at);
        break;
      case "delete":
        out = out.slice(0, at) + out.slice(at + edit.length);
        break;
      case "duplicate":
        out = out.slice(0, at + edit.length) + out.slice(at, at + edit.length) + out.slice(at + edit.length);
        break;
      default:
        out = out.slice(0, at);
    }
  }
  return out;
}

const LESSON_TEXTS = LESSON_SCENARIOS.map((scenario) => JSON.stringify(scenario));

/** A lesson's link with characters edited, or its JSON text edited before it is compressed. */
const mutatedLinkArb: fc.Arbitrary<FuzzCase> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...LESSON_LINKS), editsArb)
    .map(([link, edits]): FuzzCase => ({ kind: "mutatedLink", link: applyEdits(link, edits) })),
  fc
    .tuple(fc.constantFrom(...LESSON_TEXTS), editsArb)
    .map(([text, edits]): FuzzCase => ({ kind: "mutatedLink", link: linkOf(applyEdits(text, edits)) })),
);

function nested(depth: number, open: string, close: string, inner: string) {
  return open.repeat(depth) + inner + close.repeat(depth);
}

function deepArray(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** JSON values near and beyond the limits of the format, and values that trip naive code. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    -1,
    0,
    -0,
    1.5,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 32,
    2 ** 53,
    1e308,
    -1e308,
    "",
    "x".repeat(121),
    "x".repeat(2001),
    "\uD800",
    "\u202Eevil",
    "\u0000",
    "instance-99",
    "instance-0",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    [],
    {},
    deepArray(63),
    deepArray(65),
    deepArray(300),
    Array.from({ length: 1001 }, (_, i) => i),
    Array.from({ length: 70 }, (_, i) => ({ at: i, key: `k${i}`, value: i })),
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
    { count: 2_000_000, keys: ["a"], everyMs: 0 },
    { count: 2_000_001, keys: ["a"], everyMs: 1 },
    { maxRecords: 2_000_000, maxSteps: 40_000_000 },
  ),
);

/** Every path (field names and indices) in a JSON value, parents before children. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) pathsOf(value[i], [...prefix, i], out);
  } else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let target = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  // A field added to a number or a string: replace the value itself.
  if (target === null || typeof target !== "object") return setAt(root, path.slice(0, -1), value);
  Object.defineProperty(target, path.at(-1)!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return root;
}

const mutatedScenarioArb: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.nat({ max: LESSON_SCENARIOS.length - 1 }),
    fc.nat(),
    hostileValueArb,
    fc.boolean(),
    fc.constantFrom("__proto__", "constructor", "kye", "prototype"),
  )
  .map(([lesson, pick, value, addField, field]) => {
    const scenario = structuredClone(LESSON_SCENARIOS[lesson]!);
    const paths = pathsOf(scenario);
    const path = paths[pick % paths.length]!;
    const mutated = addField ? setAt(scenario, [...path, field], value) : setAt(scenario, path, value);
    return { kind: "mutatedScenario", link: linkOf(JSON.stringify(mutated) ?? "null") };
  });

const TOKENS = [
  "value",
  "key",
  ".",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  "?",
  "+",
  "-",
  "*",
  "/",
  "%",
  "**",
];
const HOSTILE_EXPRESSIONS = [
  nested(1000, "(", ")", "1"),
  nested(64, "(", ")", "value"),
  nested(200, "[", "]", "1"),
  nested(100, "{a: ", "}", "1"),
  `${"-".repeat(1500)}1`,
  `${"!".repeat(1999)}1`,
  Array.from({ length: 700 }, () => "1").join("+"),
  "1e308 * 1e308",
  "9".repeat(1999),
  "0x1fffffffffffff * 0x1fffffffffffff",
  "2 ** 1024",
  "-0 / 0",
  "'\\u{10FFFF}' + '\\uD800' + '\\u202E'",
  "'\\x41\\n\\t\\\\\\0'",
  "'\\u{110000}'",
  "'\\",
  "'unterminated",
  "value.__proto__",
  "value.constructor",
  "key.constructor.name",
  "value['__proto__']['polluted']",
  "value['constructor']['prototype']",
  "{__proto__: 1}",
  "{['__proto__']: {polluted: 1}}",
  "{constructor: value, toString: 1}",
  "toString",
  "constructor",
  "__proto__",
  "hasOwnProperty(value)",
  "concat(str(value), str(value), str(value), str(value))",
  "[value, value, value, value, value, value, value, value]",
  "[[value, value], [value, value], [value, [value, [value]]]]",
  "str([value, [value, [value, [value, [value]]]]])",
  "split(concat(str(value), str(value)), '')",
  "substring(str(value), -5, 1e9)",
  "upper('ß'.repeat)",
  "hash(nested)",
  "'a' * 3",
  "len(value) ** len(value)",
  "välue",
  "value\u0000",
  "value.a.b.c.d.e.f",
  "value?.a?.b ?? key ?? null",
  "if(true, value, value.missing.deeper)",
  "1 ? 2 : 3 ? 4 : 5",
  "",
  " ",
];

/** A lesson with one of its expressions (filter predicates, mappers, key selectors, …) replaced. */
const EXPRESSION_FIELDS = new Set([
  "predicate",
  "value",
  "key",
  "records",
  "values",
  "label",
  "joiner",
  "reducer",
  "of",
  "owner",
  "expression",
]);

const hostileExpressionArb: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.nat({ max: LESSON_SCENARIOS.length - 1 }),
    fc.nat(),
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_EXPRESSIONS) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
      {
        weight: 1,
        arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((t) => t.join(" ")),
      },
    ),
  )
  .map(([lesson, pick, expression]) => {
    const scenario = structuredClone(LESSON_SCENARIOS[lesson]!);
    const paths = pathsOf(scenario).filter((path) => {
      const last = path.at(-1);
      if (typeof last !== "string" || !EXPRESSION_FIELDS.has(last)) return false;
      // Only expression texts: a record's `key` / `value` field is data.
      return !path.includes("records") || path[0] === "app";
    });
    const path = paths.length === 0 ? ["title"] : paths[pick % paths.length]!;
    return { kind: "hostileExpression", link: linkOf(JSON.stringify(setAt(scenario, path, expression))) };
  });

const randomJsonArb: fc.Arbitrary<FuzzCase> = fc
  .oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc
      .record({
        version: fc.oneof(fc.constant(1), hostileValueArb),
        title: hostileValueArb,
        topics: fc.oneof(
          hostileValueArb,
          fc.array(fc.record({ name: hostileValueArb, partitions: hostileValueArb })),
        ),
        producers: hostileValueArb,
        app: fc.oneof(hostileValueArb, fc.record({ id: hostileValueArb, topology: hostileValueArb })),
      })
      .map((value) => JSON.stringify(value)),
    fc.string({ unit: "binary", maxLength: 60 }),
  )
  .map((text) => ({ kind: "randomJson", link: linkOf(text) }));

const validRandomArb: fc.Arbitrary<FuzzCase> = scenarioArb.map((scenario) => ({
  kind: "validRandom",
  link: linkOf(JSON.stringify(scenario), 2),
}));

/** Every kind of hostile case, weighted so the cheap ones (mostly refused) make up most of a run. */
export const fuzzCaseArb: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 40, arbitrary: mutatedLinkArb },
  { weight: 22, arbitrary: mutatedScenarioArb },
  { weight: 20, arbitrary: hostileExpressionArb },
  { weight: 15, arbitrary: randomJsonArb },
  { weight: 3, arbitrary: validRandomArb },
);
