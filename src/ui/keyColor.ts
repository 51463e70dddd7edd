/**
 * A stable colour per record key: the key's text hashed (FNV-1a) into a palette of distinguishable hues, the same
 * in partition lanes, the flight overlay and the side panel. A null key is grey. Colour is never the only cue:
 * every record also shows its key as text.
 */
import { formatKey, type RecordKey } from "../engine/core";

/** Mid-tone hues that read on white and take white text (contrast ≥ 4.5:1 for bold labels). */
const PALETTE = [
  "#2563eb", // blue
  "#c2410c", // orange
  "#047857", // green
  "#9333ea", // purple
  "#be123c", // rose
  "#0e7490", // cyan
  "#a16207", // amber
  "#4d7c0f", // lime
  "#c026d3", // fuchsia
  "#4338ca", // indigo
] as const;

export const NULL_KEY_COLOR = "#64748b";

export function keyLabel(key: RecordKey): string {
  return formatKey(key);
}

export function keyColor(key: RecordKey): string {
  if (key === null) return NULL_KEY_COLOR;
  return labelColor(keyLabel(key));
}

/** The colour of a key given as its label (`keyLabel`, as the trace's key index lists them; "null": no key). */
export function keyLabelColor(label: string): string {
  return label === "null" ? NULL_KEY_COLOR : labelColor(label);
}

function labelColor(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length]!;
}
