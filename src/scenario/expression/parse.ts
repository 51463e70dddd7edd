/**
 * Parsing with jsep, plus source positions.
 *
 * jsep is a singleton whose operator tables and hooks are global. We only register the object-literal plugin
 * (idempotent, by name) and change no operator, so other users of jsep see standard jsep + objects. jsep nodes carry
 * no positions, so we parse with a subclass of jsep's parser that records `start`/`end` (0-based, end exclusive) on
 * every token, identifier, member access and call; binary and conditional nodes get theirs from their operands
 * (`startOf` / `endOf`). `gobbleTokenProperty` is a copy of jsep 1.6's, with positions added.
 */
import objectPlugin from "@jsep-plugin/object";
import jsep from "jsep";
import { CompileError } from "./errors";

jsep.plugins.register(objectPlugin);

/** Longest source accepted. */
export const MAX_SOURCE_LENGTH = 2000;

/** A jsep node with the positions this parser adds. */
export type Node = jsep.Expression & { start?: number; end?: number };

/** What we use of jsep's (untyped) parser class. */
interface JsepParser {
  index: number;
  readonly expr: string;
  readonly code: number;
  readonly char: string;
  gobbleSpaces(): void;
  gobbleToken(): Node | false | undefined;
  gobbleTokenProperty(node: Node): Node;
  gobbleIdentifier(): Node;
  gobbleExpression(): Node | false | undefined;
  gobbleArguments(termination: number): Node[];
  gobbleStringLiteral(): Node;
  throwError(message: string): never;
  parse(): Node;
}

const JsepParserClass = (jsep as unknown as { Jsep: new (expr: string) => JsepParser }).Jsep;

const PERIOD = 46; // .
const OPAREN = 40; // (
const CPAREN = 41; // )
const OBRACK = 91; // [
const CBRACK = 93; // ]
const QUMARK = 63; // ?

const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ["n", "\n"],
  ["r", "\r"],
  ["t", "\t"],
  ["b", "\b"],
  ["f", "\f"],
  ["v", "\v"],
  ["'", "'"],
  ['"', '"'],
  ["\\", "\\"],
  ["/", "/"],
]);

