/**
 * Which record a task processes next (Kafka Streams `PartitionGroup#nextRecord`): among its partitions with a
 * buffered record, the head that ranks first under the scenario's scheduler (`recordScheduler.ts`); a task with an
 * empty partition first asks `readyToProcess` whether it may go on without it (`max.task.idle.ms`). Within one
 * partition records are never reordered.
 */

import type { ClusterState } from "./clusterState";
import { AgendaKind } from "./eventQueue";
import type { ScheduleDecision } from "./recordScheduler";
import type { TaskTimes } from "./taskTimes";

/** The partitions a task processes around, and whether an idle deadline had to pass for it. */
export interface Readiness {
  empty: number[];
  enforced: boolean;
}

export class NextRecord {
  /** The extracted timestamp of the head record {@link choose} returned. */
  chosenTs = 0;

  constructor(
    private readonly cluster: ClusterState,
    private readonly times: TaskTimes,
  ) {}

  /**
   * The extracted timestamp of the partition's head record, skipping records whose timestamp is unusable
   * (`RecordQueue#updateHead`); NaN when nothing is buffered.
   */
  headOf(tp: number): number {
    const { consumed, position, logs, context, recorder } = this.cluster;
    const times = this.times;
    while (consumed[tp]! < position[tp]!) {
      const offset = consumed[tp]!;
      if (times.headOffset[tp] === offset) return times.headTs[tp]!;
      let ts: number | string;
      if (times.eventTime) {
        // The common case, without the record context: the producer's timestamp, if usable.
        ts = logs[tp]!.timestampAt(offset);
        if (!Number.isSafeInteger(ts) || ts < 0) {
          this.cluster.setContext(tp, offset);
          ts = times.extract(context, 0, this.cluster.now);
        }
      } else {
        this.cluster.setContext(tp, offset);
        ts = times.extract(context, logs[tp]!.appendTimeAt(offset), this.cluster.now);
      }
      if (typeof ts === "number") {
        times.headOffset[tp] = offset;
        times.headTs[tp] = ts;
        return ts;
      }
      consumed[tp] = offset + 1;
      recorder.skipped(this.cluster.takeId(tp, offset), tp, this.cluster.ownership.ofTp[tp]!, ts);
    }
    return Number.NaN;
  }

  /**
   * `PartitionGroup#readyToProcess`: with a partition of the task empty, the task waits while the last fetch said the
   * broker has data for it; with zero lag it waits until `max.task.idle.ms` after it first found it empty (0: not at
   * all); -1 never waits. Returns the partitions processed around, or null when the task must wait.
   */
  readyToProcess(task: number, own: readonly number[]): Readiness | null {
    const { idleDeadline, fetchedLag, idleWakeScheduled, maxTaskIdleMs } = this.times;
    const { recorder, now } = this.cluster;
    const empty: number[] = [];
    for (const tp of own) if (Number.isNaN(this.headOf(tp))) empty.push(tp);
    // Nothing to process at all: no partition holds anything back yet.
    if (empty.length === own.length) return null;
    let enforced = false;
    for (const tp of own) {
      if (!empty.includes(tp)) {
        idleDeadline[tp] = Number.NaN;
        continue;
      }
      if (maxTaskIdleMs < 0) continue;
      if (fetchedLag[tp]! !== 0) {
        // Unknown lag, or data on the broker not fetched yet: wait for the fetch.
        idleDeadline[tp] = Number.NaN;
        recorder.idled(task, tp, -1);
        return null;
      }
      if (Number.isNaN(idleDeadline[tp]!)) idleDeadline[tp] = now + maxTaskIdleMs;
      const deadline = idleDeadline[tp]!;
      if (now < deadline) {
        if (idleWakeScheduled[task] !== deadline) {
          idleWakeScheduled[task] = deadline;
          recorder.idled(task, tp, deadline);
          this.cluster.agenda.schedule(deadline, AgendaKind.taskIdle, task);
        }
        return null;
      }
      enforced = true;
    }
    return { empty, enforced };
  }

  /**
   * The topic-partition whose head record `task` processes next, or -1 when it has nothing it may process now.
   * The head's extracted timestamp is left in {@link chosenTs}.
   */
  choose(task: number): number {
    const own = this.cluster.taskTps[task]!;
    if (own.length === 1) {
      const tp = own[0]!;
      const ts = this.headOf(tp);
      if (Number.isNaN(ts)) return -1;
      this.chosenTs = ts;
      return tp;
    }
    const ready = this.readyToProcess(task, own);
    if (ready === null) return -1;
    const { recorder, consumed, logs, context } = this.cluster;
    const times = this.times;
    const decision: ScheduleDecision | null = recorder.detailed
      ? {
          rule: times.spec.scheduler.kind,
          candidates: [],
          chosen: -1,
          empty: ready.empty,
          maxTaskIdleMs: times.maxTaskIdleMs,
          enforced: ready.enforced,
        }
      : null;
    let best = -1;
    let bestRank = Number.POSITIVE_INFINITY;
    let bestTs = 0;
    for (let slot = 0; slot < own.length; slot++) {
      const tp = own[slot]!;
      const ts = this.headOf(tp);
      if (Number.isNaN(ts)) continue;
      const offset = consumed[tp]!;
      this.cluster.setContext(tp, offset);
      const r = times.rank(
        ts,
        logs[tp]!.appendTimeAt(offset),
        context,
        slot,
        times.rotation[task]!,
        own.length,
      );
      decision?.candidates.push({ tp, rank: r });
      if (best < 0 || r < bestRank) {
        best = tp;
        bestRank = r;
        bestTs = ts;
      }
    }
    times.rotation[task] = (own.indexOf(best) + 1) % own.length;
    if (decision !== null) {
      decision.chosen = best;
      recorder.chose(task, decision);
    }
    this.chosenTs = bestTs;
    return best;
  }
}
