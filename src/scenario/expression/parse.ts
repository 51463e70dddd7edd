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