/** Index of the first unpaired surrogate in `text`, or -1. */
export function loneSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    if (code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

class PositionedParser extends JsepParserClass {
  /** Start of each token being parsed, innermost last: where a member/call chain begins. */
  private readonly tokenStarts: number[] = [];

  override gobbleToken(): Node | false | undefined {
    this.gobbleSpaces();
    const start = this.index;
    this.tokenStarts.push(start);
    try {
      const node = super.gobbleToken();
      if (node) {
        node.start ??= start;
        if (node.end === undefined) {
          let end = this.index;
          while (end > start && isSpace(this.expr.charCodeAt(end - 1))) end--;
          node.end = end;
        }
      }
      return node;
    } finally {
      this.tokenStarts.pop();
    }
  }

  override gobbleIdentifier(): Node {
    const start = this.index;
    const node = super.gobbleIdentifier();
    node.start = start;
    node.end = this.index;
    return node;
  }

  /**
   * A string literal with JavaScript's escapes (jsep's own keeps only `\n \r \t \b \f \v` and reads `\u0041` as
   * `u0041`): `\n \r \t \b \f \v`, `\0` (not before a digit), `\' \" \\ \/`, `\xHH`, `\uHHHH` and `\u{H…}`.
   * Any other escape is a parse error (JavaScript would quietly drop the backslash), and so is an escape that makes
   * half a surrogate pair: a string must be text that UTF-8 can encode.
   */
  override gobbleStringLiteral(): Node {
    const start = this.index;
    const quote = this.expr.charAt(this.index++);
    let text = "";
    for (;;) {
      if (this.index >= this.expr.length) this.throwError(`Unclosed quote after "${text}"`);
      const ch = this.expr.charAt(this.index++);
      if (ch === quote) break;
      text += ch === "\\" ? this.gobbleEscape() : ch;
    }
    const lone = loneSurrogateAt(text);
    if (lone >= 0) {
      this.index = start;
      this.throwError(
        `the string holds half of a surrogate pair (\\u${text.charCodeAt(lone).toString(16).toUpperCase()}), which is not text`,
      );
    }
    return { type: "Literal", value: text, raw: this.expr.slice(start, this.index) };
  }

  /** The character an escape stands for; `index` is just after the backslash. */
  private gobbleEscape(): string {
    const at = this.index - 1;
    const ch = this.expr.charAt(this.index++);
    const simple = SIMPLE_ESCAPES.get(ch);
    if (simple !== undefined) return simple;
    if (ch === "0") {
      if (!/[0-9]/.test(this.expr.charAt(this.index))) return "\0";
      this.index = at;
      this.throwError("\\0 cannot be followed by a digit (octal escapes are not supported; use \\xHH)");
    }
    if (ch === "x") return String.fromCharCode(this.gobbleHex(2, at, "\\x needs two hex digits"));
    if (ch === "u") {
      if (this.expr.charAt(this.index) !== "{") {
        return String.fromCharCode(this.gobbleHex(4, at, "\\u needs four hex digits or {…}"));
      }
      const close = this.expr.indexOf("}", this.index);
      const digits = close < 0 ? "" : this.expr.slice(this.index + 1, close);
      if (!/^[0-9a-fA-F]{1,6}$/.test(digits) || Number.parseInt(digits, 16) > 0x10ffff) {
        this.index = at;
        this.throwError("\\u{…} needs 1 to 6 hex digits, at most 10FFFF");
      }
      this.index = close + 1;
      return String.fromCodePoint(Number.parseInt(digits, 16));
    }
    this.index = at;
    const shown = /^[\x20-\x7e]$/.test(ch)
      ? `"\\${ch}"`
      : ch === ""
        ? "at the end"
        : `of ${JSON.stringify(ch)}`;
    return this.throwError(
      `invalid escape ${shown} (escapes: \\n \\t \\r \\b \\f \\v \\0 \\' \\" \\\\ \\/ \\xHH \\uHHHH \\u{H…})`,
    );
  }

  private gobbleHex(count: number, at: number, message: string): number {
    const digits = this.expr.slice(this.index, this.index + count);
    if (!new RegExp(`^[0-9a-fA-F]{${count}}$`).test(digits)) {
      this.index = at;
      this.throwError(message);
    }
    this.index += count;
    return Number.parseInt(digits, 16);
  }

  override gobbleTokenProperty(base: Node): Node {
    const start = this.tokenStarts.at(-1) ?? base.start ?? 0;
    let node = base;
    this.gobbleSpaces();
    let ch = this.code;
    while (ch === PERIOD || ch === OBRACK || ch === OPAREN || ch === QUMARK) {
      let optional = false;
      if (ch === QUMARK) {
        if (this.expr.charCodeAt(this.index + 1) !== PERIOD) break;
        optional = true;
        this.index += 2;
        this.gobbleSpaces();
        ch = this.code;
      }
      this.index++;
      if (ch === OBRACK) {
        const property = this.gobbleExpression();
        if (!property) this.throwError(`Unexpected "${this.char}"`);
        this.gobbleSpaces();
        if (this.code !== CBRACK) this.throwError("Unclosed [");
        this.index++;
        node = { type: "MemberExpression", computed: true, object: node, property, start, end: this.index };
      } else if (ch === OPAREN) {
        const args = this.gobbleArguments(CPAREN);
        node = { type: "CallExpression", arguments: args, callee: node, start, end: this.index };
      } else if (ch === PERIOD || optional) {
        if (optional) this.index--;
        this.gobbleSpaces();
        const property = this.gobbleIdentifier();
        node = { type: "MemberExpression", computed: false, object: node, property, start, end: this.index };
      }
      if (optional) node.optional = true;
      this.gobbleSpaces();
      ch = this.code;
    }
    return node;
  }
}

function isJsepError(error: unknown): error is Error & { index: number; description: string } {
  return (
    error instanceof Error &&
    typeof (error as { index?: unknown }).index === "number" &&
    typeof (error as { description?: unknown }).description === "string"
  );
}

/** jsep's message in our style: lower case first, and a plain "unexpected end" when the input ran out. */
function parseMessage(source: string, error: { index: number; description: string }): string {
  if (error.index >= source.length && /^Unexpected\b/.test(error.description))
    return "unexpected end of expression";
  return error.description.charAt(0).toLowerCase() + error.description.slice(1);
}

/** Parses `source`; throws a `CompileError` (jsep's message and index) when it is not a valid expression. */
export function parse(source: string): Node {
  if (source.length > MAX_SOURCE_LENGTH) {
    throw new CompileError(
      `expression is too long (${source.length} characters, at most ${MAX_SOURCE_LENGTH})`,
      MAX_SOURCE_LENGTH,
    );
  }
  try {
    return new PositionedParser(source).parse();
  } catch (error) {
    if (isJsepError(error)) throw new CompileError(parseMessage(source, error), error.index);
    if (error instanceof RangeError) throw new CompileError("expression is too deeply nested", 0);
    throw error;
  }
}

/** 0-based index of the node's first character. */
export function startOf(node: Node): number {
  if (typeof node.start === "number") return node.start;
  const first =
    node.type === "BinaryExpression"
      ? node.left
      : node.type === "ConditionalExpression"
        ? node.test
        : node.type === "Compound"
          ? (node.body as Node[])[0]
          : node.type === "SequenceExpression"
            ? (node.expressions as Node[])[0]
            : node.type === "Property"
              ? node.key
              : undefined;
  return first ? startOf(first as Node) : 0;
}

/** 0-based index just after the node's last character. */
export function endOf(node: Node): number {
  if (typeof node.end === "number") return node.end;
  const last =
    node.type === "BinaryExpression"
      ? node.right
      : node.type === "ConditionalExpression"
        ? node.alternate
        : node.type === "Compound"
          ? (node.body as Node[]).at(-1)
          : node.type === "SequenceExpression"
            ? (node.expressions as Node[]).at(-1)
            : undefined;
  return last ? endOf(last as Node) : startOf(node);
}
