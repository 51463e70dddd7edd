/**
 * The group coordinator as a pure transition, in the style of xstate's `transition`: `apply(state, input)` returns
 * the next state and what happened, and performs nothing. It never changes the state it is given.
 *
 * Every input first lets time pass up to its `atMs`: sessions expire at exactly `lastHeartbeat +
 * session.timeout.ms`, in time order, and an input at that very instant sees the member already removed.
 *
 * Example (`range`, `orders` with 2 partitions):
 * ```ts
 * let s = createCoordinator({ groupId: "g", assignor: "range", partitionsPerTopic: { orders: 2 } });
 * ({ state: s } = apply(s, { kind: "join", atMs: 0, memberId: "a", groupInstanceId: null, topics: ["orders"] }));
 * ({ state: s } = apply(s, { kind: "join", atMs: 100, memberId: "b", groupInstanceId: null, topics: ["orders"] }));
 * currentAssignment(s); // { a: [orders-0], b: [orders-1] }, generation 2
 * let events: CoordinatorEvent[];
 * ({ state: s, events } = apply(s, { kind: "crash", atMs: 7000, memberId: "b" }));
 * // events: memberCrashed, heartbeatsStopped (b's last heartbeat was at 6100: generation 2 completed at 100 and
 * // it heartbeats every 3000 from then on)
 * nextDeadline(s); // 51100: b's session expires; advanceTo(51100) rebalances and gives orders-1 to a
 * ```
 */
import type { CoordinatorEvent } from "./coordinatorEvent";
import type { CoordinatorInput } from "./coordinatorInput";
import type { CoordinatorState } from "./coordinatorState";
import { cloneState } from "./coordinatorState";
import { crash, join, joinAll, leave, restart } from "./membershipChanges";
import { expireSessions } from "./sessions";

export interface CoordinatorTransition {
  state: CoordinatorState;
  events: CoordinatorEvent[];
}

/** Applies one input. Throws a `RangeError` if time would go backwards. */
export function apply(state: CoordinatorState, input: CoordinatorInput): CoordinatorTransition {
  if (!Number.isInteger(input.atMs) || input.atMs < state.nowMs) {
    throw new RangeError(
      `input ${input.kind} at ${input.atMs} ms: time is at ${state.nowMs} ms and only moves on`,
    );
  }
  const draft = cloneState(state);
  const events: CoordinatorEvent[] = [];
  expireSessions(draft, input.atMs, events);
  draft.nowMs = input.atMs;
  switch (input.kind) {
    case "join":
      join(draft, input, events);
      break;
    case "joinAll":
      joinAll(draft, input, events);
      break;
    case "leave":
      leave(draft, input, events);
      break;
    case "crash":
      crash(draft, input, events);
      break;
    case "restart":
      restart(draft, input, events);
      break;
    case "advanceTo":
      break;
    default: {
      const unknown: never = input;
      throw new RangeError(`unknown coordinator input ${JSON.stringify(unknown)}`);
    }
  }
  return { state: draft, events };
}
