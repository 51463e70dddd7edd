/**
 * An instance's poll (Kafka `KafkaConsumer#poll`, then `StreamThread#runOnce`'s processing): it fetches at most
 * `max.poll.records` records from its tasks' partitions, in task and partition order, notes each partition's lag
 * (what `max.task.idle.ms` reads), lets each task process what it has, polls again at once if the budget ran out,
 * and makes sure a commit is due at the next multiple of `commit.interval.ms`.
 */
import type { SimulationModel } from "../model";
import { type ClusterState, nextMultiple } from "./clusterState";
import { AgendaKind } from "./eventQueue";
import type { TaskProcessing } from "./processTask";
import type { TaskTimes } from "./taskTimes";

export class InstancePolls {
  private readonly maxPollRecords: number;
  private readonly commitIntervalMs: number;

  constructor(
    model: SimulationModel,
    private readonly cluster: ClusterState,
    private readonly times: TaskTimes,
    private readonly processing: TaskProcessing,
  ) {
    this.maxPollRecords = model.app.maxPollRecords;
    this.commitIntervalMs = model.app.commitIntervalMs;
  }

  poll(instance: number): void {
    const cluster = this.cluster;
    const { position, processedUpTo, logs, recorder, refetchedIds, pollScheduled, commitScheduled, agenda } =
      cluster;
    const fetchedLag = this.times.fetchedLag;
    const tpCount = cluster.tps.length;
    pollScheduled[instance] = 0;
    if (!cluster.running[instance]) return;
    const tasks = cluster.ownership.byInstance[instance]!;
    let budget = this.maxPollRecords;
    let more = false;
    for (const task of tasks) {
      for (const tp of cluster.taskTps[task]!) {
        const log = logs[tp]!;
        while (position[tp]! < log.endOffset) {
          if (budget === 0) {
            more = true;
            break;
          }
          const offset = position[tp]!;
          if (offset < processedUpTo[tp]!) {
            refetchedIds.set(
              offset * tpCount + tp,
              recorder.refetched(log.idAt(offset), tp, offset, instance),
            );
          } else {
            recorder.fetched(log.idAt(offset), tp, offset, instance);
          }
          position[tp] = offset + 1;
          budget--;
        }
        fetchedLag[tp] = log.endOffset - position[tp]!;
      }
    }
    for (const task of tasks) this.processing.processTask(task);
    if (more && !pollScheduled[instance]) {
      pollScheduled[instance] = 1;
      agenda.schedule(cluster.now, AgendaKind.poll, instance);
    }
    if (!commitScheduled[instance]) {
      commitScheduled[instance] = 1;
      agenda.schedule(nextMultiple(cluster.now + 1, this.commitIntervalMs), AgendaKind.commit, instance);
    }
  }
}
