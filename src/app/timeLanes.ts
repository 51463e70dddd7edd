/**
 * Time at a glance, per task: each source partition as a lane of records in offset order (processed, fetched and
 * buffered, not yet fetched) with the timestamp the task's extractor gives each, the head record and, under Kafka
 * Streams, the partition time; the task's stream time, or under Flink the watermark of each input channel and the
 * operator's minimum over them; and which record the scheduler takes next and why, read from the task's next
 * scheduling step in the trace. Pure: everything comes from the simulation and the frame.
 */
import type { Frame, RecordId, RecordKey, SchedulerSpec, Simulation, TaskFrame } from "../engine";

/** At most this many records per lane: a window around the head, the rest counted. */
export const LANE_RECORDS = 7;
/** Of which at most this many already processed (the records just behind the head). */
export const LANE_PROCESSED = 2;

/** Where a record is for its task: taken, skipped for an unusable timestamp, fetched and waiting, still on the broker. */
export type LaneRecordStatus = "processed" | "skipped" | "buffered" | "unfetched";

export interface LaneRecord {
  /** The version the log holds (what the canvas's chips and the inspector select). */
  record: RecordId;
  offset: number;
  key: RecordKey;
  /** The extracted timestamp; null when it is not known yet (processing time) or the record is skipped. */
  timestampMs: number | null;
  /** Why the extractor gives no timestamp (the task skips the record), else null. */
  skipReason: string | null;
  status: LaneRecordStatus;
  /** The first buffered record with a usable timestamp (`RecordQueue#headRecord`). */
  head: boolean;
  /** The record the scheduler takes next. */
  next: boolean;
}

export interface TimeLane {
  topic: string;
  partition: number;
  /** `topic-partition`. */
  name: string;
  records: LaneRecord[];
  /** Records before the first shown, and after the last shown. */
  earlier: number;
  later: number;
  committed: number;
  head: LaneRecord | null;
  /** Kafka Streams partition time; null before the first record (and under Flink). */
  partitionTimeMs: number | null;
  /** Flink: the partition's watermark (null before its first) and whether it is idle. */
  watermarkMs: number | null;
  idle: boolean;
}

/** A Flink input channel of the task's windowed operator (or of its source): one source partition. */
export interface WatermarkChannel {
  name: string;
  watermarkMs: number | null;
  idle: boolean;
  /** One of this task's own partitions (a keyBy feeds the operator from every partition of the sub-topology). */
  own: boolean;
}

export type TaskClock =
  | {
      semantics: "kafka-streams";
      streamTimeMs: number | null;
      /** Each windowed operator's own observed stream time. */
      operators: { node: string; streamTimeMs: number | null }[];
    }
  | {
      semantics: "flink";
      channels: WatermarkChannel[];
      /** The operator whose watermark is the minimum over the active channels, and that watermark. */
      minimum: { node: string; watermarkMs: number | null } | null;
    };

export interface PickCandidate {
  partition: string;
  rank: number;
  /** The head record the rank is about. */
  offset: number;
  timestampMs: number | null;
}

export type NextPick =
  /** Nobody runs the task. */
  | { kind: "notConsumed" }
  /** Nothing fetched: the next record comes with a fetch. */
  | { kind: "nothingBuffered" }
  /** The task chooses in this instant, once the poll under way has fetched the heads of these partitions. */
  | { kind: "fetching"; partitions: string[] }
  /** One partition: no choice, records go in offset order. */
  | { kind: "onlyPartition"; partition: string; offset: number; timestampMs: number | null }
  /**
   * Records are buffered but the task does not process yet: it waits for `partition`, empty, either for the fetch
   * of data the broker has (`untilMs` null) or under `max.task.idle.ms` until `untilMs`. `resumesAtMs`: when the
   * trace shows its next choice (null if never).
   */
  | {
      kind: "waiting";
      partition: string | null;
      untilMs: number | null;
      maxTaskIdleMs: number;
      resumesAtMs: number | null;
    }
  /** The scheduler's next choice, from its step in the trace. */
  | {
      kind: "chosen";
      step: number;
      partition: string;
      offset: number;
      timestampMs: number | null;
      rule: SchedulerSpec["kind"];
      /** The custom scheduler's expression. */
      source: string | null;
      candidates: PickCandidate[];
      /** Several candidates share the winning rank: the partition listed first wins. */
      tie: boolean;
      /** Partitions with nothing buffered that the choice went ahead without. */
      empty: string[];
      maxTaskIdleMs: number;
      /** It went ahead only because `max.task.idle.ms` ran out for an empty partition. */
      enforced: boolean;
    };

