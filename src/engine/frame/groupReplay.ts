/**
 * Task ownership and instance liveness in the frame state, replayed from the group's events: the same rules as the
 * run loop (`runCluster`), without the offsets.
 */
import type { TopicPartition } from "../groups/assignor";
import type { CoordinatorEvent } from "../groups/coordinator";
import type { FrameState } from "./frameState";

/** Ownership and liveness after a group step: the same rules as the run loop (`runCluster`), without the offsets. */
export function applyGroupStep(
  state: FrameState,
  instance: number,
  event: CoordinatorEvent,
  taskIndex: ReadonlyMap<string, number>,
): void {
  const tasks = (units: readonly TopicPartition[]) =>
    units.flatMap((u) => taskIndex.get(`${u.topic}_${u.partition}`) ?? []);
  const release = (units: readonly TopicPartition[]) => {
    for (const t of tasks(units)) if (state.ownerOfTask[t] === instance) state.ownerOfTask[t] = -1;
  };
  if ("memberId" in event && instance >= 0 && event.kind !== "inputIgnored") {
    state.memberIds[instance] = event.memberId;
  }
  switch (event.kind) {
    case "memberJoined":
    case "memberRestarted":
    case "staticMemberRejoined":
      state.running[instance] = 1;
      break;
    case "memberCrashed":
      state.running[instance] = 0;
      break;
    case "memberLeft":
      state.running[instance] = 0;
      if (event.leaveGroupSent) release(event.partitions);
      break;
    case "sessionExpired":
    case "partitionsRevoked":
      release(event.partitions);
      break;
    case "partitionsAssigned":
      if (event.running) state.running[instance] = 1;
      for (const t of tasks(event.partitions)) state.ownerOfTask[t] = instance;
      break;
    case "generationCompleted":
      state.generation = event.generation;
      break;
    case "heartbeatsStopped":
    case "rebalanceStarted":
    case "inputIgnored":
      break;
    default: {
      const unknown: never = event;
      throw new Error(`unknown group event ${JSON.stringify(unknown)}`);
    }
  }
}
