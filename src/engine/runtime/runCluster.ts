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

import type { WindowAggregationSnapshot } from "../aggregation/windowOperator";
import type { PartitionLog } from "../broker/partitionLog";
import type { TopicPartition } from "../groups/assignor";
import type { CoordinatorEvent } from "../groups/coordinator";
import { TaskStateRegistry } from "../joins/taskStateRegistry";
import {
  DEFAULT_TIME,
  type DisconnectWindow,
  type InstanceFault,
  type Json,
  type RecordContext,
  type RecordKey,
  type SimulationModel,
  type WallClockMs,
} from "../model";
import type { Placement } from "../partitioning/placement";
import { ProducerCursor } from "../producer/producerCursor";
import { totalRecords } from "../producer/totalRecords";
import type { SeededRandom } from "../random/seededRandom";
import type { OperatorEnv, Processor } from "../topology/operatorEnv";
import { type TopologyGraph, topicsReadBy } from "../topology/topologyGraph";
import type { WindowedHandle } from "../topology/windowedTasks";
import { watermarkChannel } from "../trace/traceLog";
import { Agenda, AgendaKind } from "./eventQueue";
import type { FlinkWatermarkCode } from "./flinkWatermarkCode";
import { createGroupDriver, instanceMemberName, taskIndexOfUnit } from "./groupDriver";
import { rankerFor, type ScheduleDecision } from "./recordScheduler";
import type { RunRecorder } from "./runRecorder";
import { SimulationError } from "./simulationError";
import { TaskOwnership } from "./taskOwnership";
import { createTimestampExtractor } from "./timestampExtractor";
import type { ValveInput } from "./windowWatermarks";

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
  /** Flink's watermark code; null when it is not loaded (a run with Flink semantics then stops with why). */
  flinkWatermarks: FlinkWatermarkCode | null;
}

