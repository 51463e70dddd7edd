/**
 * Short, stable text for keys, values and times in narration and CLI output.
 */
import type { Json, RecordKey } from "../model";
import { jsonTextUpTo } from "../values/jsonWriter";

const MAX_TEXT = 60;

/**
 * JSON text of a value, cut to a readable length. Only the beginning is ever written, so a large value costs no more
 * than a small one.
 */
export function formatJson(value: Json | undefined, maxChars = MAX_TEXT): string {
  const text = jsonTextUpTo(value, maxChars);
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** A key as narrated: `alice` for simple string keys, JSON otherwise, `null` for a null key. */
export function formatKey(key: RecordKey): string {
  if (typeof key === "string" && /^[\w.@:-]{1,40}$/.test(key)) return key;
  return formatJson(key);
}

/** `k=alice v={"page":"/"} ts=1000` */
export function formatRecord(key: RecordKey, value: Json, timestamp: number): string {
  return `k=${formatKey(key)} v=${formatJson(value)} ts=${formatTime(timestamp)}`;
}

/** A time in milliseconds, printed as the plain integer the scenario uses. */
export function formatTime(ms: number): string {
  return `${ms}`;
}
