/**
 * JSON text of a value, written piece by piece so that a caller who only wants the beginning (a narration line, a
 * table cell, a `str()` that must stay under the string limit) stops paying once it has enough. The text is
 * exactly `JSON.stringify`'s, in the same order (own enumerable keys in `Object.keys` order), for any prefix.
 *
 * Iterative: a deeply nested value cannot overflow the stack. Values are JSON data; like `JSON.stringify`, an
 * `undefined` field is left out and an `undefined` array element is written `null`.
 */
import type { Json } from "../model";

/** Receives the text in pieces; returning false stops the writing. */
export type JsonSink = (piece: string) => boolean;

interface Frame {
  readonly container: Json[] | { [field: string]: Json };
  /** The object's keys (null for an array). */
  readonly keys: string[] | null;
  index: number;
  /** Whether something was written in this container (a comma goes before the next item). */
  wrote: boolean;
}

/** Text of a scalar, or null for an array or object. `undefined` (only at the top) is `null`. */
function scalarText(value: Json | undefined, room: number): string | null {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return stringText(value, room);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    default:
      return null;
  }
}

/**
 * A string's JSON text, or only its beginning (without the closing quote) when it is much longer than `room`:
 * escaping never shortens text, so the beginning of a prefix's text is the beginning of the whole text, as long as
 * the prefix does not split a surrogate pair.
 */
function stringText(value: string, room: number): string {
  if (value.length + 2 <= room) return JSON.stringify(value);
  let end = Math.max(0, room);
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end++;
  return JSON.stringify(value.slice(0, end)).slice(0, -1);
}

/**
 * Writes the JSON text of `value` to `sink`. `room` hints how many characters the sink still wants (strings longer
 * than that are written only in part: the sink must stop at or before it).
 */
export function writeJson(value: Json | undefined, sink: JsonSink, room = Number.POSITIVE_INFINITY): void {
  const scalar = scalarText(value, room);
  if (scalar !== null) {
    sink(scalar);
    return;
  }
  let written = 0;
  const put = (piece: string): boolean => {
    written += piece.length;
    return sink(piece);
  };
  const open = (container: Json[] | { [field: string]: Json }): Frame | null => {
    const isArray = Array.isArray(container);
    if (!put(isArray ? "[" : "{")) return null;
    return { container, keys: isArray ? null : Object.keys(container), index: 0, wrote: false };
  };
  const first = open(value as Json[] | { [field: string]: Json });
  if (first === null) return;
  const stack: Frame[] = [first];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { container, keys } = frame;
    const length = keys === null ? (container as Json[]).length : keys.length;
    if (frame.index >= length) {
      stack.pop();
      if (!put(keys === null ? "]" : "}")) return;
      continue;
    }
    const i = frame.index++;
    let item: Json | undefined;
    let prefix = frame.wrote ? "," : "";
    if (keys === null) {
      item = (container as Json[])[i];
    } else {
      const key = keys[i]!;
      item = (container as { [field: string]: Json })[key];
      // JSON.stringify leaves out fields whose value is not JSON (undefined, functions).
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      const keyRoom = room - written - prefix.length;
      if (key.length + 2 > keyRoom) {
        // Cut inside the key: what is written is all the sink wants.
        put(prefix + stringText(key, keyRoom));
        return;
      }
      prefix += `${JSON.stringify(key)}:`;
    }
    frame.wrote = true;
    if (prefix !== "" && !put(prefix)) return;
    const text = scalarText(
      typeof item === "function" || typeof item === "symbol" ? undefined : item,
      room - written,
    );
    if (text !== null) {
      if (!put(text)) return;
      continue;
    }
    const inner = open(item as Json[] | { [field: string]: Json });
    if (inner === null) return;
    stack.push(inner);
  }
}

/**
 * The JSON text of `value` when it is at most `max` characters; else its first `max + 1` characters or more (so
 * `text.length > max` tells the caller it was cut). Costs about `max`, however large the value.
 */
export function jsonTextUpTo(value: Json | undefined, max: number): string {
  let text = "";
  writeJson(
    value,
    (piece) => {
      text += piece;
      return text.length <= max;
    },
    max + 1,
  );
  return text;
}
