/**
 * Test support for the coordinator tests: terse inputs, runs of many inputs, and printed assignments.
 */
import { formatTopicPartition } from "../topicPartition";
import { apply } from "./apply";
import type { CoordinatorConfig } from "./coordinatorConfig";
import type { CoordinatorEvent, CoordinatorEventKind } from "./coordinatorEvent";
import type { CoordinatorInput } from "./coordinatorInput";
import type { CoordinatorState } from "./coordinatorState";
import { createCoordinator, currentAssignment } from "./coordinatorState";

export const joinDynamic = (
  atMs: number,
  memberId: string,
  topics: string[] = ["orders"],
): CoordinatorInput => ({
  kind: "join",
  atMs,
  memberId,
  groupInstanceId: null,
  topics,
});

export const joinStatic = (
  atMs: number,
  memberId: string,
  groupInstanceId: string,
  topics: string[] = ["orders"],
): CoordinatorInput => ({ kind: "join", atMs, memberId, groupInstanceId, topics });

export const leave = (atMs: number, memberId: string): CoordinatorInput => ({
  kind: "leave",
  atMs,
  memberId,
});
export const crash = (atMs: number, memberId: string): CoordinatorInput => ({
  kind: "crash",
  atMs,
  memberId,
});
export const restart = (atMs: number, memberId: string): CoordinatorInput => ({
  kind: "restart",
  atMs,
  memberId,
});
export const advanceTo = (atMs: number): CoordinatorInput => ({ kind: "advanceTo", atMs });

/** A run: the state after each input, and every event in order. */
export interface Run {
  state: CoordinatorState;
  events: CoordinatorEvent[];
}

/** Applies `inputs` one after the other, from `from` or a new coordinator with `config`. */
export function run(from: CoordinatorConfig | CoordinatorState, inputs: readonly CoordinatorInput[]): Run {
  let state = "members" in from ? from : createCoordinator(from);
  const events: CoordinatorEvent[] = [];
  for (const input of inputs) {
    const next = apply(state, input);
    state = next.state;
    events.push(...next.events);
  }
  return { state, events };
}

/** `currentAssignment` as printed partitions, e.g. `{ a: ["orders-0"] }`. */
export function printedAssignment(state: CoordinatorState): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(currentAssignment(state)).map(([id, partitions]) => [
      id,
      partitions.map(formatTopicPartition),
    ]),
  );
}

export function kinds(events: readonly CoordinatorEvent[]): CoordinatorEventKind[] {
  return events.map((e) => e.kind);
}

/** The events of one kind, typed. */
export function ofKind<K extends CoordinatorEventKind>(
  events: readonly CoordinatorEvent[],
  kind: K,
): (CoordinatorEvent & { kind: K })[] {
  return events.filter((e): e is CoordinatorEvent & { kind: K } => e.kind === kind);
}

/** A printed partition list. */
export function names(partitions: readonly { topic: string; partition: number }[]): string[] {
  return partitions.map(formatTopicPartition);
}
