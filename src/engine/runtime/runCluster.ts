/**
 * The cluster-side run loop shared by the fast and the recording paths: producers send, the broker appends,
 * application instances poll their tasks' partitions, process the fetched records through the compiled topology
 * and commit their positions. Everything happens on one virtual wall clock, in the agenda's total order.
 *
 * Consumer model (Kafka): an instance polls at multiples of `pollIntervalMs` once it has records to fetch,
 * fetching at most `max.poll.records`; a task then processes its fetched records, always taking the head record of
 * the partition whose head has the smallest timestamp (Kafka Streams `PartitionGroup#nextRecord`); positions are
 * committed every `commit.interval.ms`.
 */
import type { PartitionLog } from "../broker/partitionLog";
import type { TopicPartition } from "../groups/assignor";
import type { CoordinatorEvent } from "../groups/coordinator";
import { TaskStateRegistry } from "../joins/taskStateRegistry";
import type {
  DisconnectWindow,
  InstanceFault,
  Json,
  RecordContext,
  RecordKey,
  SimulationModel,
  WallClockMs,
} from "../model";
import type { Placement } from "../partitioning/placement";
import { ProducerCursor } from "../producer/producerCursor";
import { totalRecords } from "../producer/totalRecords";
import type { SeededRandom } from "../random/seededRandom";
import type { OperatorEnv, Processor } from "../topology/operatorEnv";
import { type TopologyGraph, topicsReadBy } from "../topology/topologyGraph";
import { Agenda, AgendaKind } from "./eventQueue";
import { createGroupDriver, instanceMemberName, taskIndexOfUnit } from "./groupDriver";
import type { RunRecorder } from "./runRecorder";
import { SimulationError } from "./simulationError";

export interface ClusterRun {
  logs: PartitionLog[];
  /** Per instance index: the task ids it runs at the end. */
  assignment: string[][];
  recordsProduced: number;
  /** Per topic-partition: the committed offset at the end. */
  committed: number[];
}

export interface RunHooks {
  recorder: RunRecorder;
  /** Compiles the topology; returns one processor per node index. */
  compile(env: OperatorEnv): Processor[];
  /** Builds a producer's (or sink's) partitioner. */
  placement(
    spec: SimulationModel["producers"][number]["partitioner"],
    partitions: number,
    label: string,
    batchSizeBytes?: number,
  ): Placement;
  random(label: string): SeededRandom;
  /** A new, empty partition log in the path's layout. */
  /** A new, empty partition log in the path's layout; `expectedRecords` is a sizing hint. */
  createLog(expectedRecords: number): PartitionLog;
  /** Checked after every agenda item; throws to stop a runaway run. */
  checkLimits(): void;
  /** Told after every {@link PROGRESS_EVERY_RECORDS} records sent: records sent so far, and in all. */
  onProgress?: (recordsProduced: number, totalRecords: number) => void;
}

/** How often {@link RunHooks.onProgress} is told, in records sent (a power of two). */
export const PROGRESS_EVERY_RECORDS = 1024;

interface InFlight {
  producer: number;
  key: RecordKey;
  value: Json;
  timestamp: number;
  tp: number;
  id: number;
}

function disconnectedAt(windows: DisconnectWindow[], now: WallClockMs): DisconnectWindow | undefined {
  for (const w of windows) if (w.fromMs <= now && now < w.toMs) return w;
  return undefined;
}

function nextMultiple(timeMs: WallClockMs, interval: number): WallClockMs {
  return Math.ceil(timeMs / interval) * interval;
}

