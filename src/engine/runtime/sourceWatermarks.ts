/**
 * Flink's watermarks at the sources, under `time.semantics: "flink"`: one bounded-out-of-orderness generator per
 * source partition (Flink's `KafkaSource` generates watermarks per split), emitted every `autoWatermarkIntervalMs` of
 * wall clock by the periodic emitter, with optional idleness; a task (a source subtask reading several partitions)
 * combines its partitions' watermarks into its own, the minimum over its active partitions
 * (`WatermarkOutputMultiplexer`, modelled by the `StatusWatermarkValve`).
 *
 * Idleness follows `WatermarksWithIdleness` and its `IdlenessTimer`: at each periodic emit, a partition that received
 * records since the last check is active; otherwise the first quiet check starts its inactivity, and a later check
 * finds it idle once more than `idlenessMs` passed since. An idle partition emits no watermark; it becomes active
 * again at the first emit after it receives a record.
 *
 * A repartition topic's partition generates nothing itself: every upstream task writes into every partition and
 * sends its watermark along (Flink's `RecordWriterOutput#emitWatermark` broadcasts it to every downstream channel),
 * so the partition's watermark is the minimum over the upstream tasks' watermarks.
 */
import type { SimulationModel, WallClockMs, WatermarkSpec } from "../model";
import { ms } from "../time/decision";
import { BoundedOutOfOrdernessWatermarks, FLINK_MIN_WATERMARK } from "../time/flinkWatermarks";
import { StatusWatermarkValve } from "../time/watermarkValve";
import type { TopologyGraph } from "../topology/topologyGraph";

/** Who hears what the emitter does: the trace, and (for windows) the operators downstream. */
export interface WatermarkListener {
  /** A source partition's watermark advanced. */
  partitionWatermark(tp: number, watermark: number, reason: string): void;
  /** A source partition became idle (`idle`) or active again. */
  partitionIdleness(tp: number, idle: boolean, reason: string): void;
  /** A task's combined source watermark advanced. */
  taskWatermark(task: number, watermark: number, reason: string): void;
}

export class SourceWatermarks {
  readonly #spec: WatermarkSpec;
  readonly #generators: BoundedOutOfOrdernessWatermarks[];
  readonly #emitted: Float64Array;
  readonly #idle: Uint8Array;
  readonly #events: Float64Array;
  readonly #lastEvents: Float64Array;
  /** Wall-clock time a partition's inactivity started; NaN while it is active. */
  readonly #quietSince: Float64Array;
  readonly #valves: StatusWatermarkValve[];
  readonly #taskOfTp: Int32Array;
  readonly #slotOfTp: Int32Array;
  /** Per topic-partition of a repartition topic: the tasks writing into it; null for a partition producers write. */
  readonly #upstream: (readonly number[] | null)[];
  /** Per task: its combined watermark so far. */
  readonly #taskWatermark: Float64Array;
  readonly #taskNames: readonly string[];

