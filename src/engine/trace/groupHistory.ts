/**
 * The consumer group's history, read off the trace: every completed generation with its members, what each owns,
 * what moved and why, and every crash, stop and restart. For `run --json` and the cluster panel.
 */
import type { TopicPartition } from "../groups/assignor";
import type { GroupStepPayload } from "../runtime/groupDriver";
import { StepKind, type TraceLog } from "./traceLog";

export interface GenerationSummary {
  generation: number;
  /** Step index of its `generationCompleted`, and its wall-clock time. */
  step: number;
  atMs: number;
  assignor: string;
  protocol: string;
  reason: string;
  triggeredBy: string | null;
  /** Every member and the tasks it owns in this generation. */
  members: { memberId: string; instance: string; running: boolean; tasks: string[] }[];
  /** Per member: tasks it gave up in this rebalance. */
  revoked: Record<string, string[]>;
  /** Per member: tasks newly assigned. */
  assigned: Record<string, string[]>;
}

export interface LifecycleEvent {
  step: number;
  atMs: number;
  instance: string;
  kind: "joined" | "crashed" | "left" | "restarted" | "sessionExpired";
  memberId: string;
}

export interface GroupHistory {
  mode: "group" | "static";
  generations: GenerationSummary[];
  lifecycle: LifecycleEvent[];
}

export function groupHistory(trace: TraceLog): GroupHistory {
  const taskId = (u: TopicPartition) => `${u.topic}_${u.partition}`;
  const ids = (units: readonly TopicPartition[]) => units.map(taskId);
  const byMember = (record: Record<string, readonly TopicPartition[]>) =>
    Object.fromEntries(Object.entries(record).map(([member, units]) => [member, ids(units)]));
  const history: GroupHistory = { mode: "group", generations: [], lifecycle: [] };
  for (let step = 0; step < trace.length; step++) {
    if (trace.kinds[step] !== StepKind.groupChanged) continue;
    const { mode, event } = trace.extras[trace.c[step]!] as GroupStepPayload;
    history.mode = mode;
    const atMs = trace.timeOf(step);
    const life = (kind: LifecycleEvent["kind"], instance: string, memberId: string) =>
      history.lifecycle.push({ step, atMs, instance, kind, memberId });
    switch (event.kind) {
      case "generationCompleted":
        history.generations.push({
          generation: event.generation,
          step,
          atMs,
          assignor: event.assignor,
          protocol: event.protocol,
          reason: event.reason,
          triggeredBy: event.triggeredBy,
          members: event.members.map((m) => ({
            memberId: m.memberId,
            instance: m.instance,
            running: m.running,
            tasks: ids(m.partitions),
          })),
          revoked: byMember(event.revoked),
          assigned: byMember(event.assigned),
        });
        break;
      case "memberJoined":
        life("joined", event.instance, event.memberId);
        break;
      case "memberCrashed":
        life("crashed", event.instance, event.memberId);
        break;
      case "memberLeft":
        life("left", event.instance, event.memberId);
        break;
      case "memberRestarted":
        life("restarted", event.instance, event.memberId);
        break;
      case "sessionExpired":
        life("sessionExpired", event.instance, event.memberId);
        break;
      case "partitionsAssigned":
        if (mode === "static") life(atMs === 0 ? "joined" : "restarted", event.instance, event.memberId);
        break;
      default:
        break;
    }
  }
  return history;
}