export function runCluster(model: SimulationModel, graph: TopologyGraph, hooks: RunHooks): ClusterRun {
  const { recorder } = hooks;
  const { app } = model;
  const tps = graph.topicPartitions;
  // Sizing hint: every record could land in any one topic, spread over its partitions.
  const records = totalRecords(model);
  const logs = tps.map((tp) =>
    hooks.createLog(Math.ceil((1.25 * records) / model.topics[tp.topicIndex]!.partitions)),
  );
  const agenda = new Agenda();
  let now = 0;
  let appends = 0;

  // Who runs which task changes over time (joins, crashes, rebalances): see `groupDriver.ts`.
  const instanceCount = app.instances;
  const taskCount = graph.tasks.length;
  const taskTps: number[][] = graph.tasks.map((t) => t.topicPartitions);
  const taskOfTp = new Int32Array(tps.length).fill(-1);
  taskTps.forEach((own, task) => {
    for (const tp of own) taskOfTp[tp] = task;
  });
  const ownerOfTask = new Int32Array(taskCount).fill(-1);
  const ownerOfTp = new Int32Array(tps.length).fill(-1);
  const instanceTasks: number[][] = Array.from({ length: instanceCount }, () => []);
  const running = new Uint8Array(instanceCount);
  const position = new Float64Array(tps.length);
  const consumed = new Float64Array(tps.length);
  const committed = new Float64Array(tps.length);
  /** Per topic-partition: the highest offset ever processed + 1; below it, processing is reprocessing. */
  const processedUpTo = new Float64Array(tps.length);
  /** Ids under which refetched records are reprocessed, by `offset * tps.length + tp`. */
  const refetchedIds = new Map<number, number>();
  const pollScheduled = new Uint8Array(instanceCount);
  const commitScheduled = new Uint8Array(instanceCount);

  // Source node per topic-partition: a source or a table; a repartition topic's reader is an ordinary source.
  const sourceOfTp = new Int32Array(tps.length).fill(-1);
  for (const node of model.app.topology) {
    const index = graph.nodes.find((n) => n.id === node.id)!.index;
    for (const topic of topicsReadBy(node)) {
      const first = graph.firstTopicPartition[topic]!;
      const count = model.topics.find((t) => t.name === topic)!.partitions;
      for (let p = 0; p < count; p++) sourceOfTp[first + p] = index;
    }
  }

  const notify = (tp: number) => {
    const owner = ownerOfTp[tp]!;
    if (owner < 0 || !running[owner] || pollScheduled[owner]) return;
    pollScheduled[owner] = 1;
    agenda.schedule(nextMultiple(now, app.pollIntervalMs), AgendaKind.poll, owner);
  };

  const appendTo = (tp: number, key: RecordKey, value: Json, timestamp: number, id: number): number => {
    appends++;
    if (appends > model.limits.maxSteps) {
      throw new SimulationError(
        `stopped after ${model.limits.maxSteps} appends (limits.maxSteps): does a sink feed a topic that loops back?`,
      );
    }
    const offset = logs[tp]!.append(key, value, timestamp, now, id);
    recorder.appended(id, tp, offset);
    notify(tp);
    return offset;
  };

  const context: RecordContext = { key: null, value: null, timestamp: 0, partition: 0, offset: 0, topic: "" };
  const sinkPlacements = new Map<number, Placement>();
  for (const node of model.app.topology) {
    if (node.op !== "sink" && node.op !== "repartition") continue;
    const index = graph.nodes.find((n) => n.id === node.id)!.index;
    const partitions = model.topics.find((t) => t.name === node.topic)!.partitions;
    // Kafka Streams writes repartition topics with the default partitioner: murmur2 of the new key.
    const partitioner = node.op === "sink" ? node.partitioner : { kind: "default" as const };
    sinkPlacements.set(index, hooks.placement(partitioner, partitions, `sink:${node.id}/partitioner`));
  }
  const env: OperatorEnv = {
    context,
    nodeIndex: (id) => graph.nodes.find((n) => n.id === id)!.index,
    wallClockMs: () => now,
    taskState: new TaskStateRegistry(),
    sinkPlacement: (node) => sinkPlacements.get(node)!,
    sinkAppend: (topic, partition, key, value, timestamp, id) =>
      appendTo(graph.firstTopicPartition[topic]! + partition, key, value, timestamp, id),
  };
  const processors = hooks.compile(env);

  // Producers.
  const cursors = model.producers.map((p) => new ProducerCursor(p, hooks.random(`producer:${p.id}`)));
  const placements = model.producers.map((p) => {
    const partitions = model.topics.find((t) => t.name === p.topic)!.partitions;
    return hooks.placement(p.partitioner, partitions, `producer:${p.id}/partitioner`, p.batchSizeBytes);
  });
  const producerFirstTp = model.producers.map((p) => graph.firstTopicPartition[p.topic]!);
  const inFlight: (InFlight | undefined)[] = [];
  const freeSlots: number[] = [];
  let recordsProduced = 0;
  let pendingArrivals = 0;
  const { onProgress } = hooks;
  const recordCount = totalRecords(model);
  cursors.forEach((cursor, p) => {
    const at = cursor.peekTime();
    if (at !== undefined) agenda.schedule(at, AgendaKind.send, p);
  });

  const send = (p: number) => {
    const producer = model.producers[p]!;
    const cursor = cursors[p]!;
    let record: ReturnType<ProducerCursor["next"]>;
    try {
      record = cursor.next();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SimulationError(`producer "${producer.id}" could not generate a value: ${reason}`);
    }
    recordsProduced++;
    if (onProgress && (recordsProduced & (PROGRESS_EVERY_RECORDS - 1)) === 0) {
      onProgress(recordsProduced, recordCount);
    }
    let placement: number;
    try {
      placement = placements[p]!(record.key, record.value, record.partition);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SimulationError(
        `producer "${producer.id}" could not place a record sent at ${now} ms: ${reason}`,
      );
    }
    const id = recorder.produced(p, record.key, record.value, record.timestamp, placement);
    const window =
      producer.disconnected.length === 0 ? undefined : disconnectedAt(producer.disconnected, now);
    const leaveAt = window ? window.toMs : now;
    if (window) recorder.buffered(id, p, window.toMs);
    const tp = producerFirstTp[p]! + (placement >> 2);
    if (!window && producer.delayMs === 0 && pendingArrivals === 0) {
      // Arriving now, with nothing else on the network: the same order the agenda would give, without the detour.
      appendTo(tp, record.key, record.value, record.timestamp, id);
    } else {
      const slot = freeSlots.pop() ?? inFlight.length;
      inFlight[slot] = {
        producer: p,
        key: record.key,
        value: record.value,
        timestamp: record.timestamp,
        tp,
        id,
      };
      agenda.schedule(leaveAt + producer.delayMs, AgendaKind.arrive, p, slot);
      pendingArrivals++;
    }
  };

  /**
   * Sends the producer's records in order. While its next record would also be the agenda's next item, it is
   * sent right away instead of going through the agenda: the same order, without a heap operation per record.
   */
  const sendRun = (p: number) => {
    const cursor = cursors[p]!;
    send(p);
    for (let next = cursor.peekTime(); next !== undefined; next = cursor.peekTime()) {
      const head = agenda.peek();
      const first =
        head === undefined || next < head.timeMs || (next === head.timeMs && head.kind > AgendaKind.send);
      if (!first) {
        agenda.schedule(next, AgendaKind.send, p);
        return;
      }
      now = next;
      recorder.at(now);
      send(p);
      hooks.checkLimits();
    }
  };
  const arrive = (slot: number) => {
    const r = inFlight[slot]!;
    inFlight[slot] = undefined;
    freeSlots.push(slot);
    pendingArrivals--;
    appendTo(r.tp, r.key, r.value, r.timestamp, r.id);
  };

  const processTask = (task: number) => {
    const own = taskTps[task]!;
    for (;;) {
      // PartitionGroup#nextRecord: the partition whose head record has the smallest timestamp; ties go to the
      // partition listed first.
      let best = -1;
      let bestTs = Number.POSITIVE_INFINITY;
      for (let i = 0; i < own.length; i++) {
        const tp = own[i]!;
        if (consumed[tp]! >= position[tp]!) continue;
        const ts = logs[tp]!.timestampAt(consumed[tp]!);
        if (ts < bestTs) {
          best = tp;
          bestTs = ts;
        }
      }
      if (best < 0) return;
      const log = logs[best]!;
      const offset = consumed[best]!;
      const ref = tps[best]!;
      context.topic = ref.topic;
      context.partition = ref.partition;
      context.offset = offset;
      consumed[best] = offset + 1;
      let id = log.idAt(offset);
      if (offset < processedUpTo[best]!) {
        const key = offset * tps.length + best;
        id = refetchedIds.get(key) ?? id;
        refetchedIds.delete(key);
      } else {
        processedUpTo[best] = offset + 1;
      }
      processors[sourceOfTp[best]!]!(
        log.keyAt(offset),
        log.valueAt(offset),
        log.timestampAt(offset),
        id,
        -2 - best,
      );
    }
  };

  const poll = (instance: number) => {
    pollScheduled[instance] = 0;
    if (!running[instance]) return;
    const tasks = instanceTasks[instance]!;
    let budget = app.maxPollRecords;
    let more = false;
    for (const task of tasks) {
      for (const tp of taskTps[task]!) {
        const log = logs[tp]!;
        while (position[tp]! < log.endOffset) {
          if (budget === 0) {
            more = true;
            break;
          }
          const offset = position[tp]!;
          if (offset < processedUpTo[tp]!) {
            refetchedIds.set(
              offset * tps.length + tp,
              recorder.refetched(log.idAt(offset), tp, offset, instance),
            );
          } else {
            recorder.fetched(log.idAt(offset), tp, offset, instance);
          }
          position[tp] = offset + 1;
          budget--;
        }
      }
    }
    for (const task of tasks) processTask(task);
    if (more && !pollScheduled[instance]) {
      pollScheduled[instance] = 1;
      agenda.schedule(now, AgendaKind.poll, instance);
    }
    if (!commitScheduled[instance]) {
      commitScheduled[instance] = 1;
      agenda.schedule(nextMultiple(now + 1, app.commitIntervalMs), AgendaKind.commit, instance);
    }
  };

  const commitTasks = (instance: number, tasks: readonly number[]) => {
    for (const task of tasks) {
      for (const tp of taskTps[task]!) {
        if (consumed[tp]! > committed[tp]!) {
          committed[tp] = consumed[tp]!;
          recorder.committed(instance, tp, consumed[tp]!);
        }
      }
    }
  };

  const commit = (instance: number) => {
    commitScheduled[instance] = 0;
    if (running[instance]) commitTasks(instance, instanceTasks[instance]!);
  };

  // The group: instances start, stop and get tasks; see groupDriver.ts for who decides.
  const driver = createGroupDriver(model, graph);
  const instanceIndex = new Map<string, number>();
  for (let i = 0; i < instanceCount; i++) instanceIndex.set(instanceMemberName(i), i);
  const faults = model.app.faults;
  let deadline: number | undefined;

  /** Sets `position` and the processed offset of the task's partitions to `offset(tp)`, recording changes. */
  const resetTask = (instance: number, task: number, resume: boolean) => {
    for (const tp of taskTps[task]!) {
      const to = resume ? committed[tp]! : consumed[tp]!;
      if (position[tp] === to && consumed[tp] === to) continue;
      position[tp] = to;
      consumed[tp] = to;
      recorder.positionReset(instance, tp, to, !resume);
    }
  };
  const setOwner = (task: number, instance: number) => {
    const previous = ownerOfTask[task]!;
    if (previous === instance) return;
    if (previous >= 0) {
      const list = instanceTasks[previous]!;
      list.splice(list.indexOf(task), 1);
    }
    ownerOfTask[task] = instance;
    for (const tp of taskTps[task]!) ownerOfTp[tp] = instance;
    if (instance >= 0) {
      const list = instanceTasks[instance]!;
      list.push(task);
      list.sort((x, y) => x - y);
    }
  };
  const tasksOf = (units: readonly TopicPartition[]) =>
    units.map((unit) => taskIndexOfUnit(graph, unit)).filter((t) => t >= 0);
  /** A running instance resumes its tasks from the committed offsets (what a new owner or a restart reads). */
  const resume = (instance: number, tasks: readonly number[]) => {
    for (const task of tasks) {
      resetTask(instance, task, true);
      for (const tp of taskTps[task]!) notify(tp);
    }
  };

  const applyGroupEvents = (events: CoordinatorEvent[]) => {
    for (const event of events) {
      const instance = "instance" in event ? (instanceIndex.get(event.instance) ?? -1) : -1;
      const generation = "generation" in event ? event.generation : -1;
      recorder.group(instance, generation, { mode: driver.mode, event });
      switch (event.kind) {
        case "memberJoined":
        case "memberRestarted":
          running[instance] = 1;
          break;
        case "memberCrashed":
          // The process is gone, and with it what it fetched but had not processed.
          running[instance] = 0;
          for (const task of instanceTasks[instance]!) resetTask(instance, task, false);
          break;
        case "memberLeft":
          // Committed before it left (see `input`); a dynamic member is out of the group, a static one keeps
          // its tasks, unconsumed, until it returns or its session expires (KIP-345).
          running[instance] = 0;
          for (const task of [...instanceTasks[instance]!]) {
            resetTask(instance, task, false);
            if (event.leaveGroupSent) setOwner(task, -1);
          }
          break;
        case "sessionExpired":
          for (const task of tasksOf(event.partitions))
            if (ownerOfTask[task] === instance) setOwner(task, -1);
          break;
        case "partitionsRevoked": {
          // Kafka Streams commits the tasks it gives up (`TaskManager#handleRevocation`); a member that is not
          // running cannot.
          const tasks = tasksOf(event.partitions);
          if (event.running && running[instance]) commitTasks(instance, tasks);
          for (const task of tasks) {
            if (running[instance]) resetTask(instance, task, false);
            if (ownerOfTask[task] === instance) setOwner(task, -1);
          }
          break;
        }
        case "partitionsAssigned": {
          // Static assignment has no join: being assigned is how its instance starts.
          if (event.running) running[instance] = 1;
          const tasks = tasksOf(event.partitions);
          for (const task of tasks) setOwner(task, instance);
          if (running[instance]) resume(instance, tasks);
          break;
        }
        case "staticMemberRejoined":
          // Back within its session with its old tasks; its in-memory progress died with the process.
          running[instance] = 1;
          resume(instance, tasksOf(event.partitions));
          break;
        case "generationCompleted":
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
    const next = driver.nextDeadline();
    if (next !== deadline) {
      deadline = next;
      if (next !== undefined) agenda.schedule(next, AgendaKind.groupDeadline, 0);
    }
  };

  const startsLater = new Set(faults.filter((f) => f.action === "join").map((f) => f.instance));
  const startingMembers: number[] = [];
  for (let i = 0; i < instanceCount; i++) if (!startsLater.has(i)) startingMembers.push(i);
  faults.forEach((fault, i) => {
    if (i === 0 || faults[i - 1]!.atMs !== fault.atMs) {
      agenda.schedule(fault.atMs, AgendaKind.fault, i);
    }
  });
  const input = (first: number) => {
    const due: InstanceFault[] = [];
    for (let i = first; i < faults.length && faults[i]!.atMs === faults[first]!.atMs; i++)
      due.push(faults[i]!);
    for (const fault of due) {
      // A graceful shutdown commits first (`KafkaStreams#close` → `TaskManager#shutdown` commits).
      if (fault.action === "leave" && running[fault.instance]) {
        commitTasks(fault.instance, instanceTasks[fault.instance]!);
      }
    }
    applyGroupEvents(driver.input(due, now));
  };

  recorder.at(0);
  applyGroupEvents(driver.start(startingMembers));

  for (let item = agenda.pop(); item !== undefined; item = agenda.pop()) {
    now = item.timeMs;
    recorder.at(now);
    const { kind, subject, payload } = item;
    const at = item.timeMs;
    agenda.release(item);
    switch (kind) {
      case AgendaKind.send:
        sendRun(subject);
        break;
      case AgendaKind.arrive:
        arrive(payload);
        break;
      case AgendaKind.poll:
        poll(subject);
        break;
      case AgendaKind.commit:
        commit(subject);
        break;
      case AgendaKind.fault:
        input(subject);
        break;
      case AgendaKind.groupDeadline:
        if (at === deadline) {
          deadline = undefined;
          applyGroupEvents(driver.advanceTo(now));
        }
        break;
      default: {
        const unknown: never = kind;
        throw new Error(`unknown agenda kind ${unknown}`);
      }
    }
    hooks.checkLimits();
  }

  const assignment = instanceTasks.map((tasks) => tasks.map((t) => graph.tasks[t]!.id));
  return { logs, assignment, recordsProduced, committed: Array.from(committed) };
}
