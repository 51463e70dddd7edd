/**
 * Reading JSON text safely: a size cap, and syntax errors located by line and column.
 *
 * V8 names the failing position in most `JSON.parse` messages ("... in JSON at position 18") but not all
 * (`Unexpected token ']', "[1,]" is not valid JSON`), and other engines word them differently, so when the message
 * carries no position, `findJsonSyntaxError` finds it by scanning the text with the JSON grammar (RFC 8259).
 */
import { MAX_SCENARIO_TEXT_BYTES } from "./defaults";
import { findDuplicateField } from "./duplicateFields";
import { formatPath } from "./scenarioError";

export type JsonTextResult =
  | { ok: true; value: unknown }
  /** `path`: where in the document the problem is (a duplicate field), when it is not the text as a whole. */
  | { ok: false; message: string; path?: string };

/** UTF-8 size of a string, without allocating an encoded copy. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** `null` when the text is small enough, else the reason it is refused. */
export function textSizeProblem(text: string, what: string): string | null {
  // Every UTF-16 unit is at most 3 UTF-8 bytes: only count when the answer is not obvious.
  if (text.length * 3 <= MAX_SCENARIO_TEXT_BYTES) return null;
  const bytes = utf8ByteLength(text);
  if (bytes <= MAX_SCENARIO_TEXT_BYTES) return null;
  return `${what} is ${megabytes(bytes)}, more than the ${megabytes(MAX_SCENARIO_TEXT_BYTES)} limit`;
}

/** 1-based line and column of a position (columns count UTF-16 units, as editors do). */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Returns the position of the first JSON syntax error in `text`, or `null` when it is valid JSON. Iterative, so
 * deep nesting cannot overflow the stack.
 */
export function findJsonSyntaxError(text: string): number | null {
  const n = text.length;
  let i = 0;
  const closers: string[] = [];
  const skipWhitespace = () => {
    while (i < n && WHITESPACE.has(text.charCodeAt(i))) i++;
  };
  const readString = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return true;
      }
      if (code < 0x20) return false;
      if (code === 0x5c) {
        const escaped = text[i + 1];
        if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            while (i < n && /[0-9a-fA-F]/.test(text[i]!)) i++;
            return false;
          }
          i += 6;
        } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const readDigits = (): boolean => {
    const start = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i > start;
  };
  const readNumber = (): boolean => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else if (!readDigits()) return false;
    if (text[i] === ".") {
      i++;
      if (!readDigits()) return false;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (!readDigits()) return false;
    }
    return true;
  };
  const readKey = (): boolean => {
    skipWhitespace();
    if (text[i] !== '"' || !readString()) return false;
    skipWhitespace();
    if (text[i] !== ":") return false;
    i++;
    return true;
  };

  for (;;) {
    // Expecting a value.
    skipWhitespace();
    const c = text[i];
    if (c === "{" || c === "[") {
      i++;
      skipWhitespace();
      const closer = c === "{" ? "}" : "]";
      if (text[i] === closer) i++;
      else {
        closers.push(closer);
        if (closer === "}" && !readKey()) return i;
        continue;
      }
    } else if (c === '"') {
      if (!readString()) return i;
    } else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      if (!readNumber()) return i;
    } else {
      const literal = ["true", "false", "null"].find((word) => text.startsWith(word, i));
      if (literal === undefined) return i;
      i += literal.length;
    }
    // After a value: close containers or move to the next item.
    for (;;) {
      skipWhitespace();
      const closer = closers.at(-1);
      if (closer === undefined) return i < n ? i : null;
      if (text[i] === closer) {
        closers.pop();
        i++;
        continue;
      }
      if (text[i] !== ",") return i;
      i++;
      if (closer === "}" && !readKey()) return i;
      break;
    }
  }
}

/** Strips the position and the quoted input V8 and other engines add, leaving the reason. */
function reasonOf(message: string): string {
  return message
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, "")
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/^JSON\.parse: /, "")
    .replace(/ at line \d+ column \d+ of the JSON data$/, "");
}

function positionIn(message: string): number | undefined {
  const match = / at position (\d+)/.exec(message);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Parses JSON text (`what` names it in messages, e.g. "the scenario text"). Refuses text over 2 MB; a syntax error
 * reads `JSON syntax error at 3:14: Unexpected number`.
 */
export function parseJsonText(text: string, what: string): JsonTextResult {
  const tooLarge = textSizeProblem(text, what);
  if (tooLarge !== null) return { ok: false, message: tooLarge };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark is not JSON
  try {
    const value: unknown = JSON.parse(body);
    const duplicate = findDuplicateField(body);
    if (duplicate === null) return { ok: true, value };
    const first = lineAndColumn(body, duplicate.first);
    const second = lineAndColumn(body, duplicate.second);
    return {
      ok: false,
      path: formatPath(duplicate.path),
      message: `duplicate field ${JSON.stringify(duplicate.field)} at ${second.line}:${second.column} (first at ${first.line}:${first.column}): JSON would keep only the last one, silently`,
    };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = positionIn(raw) ?? findJsonSyntaxError(body);
    const reason = reasonOf(raw) || "invalid JSON";
    if (position === null || position === undefined)
      return { ok: false, message: `JSON syntax error: ${reason}` };
    const at = lineAndColumn(body, position);
    return { ok: false, message: `JSON syntax error at ${at.line}:${at.column}: ${reason}` };
  }
}