  constructor(
    spec: WatermarkSpec,
    taskPartitions: readonly (readonly number[])[],
    topicPartitions: number,
    upstream: (readonly number[] | null)[] = [],
    taskNames: readonly string[] = [],
  ) {
    this.#spec = spec;
    this.#upstream = Array.from({ length: topicPartitions }, (_, tp) => upstream[tp] ?? null);
    this.#taskWatermark = new Float64Array(taskPartitions.length).fill(FLINK_MIN_WATERMARK);
    this.#taskNames = taskNames;
    this.#generators = Array.from(
      { length: topicPartitions },
      () => new BoundedOutOfOrdernessWatermarks(spec.outOfOrdernessMs),
    );
    this.#emitted = new Float64Array(topicPartitions).fill(FLINK_MIN_WATERMARK);
    this.#idle = new Uint8Array(topicPartitions);
    this.#events = new Float64Array(topicPartitions);
    this.#lastEvents = new Float64Array(topicPartitions);
    this.#quietSince = new Float64Array(topicPartitions).fill(Number.NaN);
    this.#taskOfTp = new Int32Array(topicPartitions).fill(-1);
    this.#slotOfTp = new Int32Array(topicPartitions).fill(-1);
    this.#valves = taskPartitions.map((own, task) => {
      own.forEach((tp, slot) => {
        this.#taskOfTp[tp] = task;
        this.#slotOfTp[tp] = slot;
      });
      return new StatusWatermarkValve(Math.max(1, own.length));
    });
  }

  /** A record with extracted timestamp `timestamp` was read from `tp` (`BoundedOutOfOrdernessWatermarks#onEvent`). */
  onEvent(tp: number, timestamp: number): void {
    this.#generators[tp]!.onEvent(timestamp);
    this.#events[tp]!++;
  }

  /**
   * The periodic emit at `now` for the partitions `live` says are read by a running task. Returns true when
   * something changed (a watermark advanced, a partition went idle or active).
   */
  emit(now: WallClockMs, live: (tp: number) => boolean, outer: WatermarkListener): boolean {
    const listener: WatermarkListener = {
      partitionWatermark: (tp, watermark, reason) => outer.partitionWatermark(tp, watermark, reason),
      partitionIdleness: (tp, idle, reason) => outer.partitionIdleness(tp, idle, reason),
      taskWatermark: (task, watermark, reason) => {
        this.#taskWatermark[task] = watermark;
        outer.taskWatermark(task, watermark, reason);
      },
    };
    let changed = false;
    for (let tp = 0; tp < this.#generators.length; tp++) {
      const task = this.#taskOfTp[tp]!;
      if (task < 0 || !live(tp) || this.#upstream[tp] !== null) continue;
      const valve = this.#valves[task]!;
      const slot = this.#slotOfTp[tp]!;
      const quiet = this.#checkIfIdle(tp, now);
      if (quiet) {
        if (this.#idle[tp] === 1) continue;
        this.#idle[tp] = 1;
        changed = true;
        listener.partitionIdleness(
          tp,
          true,
          `no record for more than idleness ${ms(this.#spec.idlenessMs!)} since ${ms(this.#quietSince[tp]!)} (wall clock): WatermarksWithIdleness marks it idle`,
        );
        const out = valve.markIdle(slot);
        if (out.advanced) listener.taskWatermark(task, out.watermark, out.reason);
        continue;
      }
      const periodic = this.#generators[tp]!.onPeriodicEmit();
      if (this.#idle[tp] === 1) {
        this.#idle[tp] = 0;
        changed = true;
        listener.partitionIdleness(tp, false, "records arrived again: it emits watermarks and counts again");
        const out = valve.markActive(slot);
        if (out.advanced) listener.taskWatermark(task, out.watermark, out.reason);
      }
      if (periodic.watermark <= this.#emitted[tp]!) continue;
      this.#emitted[tp] = periodic.watermark;
      changed = true;
      listener.partitionWatermark(tp, periodic.watermark, periodic.reason);
      const out = valve.inputWatermark(slot, periodic.watermark);
      if (out.advanced) listener.taskWatermark(task, out.watermark, out.reason);
    }
    // Downstream of repartitions, until nothing moves (a chain of repartitions settles in as many passes).
    for (let moved = true; moved; ) {
      moved = false;
      for (let tp = 0; tp < this.#generators.length; tp++) {
        const upstream = this.#upstream[tp];
        const task = this.#taskOfTp[tp]!;
        if (upstream === null || upstream === undefined || task < 0 || upstream.length === 0) continue;
        let watermark = Number.POSITIVE_INFINITY;
        for (const t of upstream) watermark = Math.min(watermark, this.#taskWatermark[t]!);
        if (watermark <= this.#emitted[tp]!) continue;
        this.#emitted[tp] = watermark;
        changed = true;
        moved = true;
        const names = upstream.map((t) => this.#taskNames[t] ?? String(t)).join(", ");
        listener.partitionWatermark(
          tp,
          watermark,
          `the minimum of the watermarks of the upstream tasks ${names}: each sends its watermark to every partition downstream (RecordWriterOutput#emitWatermark)`,
        );
        const out = this.#valves[task]!.inputWatermark(this.#slotOfTp[tp]!, watermark);
        if (out.advanced) listener.taskWatermark(task, out.watermark, out.reason);
      }
    }
    return changed;
  }

  /**
   * Whether a later emit could still change something without new records (an idleness timeout pending). A
   * repartition partition never times out: its watermark only follows its upstream tasks' (see `emit`), so it
   * keeps nothing pending; counting it kept the emitter ticking for ever.
   */
  mayChange(live: (tp: number) => boolean): boolean {
    if (this.#spec.idlenessMs === null) return false;
    for (let tp = 0; tp < this.#idle.length; tp++) {
      if (this.#upstream[tp] !== null) continue;
      if (this.#taskOfTp[tp]! >= 0 && this.#idle[tp] === 0 && live(tp)) return true;
    }
    return false;
  }

  /** `IdlenessTimer#checkIfIdle`. */
  #checkIfIdle(tp: number, now: WallClockMs): boolean {
    const idleness = this.#spec.idlenessMs;
    if (idleness === null) return false;
    if (this.#events[tp] !== this.#lastEvents[tp]) {
      this.#lastEvents[tp] = this.#events[tp]!;
      this.#quietSince[tp] = Number.NaN;
      return false;
    }
    if (Number.isNaN(this.#quietSince[tp]!)) {
      this.#quietSince[tp] = now;
      return false;
    }
    return now - this.#quietSince[tp]! > idleness;
  }
}

/** Per topic-partition of a repartition topic: the tasks of the sub-topology writing it; null elsewhere. */
export function repartitionUpstream(model: SimulationModel, graph: TopologyGraph): (number[] | null)[] {
  const upstream: (number[] | null)[] = graph.topicPartitions.map(() => null);
  for (const node of model.app.topology) {
    if (node.op !== "repartition") continue;
    const subtopology = graph.nodes.find((n) => n.id === node.id)!.subtopology;
    const writers = graph.tasks.flatMap((task, t) => (task.subtopology === subtopology ? [t] : []));
    const first = graph.firstTopicPartition[node.topic];
    if (first === undefined) continue;
    const partitions = model.topics.find((t) => t.name === node.topic)!.partitions;
    for (let p = 0; p < partitions; p++) upstream[first + p] = writers;
  }
  return upstream;
}
