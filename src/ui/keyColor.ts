/**
 * Record key colours, distinct within a scenario: keys take colours in the scenario's key order — the keys its
 * producers name (explicit records, then generators, in declaration order), then the keys operators derive (in the
 * order their first record version was made) — from a palette of well-separated hues, then from a golden-angle
 * spread of generated hues. The same key has the same colour in partition lanes, the flight overlay, the legend and
 * the side panel. A null key is grey. Colour is never the only cue: a record shows its key as text, and a dot too
 * small for the key shows its initial (`keyInitial`).
 */

import type { Simulation } from "../engine";
import { formatKey, type RecordKey } from "../engine/core";

/**
 * Well-separated mid-tone hues that read on white and take white text (contrast ≥ 4.5:1 for bold labels), ordered
 * so that neighbours in the list differ most (a scenario's first keys get the most distinct colours).
 */
export const KEY_PALETTE = [
  "#1d4ed8", // blue
  "#c2410c", // orange
  "#047857", // green
  "#a21caf", // magenta
  "#b91c1c", // red
  "#0e7490", // cyan
  "#854d0e", // brown
  "#6d28d9", // violet
  "#4d7c0f", // olive
  "#be185d", // pink
  "#334155", // slate
  "#0369a1", // sky
] as const;

export const NULL_KEY_COLOR = "#64748b";

/** Record versions read, at most, to order the keys operators derive (enough for any lesson-sized run). */
const DERIVED_SCAN_LIMIT = 20_000;

export function keyLabel(key: RecordKey): string {
  return formatKey(key);
}

/** The character shown on a key's dot beside its colour: the key's first letter or digit, upper-cased. */
export function keyInitial(label: string): string {
  const match = /[\p{L}\p{N}]/u.exec(label);
  return (match ? match[0] : (label[0] ?? "?")).toUpperCase();
}

/** The colour of the key at place `index` in a scenario's key order. */
export function colorAt(index: number): string {
  if (index < KEY_PALETTE.length) return KEY_PALETTE[index]!;
  // Past the palette: hues a golden angle apart, alternating lightness, dark enough for white text.
  const step = index - KEY_PALETTE.length;
  const hue = Math.round((step * 137.508 + 20) % 360);
  const lightness = step % 2 === 0 ? 32 : 40;
  return `hsl(${hue} 75% ${lightness}%)`;
}

/** A scenario's key colours. */
export interface KeyColors {
  /** The colour of a record key. */
  of(key: RecordKey): string;
  /** The colour of a key given as its label (`keyLabel`, as the trace's key index lists them; "null": no key). */
  ofLabel(label: string): string;
}

/** Colours for keys in the given order (labels, as `keyLabel` writes them); other keys get hashed spread hues. */
export function keyColorsFor(order: Iterable<string>): KeyColors {
  const index = new Map<string, number>();
  for (const label of order) if (label !== "null" && !index.has(label)) index.set(label, index.size);
  const ofLabel = (label: string): string => {
    if (label === "null") return NULL_KEY_COLOR;
    const at = index.get(label);
    // A key outside the scenario's order (derived late in a long run): a spread hue from its text, stable.
    return colorAt(at ?? KEY_PALETTE.length + index.size + (hashOf(label) % 360));
  };
  return { ofLabel, of: (key) => (key === null ? NULL_KEY_COLOR : ofLabel(keyLabel(key))) };
}

/** The keys of a simulation in the order that decides their colours (see the file comment). */
export function scenarioKeyOrder(simulation: Simulation): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const add = (key: RecordKey) => {
    const label = keyLabel(key);
    if (key === null || seen.has(label)) return;
    seen.add(label);
    order.push(label);
  };
  for (const producer of simulation.model.producers) for (const record of producer.records) add(record.key);
  for (const producer of simulation.model.producers)
    for (const weighted of producer.generate?.keys ?? []) add(weighted.key);
  const versions = Math.min(simulation.stats().versions, DERIVED_SCAN_LIMIT);
  for (let id = 0; id < versions; id++) add(simulation.record(id).key);
  return order;
}

const colorsBySimulation = new WeakMap<Simulation, KeyColors>();

/** The key colours of a simulation (computed once per simulation). */
export function keyColorsOf(simulation: Simulation): KeyColors {
  let colors = colorsBySimulation.get(simulation);
  if (!colors) {
    colors = keyColorsFor(scenarioKeyOrder(simulation));
    colorsBySimulation.set(simulation, colors);
  }
  return colors;
}

function hashOf(text: string): number {
  // FNV-1a: a stable spread for keys outside the scenario's order.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
