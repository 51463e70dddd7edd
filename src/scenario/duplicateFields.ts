/**
 * Duplicate field names in JSON text. `JSON.parse` keeps the last of two equal names without a word (RFC 8259
 * only says names "SHOULD be unique"), so `{"key": "alice", …, "key": "bob"}` would quietly become bob's record.
 * Scenario text (a file, the editor, a share link) is therefore scanned once more after it parsed, and the first
 * duplicate is reported with its path and both positions.
 */
import type { PathSegment } from "./scenarioError";

export interface DuplicateField {
  /** Path to the duplicated field (the object's path, then the name). */
  path: PathSegment[];
  field: string;
  /** 0-based positions of the first and the second occurrence of the name. */
  first: number;
  second: number;
}

type Frame =
  | { kind: "object"; names: Map<string, number>; name: string | null; expectName: boolean }
  | { kind: "array"; index: number };

/** Index just past the string starting at `start` (a `"`), in text known to be valid JSON. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    i += code === 0x5c ? 2 : 1;
  }
}

function pathOf(stack: readonly Frame[]): PathSegment[] {
  return stack.map((frame) => (frame.kind === "array" ? frame.index : (frame.name ?? "")));
}

/**
 * The first duplicated field name in `text`, which must be valid JSON (call it after `JSON.parse` succeeded), or
 * null. One pass, iterative (deep nesting cannot overflow the stack); names are compared after unescaping, as
 * `JSON.parse` compares them (`"a"` and `"\u0061"` are the same name).
 */
export function findDuplicateField(text: string): DuplicateField | null {
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (top?.kind === "object" && top.expectName) {
        const name = JSON.parse(text.slice(i, end)) as string;
        const first = top.names.get(name);
        if (first !== undefined)
          return { path: [...pathOf(stack.slice(0, -1)), name], field: name, first, second: i };
        top.names.set(name, i);
        top.name = name;
        top.expectName = false;
      }
      i = end;
      continue;
    }
    switch (c) {
      case 0x7b: // {
        stack.push({ kind: "object", names: new Map(), name: null, expectName: true });
        break;
      case 0x5b: // [
        stack.push({ kind: "array", index: 0 });
        break;
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        break;
      case 0x2c: // ,
        if (top?.kind === "object") top.expectName = true;
        else if (top?.kind === "array") top.index++;
        break;
      default:
        break;
    }
    i++;
  }
  return null;
}