export interface TaskTimeView {
  id: string;
  instance: string | null;
  consumed: boolean;
  lanes: TimeLane[];
  clock: TaskClock;
  next: NextPick;
}

export interface TimeLanesView {
  semantics: "kafka-streams" | "flink";
  tasks: TaskTimeView[];
}

/** The time view of every task at `frame`. */
export function timeLanes(simulation: Simulation, frame: Frame): TimeLanesView {
  const semantics = simulation.model.app.time?.semantics ?? "kafka-streams";
  return {
    semantics,
    tasks: frame.tasks.map((task) => taskView(simulation, frame, task, semantics)),
  };
}

function taskView(
  simulation: Simulation,
  frame: Frame,
  task: TaskFrame,
  semantics: "kafka-streams" | "flink",
): TaskTimeView {
  const lanes = task.partitions.map((p) => laneOf(simulation, frame.cursor, p));
  const next = nextPick(simulation, frame, task, lanes);
  const picked = next.kind === "chosen" || next.kind === "onlyPartition" ? next : null;
  if (picked !== null) {
    for (const lane of lanes) {
      if (lane.name !== picked.partition) continue;
      for (const r of lane.records) r.next = r.offset === picked.offset;
    }
  }
  return {
    id: task.id,
    instance: task.instance,
    consumed: task.consumed,
    lanes,
    clock: clockOf(simulation, frame, task, semantics),
    next,
  };
}

function laneOf(simulation: Simulation, cursor: number, p: TaskFrame["partitions"][number]): TimeLane {
  const name = `${p.topic}-${p.partition}`;
  const log = simulation.logs[p.topic]![p.partition]!;
  let first = Math.max(0, p.processed - LANE_PROCESSED);
  const last = Math.min(p.logEnd, first + LANE_RECORDS);
  first = Math.max(0, Math.min(first, last - LANE_RECORDS));
  const records: LaneRecord[] = [];
  let head: LaneRecord | null = null;
  for (let offset = first; offset < last; offset++) {
    const extracted = simulation.extractedTimestamp(p.topic, p.partition, offset, cursor);
    const skipReason = typeof extracted === "string" ? extracted : null;
    const status: LaneRecordStatus =
      offset < p.processed
        ? skipReason === null
          ? "processed"
          : "skipped"
        : offset < p.position
          ? "buffered"
          : "unfetched";
    const record = log[offset]!.record;
    const entry: LaneRecord = {
      record,
      offset,
      key: simulation.record(record).key,
      timestampMs: typeof extracted === "number" ? extracted : null,
      skipReason,
      status,
      head: false,
      next: false,
    };
    // `RecordQueue#updateHead`: the head is the first buffered record whose timestamp is usable.
    if (head === null && status === "buffered" && skipReason === null) {
      entry.head = true;
      head = entry;
    }
    records.push(entry);
  }
  return {
    topic: p.topic,
    partition: p.partition,
    name,
    records,
    earlier: first,
    later: p.logEnd - last,
    committed: p.committed,
    head,
    partitionTimeMs: p.partitionTimeMs,
    watermarkMs: p.watermarkMs,
    idle: p.idle,
  };
}

function clockOf(
  simulation: Simulation,
  frame: Frame,
  task: TaskFrame,
  semantics: "kafka-streams" | "flink",
): TaskClock {
  if (semantics === "kafka-streams") {
    return {
      semantics,
      streamTimeMs: task.streamTimeMs,
      operators: Object.entries(task.operatorStreamTimes).map(([node, streamTimeMs]) => ({
        node,
        streamTimeMs,
      })),
    };
  }
  const { graph } = simulation;
  const spec = graph.tasks.find((t) => t.id === task.id)!;
  const own = new Set(task.partitions.map((p) => `${p.topic}-${p.partition}`));
  const windowed = graph.nodes.find(
    (n) => n.op === "windowedAggregate" && n.subtopology === spec.subtopology && n.id in task.watermarks,
  );
  // A windowed operator follows a keyBy: every source partition of the sub-topology is one of its input channels
  // in every task (see the engine's `WindowWatermarks`). Without one, the channels are the task's own partitions,
  // combined by its source.
  const names = windowed
    ? graph.tasks
        .filter((t) => t.subtopology === spec.subtopology)
        .flatMap((t) => t.topicPartitions.map((tp) => graph.topicPartitions[tp]!.name))
    : [...own];
  const partitions = new Map(
    frame.tasks.flatMap((t) => t.partitions.map((p) => [`${p.topic}-${p.partition}` as string, p] as const)),
  );
  const channels = names.map((name) => ({
    name,
    watermarkMs: partitions.get(name)?.watermarkMs ?? null,
    idle: partitions.get(name)?.idle ?? false,
    own: own.has(name),
  }));
  const node =
    windowed?.id ??
    graph.nodes.find(
      (n) => n.op === "source" && n.subtopology === spec.subtopology && n.id in task.watermarks,
    )?.id;
  return {
    semantics,
    channels,
    minimum: node === undefined ? null : { node, watermarkMs: task.watermarks[node] ?? null },
  };
}

