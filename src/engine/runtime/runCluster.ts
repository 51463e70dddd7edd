/**
 * The cluster-side run loop shared by the fast and the recording paths: producers send, the broker appends,
 * application instances poll their tasks' partitions, process the fetched records through the compiled topology
 * and commit their positions. Everything happens on one virtual wall clock, in the agenda's total order
 * (`eventQueue.ts`).
 *
 * The loop only dispatches; each part lives in its own file, over the run's state (`clusterState.ts`,
 * `taskTimes.ts`): producers and their send schedule (`producers.ts`); an instance's poll (`pollInstance.ts`);
 * which record a task processes next (`nextRecord.ts`) and processing it (`processTask.ts`); commits
 * (`commits.ts`); the group's joins, leaves, crashes and rebalances (`groupEvents.ts`) and what they do to a task
 * (`taskHandover.ts`); Flink's watermarks (`watermarkEmission.ts`). Like Kafka's `StreamThread#runOnce`:
 * poll → process → punctuate → commit, each a call.
 */
import type { SimulationModel } from "../model";
import { DEFAULT_TIME } from "../timeModel";
import type { TopologyGraph } from "../topology/topologyGraph";
import { ClusterState } from "./clusterState";
import { Commits } from "./commits";
import { AgendaKind } from "./eventQueue";
import { GroupEvents } from "./groupEvents";
import { NextRecord } from "./nextRecord";
import { InstancePolls } from "./pollInstance";
import { TaskProcessing } from "./processTask";
import { Producers } from "./producers";
import type { ClusterRun, RunHooks } from "./runHooks";
import { SimulationError } from "./simulationError";
import { TaskHandover } from "./taskHandover";
import { TaskTimes } from "./taskTimes";
import { WatermarkEmission } from "./watermarkEmission";
import { WindowStores } from "./windowStores";
import { wireTopology } from "./wireTopology";

export { PROGRESS_EVERY_RECORDS } from "./producers";
export type { ClusterRun, RunHooks } from "./runHooks";

export function runCluster(model: SimulationModel, graph: TopologyGraph, hooks: RunHooks): ClusterRun {
  const cluster = new ClusterState(model, graph, hooks.recorder, (n) => hooks.createLog(n));
  const times = new TaskTimes(model, cluster.tps.length, graph.tasks.length);
  const semantics = (model.app.time ?? DEFAULT_TIME).semantics;
  const flink = semantics === "flink" ? hooks.flinkWatermarks : null;
  if (semantics === "flink" && flink === null) {
    throw new SimulationError(
      "app.time.semantics: Flink's watermark code is still loading; open the scenario again",
    );
  }
  const stores = new WindowStores(graph.tasks.length);
  const { env, processors, sourceOfTp } = wireTopology(model, graph, cluster, stores, hooks);
  const producers = new Producers(model, graph, cluster, hooks);
  producers.start();
  const watermarks = new WatermarkEmission(model, graph, cluster, times, flink, stores, env, sourceOfTp);
  const next = new NextRecord(cluster, times);
  const processing = new TaskProcessing(cluster, times, next, watermarks, env, processors, sourceOfTp);
  const polls = new InstancePolls(model, cluster, times, processing);
  const commits = new Commits(cluster, times, stores);
  const handover = new TaskHandover(cluster, times, stores, watermarks, env);
  const group = new GroupEvents(model, graph, cluster, handover, commits);
  group.scheduleFaults();
  watermarks.start();

  const { agenda, recorder } = cluster;
  recorder.at(0);
  group.start();
  for (let item = agenda.pop(); item !== undefined; item = agenda.pop()) {
    const { kind, subject, payload, timeMs } = item;
    agenda.release(item);
    cluster.now = timeMs;
    recorder.at(timeMs);
    switch (kind) {
      case AgendaKind.send:
        producers.sendRun(subject);
        break;
      case AgendaKind.arrive:
        producers.arrive(payload);
        break;
      case AgendaKind.poll:
        polls.poll(subject);
        break;
      case AgendaKind.commit:
        commits.commit(subject);
        break;
      case AgendaKind.taskIdle:
        processing.idleDeadlinePassed(subject);
        break;
      case AgendaKind.watermarkEmit:
        watermarks.emit();
        break;
      case AgendaKind.fault:
        group.input(subject);
        break;
      case AgendaKind.groupDeadline:
        group.deadlineReached(timeMs);
        break;
      default: {
        const unknown: never = kind;
        throw new Error(`unknown agenda kind ${unknown}`);
      }
    }
    hooks.checkLimits();
  }

  const assignment = cluster.ownership.byInstance.map((tasks) => tasks.map((t) => graph.tasks[t]!.id));
  return {
    logs: cluster.logs,
    assignment,
    recordsProduced: producers.recordsProduced,
    committed: Array.from(cluster.committed),
  };
}
