/**
 * What every time rule in this folder returns: a yes/no verdict with the exact comparison behind it, so the narration
 * can say *why* (e.g. `window [0, 10) ends at 10 ≤ stream time 15 − grace 5 = 10: too late`).
 */

/** Every decision carries a one-line reason that states the comparison with its numbers. */
export interface Reasoned {
  readonly reason: string;
}

/**
 * A millisecond value for a reason: `−∞` for `-Infinity` (our stand-in for Java's `Long.MIN_VALUE`), `+∞` for
 * `Infinity`, and a real minus sign for negative numbers.
 */
export function ms(value: number): string {
  if (value === Number.NEGATIVE_INFINITY) return "−∞";
  if (value === Number.POSITIVE_INFINITY) return "+∞";
  return value < 0 ? `−${-value}` : `${value}`;
}

/**
 * How a window reads in a reason: `window [0, 10)` (or `[0, 10]` when its end is inclusive), or just `window` when the
 * caller gave only the end (the reason states the end anyway).
 */
export function describeWindow(end: number, start?: number, endInclusive = false): string {
  if (start === undefined) return "window";
  return `window [${ms(start)}, ${ms(end)}${endInclusive ? "]" : ")"}`;
}