function nextPick(simulation: Simulation, frame: Frame, task: TaskFrame, lanes: TimeLane[]): NextPick {
  if (!task.consumed) return { kind: "notConsumed" };
  const buffered = lanes.some((lane) => lane.records.some((r) => r.status === "buffered"));
  if (!buffered) return { kind: "nothingBuffered" };
  if (lanes.length === 1) {
    const head = lanes[0]!.head;
    if (head === null) return { kind: "nothingBuffered" };
    return {
      kind: "onlyPartition",
      partition: lanes[0]!.name,
      offset: head.offset,
      timestampMs: head.timestampMs,
    };
  }
  const time = simulation.model.app.time;
  const maxTaskIdleMs = time?.maxTaskIdleMs ?? 0;
  const steps = simulation.schedulingSteps(task.id);
  // The first scheduling step not applied yet (cursor c has applied steps 0..c-1).
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]! < frame.cursor) lo = mid + 1;
    else hi = mid;
  }
  const ahead = lo < steps.length ? simulation.step(steps[lo]!) : null;
  const behind = lo > 0 ? simulation.step(steps[lo - 1]!) : null;
  // A choice already made whose record the source has not taken yet is still the next pick; otherwise buffered
  // records are processed at once, in the same instant, unless the task waits.
  const decision =
    behind?.kind === "partitionChosen" && takenAt(simulation, behind.step) >= frame.cursor
      ? behind
      : ahead?.kind === "partitionChosen" && ahead.timeMs === frame.timeMs
        ? ahead
        : null;
  if (decision !== null) {
    const laneOfName = new Map(lanes.map((lane) => [lane.name, lane]));
    const unfetched = decision.candidates
      .map((c) => `${c.topic}-${c.partition}`)
      .filter((name) => laneOfName.get(name)?.head === null);
    if (unfetched.length > 0) return { kind: "fetching", partitions: unfetched };
    const headOf = (name: string) => {
      const head = laneOfName.get(name)!.head!;
      return { offset: head.offset, timestampMs: head.timestampMs };
    };
    const partition = `${decision.topic}-${decision.partition}`;
    const chosen = headOf(partition);
    const candidates = decision.candidates.map((c) => {
      const name = `${c.topic}-${c.partition}`;
      return { partition: name, rank: c.rank, ...headOf(name) };
    });
    const winning = candidates.find((c) => c.partition === partition)?.rank;
    return {
      kind: "chosen",
      step: decision.step,
      partition,
      offset: chosen.offset,
      timestampMs: chosen.timestampMs,
      rule: decision.rule,
      source: time?.scheduler.kind === "custom" ? time.scheduler.source : null,
      candidates,
      tie: candidates.filter((c) => c.rank === winning).length > 1,
      empty: decision.empty.map((e) => `${e.topic}-${e.partition}`),
      maxTaskIdleMs: decision.maxTaskIdleMs,
      enforced: decision.enforced,
    };
  }
  const idled =
    ahead?.kind === "taskIdled" && ahead.timeMs === frame.timeMs
      ? ahead
      : behind?.kind === "taskIdled"
        ? behind
        : null;
  let resumesAtMs: number | null = null;
  for (let i = lo; i < steps.length && resumesAtMs === null; i++) {
    const s = simulation.step(steps[i]!);
    if (s.kind === "partitionChosen") resumesAtMs = s.timeMs;
  }
  return {
    kind: "waiting",
    partition: idled === null ? null : `${idled.topic}-${idled.partition}`,
    untilMs: idled === null ? null : idled.untilMs,
    maxTaskIdleMs,
    resumesAtMs,
  };
}

/**
 * The step at which the source takes the record a `partitionChosen` step chose: right after it, or after the stream
 * time step between them. The trace's end when it is not found.
 */
function takenAt(simulation: Simulation, chosenAt: number): number {
  for (let i = chosenAt + 1; i < Math.min(simulation.stepCount, chosenAt + 4); i++) {
    const s = simulation.step(i);
    const fromPartition =
      (s.kind === "recordProcessed" || s.kind === "recordStored" || s.kind === "recordUnjoined") &&
      s.fromNode === null;
    if (fromPartition) return i;
  }
  return simulation.stepCount;
}
