/**
 * The cluster side of a run as one object: the wall clock and its agenda, the partition logs, who owns which task,
 * and per topic-partition the consumer's positions (fetched up to, processed up to, committed). The run loop's
 * parts (`producers.ts`, `pollInstance.ts`, `processTask.ts`, `commits.ts`, `groupEvents.ts`, …) read and change
 * it; it holds no rule of its own beyond appending a record and waking the instance that reads it.
 */
import type { PartitionLog } from "../broker/partitionLog";
import type { Json, RecordContext, RecordKey, SimulationModel } from "../model";
import { totalRecords } from "../producer/totalRecords";
import type { TopicPartitionRef, TopologyGraph } from "../topology/topologyGraph";
import { Agenda, AgendaKind } from "./eventQueue";
import type { RunRecorder } from "./runRecorder";
import { SimulationError } from "./simulationError";
import { TaskOwnership } from "./taskOwnership";

export class ClusterState {
  /** The wall clock: the instant of the agenda item being run. */
  now = 0;
  readonly agenda = new Agenda();
  readonly recorder: RunRecorder;
  readonly tps: readonly TopicPartitionRef[];
  readonly logs: PartitionLog[];
  readonly instanceCount: number;
  /** Per task: the topic-partitions it reads. */
  readonly taskTps: number[][];
  readonly ownership: TaskOwnership;
  /** Per instance: 1 while its process runs. */
  readonly running: Uint8Array;
  /** Per topic-partition: the next offset to fetch. */
  readonly position: Float64Array;
  /** Per topic-partition: the next offset to process (fetched records below `position` are buffered). */
  readonly consumed: Float64Array;
  readonly committed: Float64Array;
  /** Per topic-partition: the highest offset ever processed + 1; below it, processing is reprocessing. */
  readonly processedUpTo: Float64Array;
  /** Ids under which refetched records are reprocessed, by `offset * tps.length + tp`. */
  readonly refetchedIds = new Map<number, number>();
  /** Per instance: 1 while a poll (a commit) is on the agenda. */
  readonly pollScheduled: Uint8Array;
  readonly commitScheduled: Uint8Array;
  /** The record context user functions read: set to the record being processed. */
  readonly context: RecordContext = {
    key: null,
    value: null,
    timestamp: 0,
    partition: 0,
    offset: 0,
    topic: "",
  };
  private readonly pollIntervalMs: number;
  private readonly maxSteps: number;
  private appends = 0;

  constructor(
    model: SimulationModel,
    graph: TopologyGraph,
    recorder: RunRecorder,
    createLog: (expectedRecords: number) => PartitionLog,
  ) {
    this.recorder = recorder;
    const tps = graph.topicPartitions;
    this.tps = tps;
    // Sizing hint: every record could land in any one topic, spread over its partitions.
    const records = totalRecords(model);
    this.logs = tps.map((tp) =>
      createLog(Math.ceil((1.25 * records) / model.topics[tp.topicIndex]!.partitions)),
    );
    this.instanceCount = model.app.instances;
    this.taskTps = graph.tasks.map((t) => t.topicPartitions);
    this.ownership = new TaskOwnership(this.taskTps, tps.length, this.instanceCount);
    this.running = new Uint8Array(this.instanceCount);
    this.position = new Float64Array(tps.length);
    this.consumed = new Float64Array(tps.length);
    this.committed = new Float64Array(tps.length);
    this.processedUpTo = new Float64Array(tps.length);
    this.pollScheduled = new Uint8Array(this.instanceCount);
    this.commitScheduled = new Uint8Array(this.instanceCount);
    this.pollIntervalMs = model.app.pollIntervalMs;
    this.maxSteps = model.limits.maxSteps;
  }

  /** Whether the task reading `tp` has a running owner. */
  live(tp: number): boolean {
    const owner = this.ownership.ofTp[tp]!;
    return owner >= 0 && this.running[owner] === 1;
  }

  /** New data on `tp`: its owner polls at the next multiple of `pollIntervalMs` (if not already due to). */
  notify(tp: number): void {
    const owner = this.ownership.ofTp[tp]!;
    if (owner < 0 || !this.running[owner] || this.pollScheduled[owner]) return;
    this.pollScheduled[owner] = 1;
    this.agenda.schedule(nextMultiple(this.now, this.pollIntervalMs), AgendaKind.poll, owner);
  }

  /** The broker appends a record to `tp` (from a producer or a sink); returns its offset. */
  append(tp: number, key: RecordKey, value: Json, timestamp: number, id: number): number {
    this.appends++;
    if (this.appends > this.maxSteps) {
      throw new SimulationError(
        `stopped after ${this.maxSteps} appends (limits.maxSteps): does a sink feed a topic that loops back?`,
      );
    }
    const offset = this.logs[tp]!.append(key, value, timestamp, this.now, id);
    this.recorder.appended(id, tp, offset);
    this.notify(tp);
    return offset;
  }

  /** The id a record is processed under: its own, or the refetched version's when it is reprocessed. */
  takeId(tp: number, offset: number): number {
    let id = this.logs[tp]!.idAt(offset);
    if (offset < this.processedUpTo[tp]!) {
      const key = offset * this.tps.length + tp;
      id = this.refetchedIds.get(key) ?? id;
      this.refetchedIds.delete(key);
    } else {
      this.processedUpTo[tp] = offset + 1;
    }
    return id;
  }

  /** Points the record context at the logged record (`readRecordContext` written out: it runs once a record). */
  setContext(tp: number, offset: number): void {
    const log = this.logs[tp]!;
    const ref = this.tps[tp]!;
    const context = this.context;
    context.key = log.keyAt(offset);
    context.value = log.valueAt(offset);
    context.timestamp = log.timestampAt(offset);
    context.topic = ref.topic;
    context.partition = ref.partition;
    context.offset = offset;
  }
}

export function nextMultiple(timeMs: number, interval: number): number {
  return Math.ceil(timeMs / interval) * interval;
}
