/**
 * The producers of a run and their send schedule: each producer's records in order (`ProducerCursor`), placed on a
 * partition by its partitioner (`placement.ts`), and either appended at once or, while the producer is
 * disconnected or has a network delay, buffered until they arrive.
 */
import type { DisconnectWindow, Json, RecordKey, SimulationModel, WallClockMs } from "../model";
import type { Placement } from "../partitioning/placement";
import { ProducerCursor } from "../producer/producerCursor";
import { totalRecords } from "../producer/totalRecords";
import type { TopologyGraph } from "../topology/topologyGraph";
import type { ClusterState } from "./clusterState";
import { AgendaKind } from "./eventQueue";
import type { RunHooks } from "./runHooks";
import { SimulationError } from "./simulationError";

/** How often {@link RunHooks.onProgress} is told, in records sent (a power of two). */
export const PROGRESS_EVERY_RECORDS = 1024;

/** A record on its way to the broker. */
interface InFlight {
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

export class Producers {
  recordsProduced = 0;
  private readonly specs: SimulationModel["producers"];
  private readonly cursors: ProducerCursor[];
  private readonly placements: Placement[];
  private readonly firstTp: number[];
  private readonly inFlight: (InFlight | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private pendingArrivals = 0;
  private readonly recordCount: number;

  constructor(
    model: SimulationModel,
    graph: TopologyGraph,
    private readonly cluster: ClusterState,
    private readonly hooks: RunHooks,
  ) {
    this.specs = model.producers;
    this.cursors = model.producers.map((p) => new ProducerCursor(p, hooks.random(`producer:${p.id}`)));
    this.placements = model.producers.map((p) => {
      const partitions = model.topics.find((t) => t.name === p.topic)!.partitions;
      return hooks.placement(p.partitioner, partitions, `producer:${p.id}/partitioner`, p.batchSizeBytes);
    });
    this.firstTp = model.producers.map((p) => graph.firstTopicPartition[p.topic]!);
    this.recordCount = totalRecords(model);
  }

  /** Puts each producer's first send on the agenda. */
  start(): void {
    this.cursors.forEach((cursor, p) => {
      const at = cursor.peekTime();
      if (at !== undefined) this.cluster.agenda.schedule(at, AgendaKind.send, p);
    });
  }

  /**
   * Sends the producer's records in order. While its next record would also be the agenda's next item, it is
   * sent right away instead of going through the agenda: the same order, without a heap operation per record.
   */
  sendRun(p: number): void {
    const cluster = this.cluster;
    const { agenda, recorder } = cluster;
    const cursor = this.cursors[p]!;
    this.send(p);
    for (let next = cursor.peekTime(); next !== undefined; next = cursor.peekTime()) {
      const head = agenda.peek();
      const first =
        head === undefined || next < head.timeMs || (next === head.timeMs && head.kind > AgendaKind.send);
      if (!first) {
        agenda.schedule(next, AgendaKind.send, p);
        return;
      }
      cluster.now = next;
      recorder.at(next);
      this.send(p);
      this.hooks.checkLimits();
    }
  }

  /** A buffered or delayed record reaches the broker. */
  arrive(slot: number): void {
    const r = this.inFlight[slot]!;
    this.inFlight[slot] = undefined;
    this.freeSlots.push(slot);
    this.pendingArrivals--;
    this.cluster.append(r.tp, r.key, r.value, r.timestamp, r.id);
  }

  private send(p: number): void {
    const cluster = this.cluster;
    const now = cluster.now;
    const producer = this.specs[p]!;
    let record: ReturnType<ProducerCursor["next"]>;
    try {
      record = this.cursors[p]!.next();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SimulationError(`producer "${producer.id}" could not generate a value: ${reason}`);
    }
    this.recordsProduced++;
    const { onProgress } = this.hooks;
    if (onProgress && (this.recordsProduced & (PROGRESS_EVERY_RECORDS - 1)) === 0) {
      onProgress(this.recordsProduced, this.recordCount);
    }
    let placement: number;
    try {
      placement = this.placements[p]!(record.key, record.value, record.partition);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SimulationError(
        `producer "${producer.id}" could not place a record sent at ${now} ms: ${reason}`,
      );
    }
    const id = cluster.recorder.produced(p, record.key, record.value, record.timestamp, placement);
    const window =
      producer.disconnected.length === 0 ? undefined : disconnectedAt(producer.disconnected, now);
    if (window) cluster.recorder.buffered(id, p, window.toMs);
    const tp = this.firstTp[p]! + (placement >> 2);
    if (!window && producer.delayMs === 0 && this.pendingArrivals === 0) {
      // Arriving now, with nothing else on the network: the same order the agenda would give, without the detour.
      cluster.append(tp, record.key, record.value, record.timestamp, id);
    } else {
      const slot = this.freeSlots.pop() ?? this.inFlight.length;
      this.inFlight[slot] = { key: record.key, value: record.value, timestamp: record.timestamp, tp, id };
      cluster.agenda.schedule((window ? window.toMs : now) + producer.delayMs, AgendaKind.arrive, p, slot);
      this.pendingArrivals++;
    }
  }
}
