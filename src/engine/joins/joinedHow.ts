/**
 * How a join produced an output, as stored in a `recordJoined` step: operand c is
 * `(matched + 1) << 3 | how << 1 | side` (matched -1: no other record).
 */
import type { JoinSide } from "./streamStreamJoin";

export const JoinedHow = {
  /** Joined with `matched`, a record of the other side (or a table row). */
  matched: 0,
  /** A left join's waiting left record whose window closed with no match: emitted with right = null. */
  windowClosed: 1,
  /** A left join's record that can never match (null key, window already closed, no table row): right = null. */
  atOnce: 2,
} as const;
export type JoinedHow = (typeof JoinedHow)[keyof typeof JoinedHow];

export function joinedOperand(matched: number, how: JoinedHow, side: JoinSide): number {
  return ((matched + 1) << 3) | (how << 1) | side;
}

export function decodeJoinedOperand(c: number): { matched: number; how: JoinedHow; side: JoinSide } {
  return { matched: (c >>> 3) - 1, how: ((c >>> 1) & 3) as JoinedHow, side: (c & 1) as JoinSide };
}
