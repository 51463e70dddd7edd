/**
 * The consumer group coordinator (Kafka classic group protocol) as a pure state machine: `createCoordinator`,
 * `apply(state, input) → { state, events }`, `nextDeadline` for the run loop, accessors, and the narration.
 */
export type { CoordinatorTransition } from "./apply";
export { apply } from "./apply";
export type { CoordinatorConfig, ResolvedCoordinatorConfig } from "./coordinatorConfig";
export {
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  DEFAULT_REBALANCE_TIMEOUT_MS,
  DEFAULT_SESSION_TIMEOUT_MS,
  resolveCoordinatorConfig,
} from "./coordinatorConfig";
export type {
  AbsentMember,
  CoordinatorEvent,
  CoordinatorEventKind,
  GenerationMember,
  RebalanceEffect,
  RebalanceReason,
} from "./coordinatorEvent";
export type { CoordinatorInput, CoordinatorInputKind } from "./coordinatorInput";
export type { CoordinatorState, InstanceState, MemberState, PendingRebalance } from "./coordinatorState";
export { createCoordinator, currentAssignment, memberIdOf, nextDeadline, ownerOf } from "./coordinatorState";