/** Stream time before a task processed any record (`RecordQueue.UNKNOWN`). */
const UNKNOWN_TIME = -1;

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
  const ownership = new TaskOwnership(taskTps, tps.length, instanceCount);
  const { ofTask: ownerOfTask, ofTp: ownerOfTp, byInstance: instanceTasks } = ownership;
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

  // Time: timestamp extraction, scheduling, max.task.idle.ms, stream time and (flink) watermarks.
  const time = app.time ?? DEFAULT_TIME;
  const extract = createTimestampExtractor(time.timestamp);
  const eventTime = time.timestamp.kind === "event";
  const rank = rankerFor(time.scheduler);
  const maxTaskIdleMs = time.maxTaskIdleMs;
  /** Per topic-partition: the offset whose extracted timestamp `headTs` holds (-1: none). */
  const headOffset = new Float64Array(tps.length).fill(-1);
  const headTs = new Float64Array(tps.length);
  /** Per topic-partition: the lag the last fetch reported (Kafka's `fetchedLags`); -1 before the first fetch. */
  const fetchedLag = new Float64Array(tps.length).fill(-1);
  /** Per topic-partition: when an empty partition stops holding its task back (`idlePartitionDeadlines`); NaN: unset. */
  const idleDeadline = new Float64Array(tps.length).fill(Number.NaN);
  const idleWakeScheduled = new Float64Array(taskCount).fill(Number.NaN);
  /** Per task: round-robin's next partition slot. */
  const rotation = new Int32Array(taskCount);
  /** Kafka Streams partition time (largest timestamp processed) per topic-partition, and as last committed. */
  const partitionTime = new Float64Array(tps.length).fill(UNKNOWN_TIME);
  const committedPartitionTime = new Float64Array(tps.length).fill(UNKNOWN_TIME);
  /** Per task: stream time, the largest timestamp it processed (`PartitionGroup#streamTime`). */
  const streamTime = new Float64Array(taskCount).fill(UNKNOWN_TIME);
  const flink = time.semantics === "flink" ? hooks.flinkWatermarks : null;
  if (time.semantics === "flink" && flink === null) {
    throw new SimulationError(
      "app.time.semantics: Flink's watermark code is still loading; open the scenario again",
    );
  }
  const watermarks =
    flink !== null
      ? new flink.SourceWatermarks(
          time.watermarks,
          taskTps,
          tps.length,
          flink.repartitionUpstream(model, graph),
          graph.tasks.map((t) => t.id),
        )
      : null;

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
  /** Per windowed node index: its handle, and per task its state as last committed. */
  const windowed = new Map<number, WindowedHandle>();
  const committedWindows = new Map<number, (WindowAggregationSnapshot | null)[]>();
  const env: OperatorEnv = {
    context,
    nodeIndex: (id) => graph.nodes.find((n) => n.id === id)!.index,
    wallClockMs: () => now,
    taskState: new TaskStateRegistry(),
    task: 0,
    registerWindowed(node, handle) {
      windowed.set(node, handle);
      committedWindows.set(node, new Array(taskCount).fill(null));
    },
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

  /** The id a record is processed under: its own, or the refetched version's when it is reprocessed. */
  const takeId = (tp: number, offset: number): number => {
    let id = logs[tp]!.idAt(offset);
    if (offset < processedUpTo[tp]!) {
      const key = offset * tps.length + tp;
      id = refetchedIds.get(key) ?? id;
      refetchedIds.delete(key);
    } else {
      processedUpTo[tp] = offset + 1;
    }
    return id;
  };
  // `readRecordContext` written out: this runs for every record processed, on both paths.
  const setContext = (tp: number, offset: number) => {
    const log = logs[tp]!;
    const ref = tps[tp]!;
    context.key = log.keyAt(offset);
    context.value = log.valueAt(offset);
    context.timestamp = log.timestampAt(offset);
    context.topic = ref.topic;
    context.partition = ref.partition;
    context.offset = offset;
  };

  /**
   * The extracted timestamp of the partition's head record, skipping records whose timestamp is unusable
   * (`RecordQueue#updateHead`); NaN when nothing is buffered.
   */
  const headOf = (tp: number): number => {
    while (consumed[tp]! < position[tp]!) {
      const offset = consumed[tp]!;
      if (headOffset[tp] === offset) return headTs[tp]!;
      let ts: number | string;
      if (eventTime) {
        // The common case, without the record context: the producer's timestamp, if usable.
        ts = logs[tp]!.timestampAt(offset);
        if (!Number.isSafeInteger(ts) || ts < 0) {
          setContext(tp, offset);
          ts = extract(context, 0, now);
        }
      } else {
        setContext(tp, offset);
        ts = extract(context, logs[tp]!.appendTimeAt(offset), now);
      }
      if (typeof ts === "number") {
        headOffset[tp] = offset;
        headTs[tp] = ts;
        return ts;
      }
      consumed[tp] = offset + 1;
      recorder.skipped(takeId(tp, offset), tp, ownerOfTp[tp]!, ts);
    }
    return Number.NaN;
  };

  /**
   * `PartitionGroup#readyToProcess`: with a partition of the task empty, the task waits while the last fetch said the
   * broker has data for it; with zero lag it waits until `max.task.idle.ms` after it first found it empty (0: not at
   * all); -1 never waits. Returns the partitions processed around, or null when the task must wait.
   */
  const readyToProcess = (
    task: number,
    own: readonly number[],
  ): { empty: number[]; enforced: boolean } | null => {
    const empty: number[] = [];
    for (const tp of own) if (Number.isNaN(headOf(tp))) empty.push(tp);
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
          agenda.schedule(deadline, AgendaKind.taskIdle, task);
        }
        return null;
      }
      enforced = true;
    }
    return { empty, enforced };
  };

  const processTask = (task: number) => {
    const own = taskTps[task]!;
    for (;;) {
      let best = -1;
      let bestRank = Number.POSITIVE_INFINITY;
      let bestTs = 0;
      let decision: ScheduleDecision | null = null;
      if (own.length === 1) {
        const ts = headOf(own[0]!);
        if (Number.isNaN(ts)) return;
        best = own[0]!;
        bestTs = ts;
      } else {
        const ready = readyToProcess(task, own);
        if (ready === null) return;
        if (recorder.detailed) {
          decision = {
            rule: time.scheduler.kind,
            candidates: [],
            chosen: -1,
            empty: ready.empty,
            maxTaskIdleMs,
            enforced: ready.enforced,
          };
        }
        for (let slot = 0; slot < own.length; slot++) {
          const tp = own[slot]!;
          const ts = headOf(tp);
          if (Number.isNaN(ts)) continue;
          const offset = consumed[tp]!;
          setContext(tp, offset);
          const r = rank(ts, logs[tp]!.appendTimeAt(offset), context, slot, rotation[task]!, own.length);
          decision?.candidates.push({ tp, rank: r });
          if (best < 0 || r < bestRank) {
            best = tp;
            bestRank = r;
            bestTs = ts;
          }
        }
        rotation[task] = (own.indexOf(best) + 1) % own.length;
        if (decision !== null) {
          decision.chosen = best;
          recorder.chose(task, decision);
        }
      }
      const offset = consumed[best]!;
      setContext(best, offset);
      consumed[best] = offset + 1;
      const id = takeId(best, offset);
      if (bestTs > partitionTime[best]!) partitionTime[best] = bestTs;
      if (bestTs > streamTime[task]!) {
        streamTime[task] = bestTs;
        recorder.streamTime(task, bestTs, false);
      }
      watermarks?.onEvent(best, bestTs);
      env.task = task;
      processors[sourceOfTp[best]!]!(context.key, context.value, bestTs, id, -2 - best);
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
        fetchedLag[tp] = log.endOffset - position[tp]!;
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
      // The window store's changelog is flushed with the commit: its state up to the committed offsets.
      for (const [node, handle] of windowed) committedWindows.get(node)![task] = handle.snapshot(task);
      for (const tp of taskTps[task]!) {
        // Kafka Streams commits each partition's time with its offset (KIP-353, `StreamTask#commit`).
        committedPartitionTime[tp] = partitionTime[tp]!;
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
      headOffset[tp] = -1;
      idleDeadline[tp] = Number.NaN;
      const to = resume ? committed[tp]! : consumed[tp]!;
      if (position[tp] === to && consumed[tp] === to) continue;
      position[tp] = to;
      consumed[tp] = to;
      recorder.positionReset(instance, tp, to, !resume);
    }
  };
  const setOwner = (task: number, instance: number) => ownership.set(task, instance);
  const tasksOf = (units: readonly TopicPartition[]) =>
    units.map((unit) => taskIndexOfUnit(graph, unit)).filter((t) => t >= 0);
  /**
   * The task's window stores as of its last commit: the changelog restored up to the committed offsets. Anything
   * processed after the commit is processed again from the log.
   */
  const restoreWindows = (task: number) => {
    for (const [node, handle] of windowed) {
      const snapshot = committedWindows.get(node)![task]!;
      const hadState = handle.snapshot(task) !== null;
      const open = handle.restore(task, snapshot);
      if (snapshot !== null || hadState) {
        recorder.windowRestored(node, task, {
          offsets: taskTps[task]!.map((tp) => ({ tp, offset: committed[tp]! })),
          windows: open.length,
          streamTime: snapshot?.streamTime ?? -1,
          open: open.map((w) => ({
            key: w.key,
            start: w.window.start,
            end: w.window.end,
            endInclusive: w.window.endInclusive,
            value: w.value,
            closed: w.closed,
            emissions: w.emissions,
          })),
        });
      }
      const watermark = windowWatermarks?.watermarkOf(node, task);
      if (watermark !== undefined && live(taskTps[task]![0]!)) {
        env.task = task;
        handle.advanceWatermark(task, watermark);
      }
    }
  };

  /** A running instance resumes its tasks from the committed offsets (what a new owner or a restart reads). */
  const resume = (instance: number, tasks: readonly number[]) => {
    for (const task of tasks) {
      resetTask(instance, task, true);
      // A new owner (or a restart) starts from the partition times committed with the offsets.
      let restored = UNKNOWN_TIME;
      for (const tp of taskTps[task]!) {
        partitionTime[tp] = committedPartitionTime[tp]!;
        restored = Math.max(restored, partitionTime[tp]!);
      }
      if (restored !== streamTime[task]) {
        streamTime[task] = restored;
        recorder.streamTime(task, restored, true);
      }
      restoreWindows(task);
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

  /**
   * Flink: a windowed operator follows a keyBy, a shuffle, so every source partition of its sub-topology is an input
   * channel of the operator in every task (each upstream subtask sends its watermark to every downstream one); its
   * watermark is the minimum over the active channels (`StatusWatermarkValve`).
   */
  const windowWatermarks = flink === null ? null : new flink.WindowWatermarks(graph, windowed.keys());
  const toWindows = (tp: number, input: ValveInput) =>
    windowWatermarks?.input(tp, input, (node, task, watermark, reason) => {
      recorder.watermark(
        watermarkChannel(node, task),
        watermark,
        reason.replace(/channel \d+/g, tps[tp]!.name),
      );
      if (!live(taskTps[task]![0]!)) return;
      env.task = task;
      windowed.get(node)!.advanceWatermark(task, watermark);
    });

  // Flink's periodic watermark emitter: every autoWatermarkIntervalMs of wall clock while anything can still change.
  const live = (tp: number) => {
    const owner = ownerOfTp[tp]!;
    return owner >= 0 && running[owner] === 1;
  };
  const watermarkListener = {
    partitionWatermark: (tp: number, watermark: number, reason: string) => {
      recorder.watermark(-1 - tp, watermark, reason);
      toWindows(tp, (valve, slot) => valve.inputWatermark(slot, watermark));
    },
    partitionIdleness: (tp: number, idle: boolean, reason: string) => {
      recorder.partitionIdle(tp, idle, reason);
      toWindows(tp, (valve, slot) => (idle ? valve.markIdle(slot) : valve.markActive(slot)));
    },
    taskWatermark: (task: number, watermark: number, reason: string) => {
      const sources = new Set(taskTps[task]!.map((tp) => sourceOfTp[tp]!));
      const named = reason.replace(
        /channel (\d+)/g,
        (_m, slot: string) => tps[taskTps[task]![Number(slot)]!]!.name,
      );
      for (const node of sources) recorder.watermark(watermarkChannel(node, task), watermark, named);
    },
  };
  const emitWatermarks = () => {
    if (watermarks === null) return;
    const changed = watermarks.emit(now, live, watermarkListener);
    if (changed || agenda.size > 0 || watermarks.mayChange(live)) {
      agenda.schedule(now + time.watermarks.autoWatermarkIntervalMs, AgendaKind.watermarkEmit, 0);
    }
  };
  if (watermarks !== null)
    agenda.schedule(time.watermarks.autoWatermarkIntervalMs, AgendaKind.watermarkEmit, 0);

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
      case AgendaKind.taskIdle: {
        idleWakeScheduled[subject] = Number.NaN;
        const owner = ownerOfTask[subject]!;
        if (owner >= 0 && running[owner]) processTask(subject);
        break;
      }
      case AgendaKind.watermarkEmit:
        emitWatermarks();
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
