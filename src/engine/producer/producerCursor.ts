/**
 * A producer's records in send order: its explicit records merged with its generated ones.
 *
 * Generated record i is sent at `startMs + i * everyMs`; its key is drawn by weight and its event timestamp is
 * `sendTime - floor(u * jitterMs)` (never below 0), both from the producer's own seeded stream, so records come
 * out of order in event time while the run stays deterministic. Records are produced lazily: a million-record
 * generator never sits in memory as a list.
 */
import type { ExplicitRecordSpec, Json, ProducerSpec, RecordContext, RecordKey, WallClockMs } from "../model";
import type { SeededRandom } from "../random/seededRandom";

export interface PendingRecord {
  atMs: WallClockMs;
  key: RecordKey;
  value: Json;
  timestamp: number;
  partition: number | undefined;
}

export class ProducerCursor {
  private readonly explicit: ExplicitRecordSpec[];
  private explicitAt = 0;
  private generatedAt = 0;
  private readonly cumulativeWeights: number[];
  private readonly totalWeight: number;
  private readonly context: RecordContext;
  /** Reused for every record: `next()` returns this object, valid until the following call. */
  private readonly pending: PendingRecord = {
    atMs: 0,
    key: null,
    value: null,
    timestamp: 0,
    partition: undefined,
  };

  constructor(
    private readonly spec: ProducerSpec,
    private readonly random: SeededRandom,
  ) {
    // Stable sort: records at the same instant keep their order in the scenario.
    this.explicit = spec.records
      .map((r, i) => ({ r, i }))
      .sort((a, b) => a.r.atMs - b.r.atMs || a.i - b.i)
      .map((x) => x.r);
    let sum = 0;
    this.cumulativeWeights = (spec.generate?.keys ?? []).map((k) => {
      sum += k.weight;
      return sum;
    });
    this.totalWeight = sum;
    this.context = { key: null, value: null, timestamp: 0, partition: -1, offset: -1, topic: spec.topic };
  }

  /** Send time of the next record, or undefined when the producer is done. */
  peekTime(): WallClockMs | undefined {
    const e = this.explicit[this.explicitAt];
    const g = this.generatedTime();
    if (e === undefined) return g;
    if (g === undefined) return e.atMs;
    return Math.min(e.atMs, g);
  }

  private generatedTime(): WallClockMs | undefined {
    const gen = this.spec.generate;
    if (!gen || this.generatedAt >= gen.count) return undefined;
    return gen.startMs + this.generatedAt * gen.everyMs;
  }

  /**
   * The next record in send order (explicit records first at equal times). Call only after `peekTime()`. The
   * returned object is reused by the next call.
   */
  next(): Readonly<PendingRecord> {
    const e = this.explicit[this.explicitAt];
    const g = this.generatedTime();
    const out = this.pending;
    if (e !== undefined && (g === undefined || e.atMs <= g)) {
      this.explicitAt++;
      out.atMs = e.atMs;
      out.key = e.key;
      out.value = e.value;
      out.timestamp = e.timestamp;
      out.partition = e.partition;
      return out;
    }
    return this.nextGenerated(g!);
  }

  private nextGenerated(atMs: WallClockMs): PendingRecord {
    const out = this.pending;
    const gen = this.spec.generate!;
    const i = this.generatedAt++;
    const key = this.pickKey();
    const jitter = gen.jitterMs > 0 ? Math.floor(this.random.nextFloat() * gen.jitterMs) : 0;
    const timestamp = Math.max(0, atMs - jitter);
    let value: Json = i;
    if (gen.value) {
      const ctx = this.context;
      ctx.key = key;
      ctx.value = i;
      ctx.timestamp = timestamp;
      value = gen.value(ctx);
    }
    out.atMs = atMs;
    out.key = key;
    out.value = value;
    out.timestamp = timestamp;
    out.partition = undefined;
    return out;
  }

  /** Draws a key by weight: the first key whose cumulative weight exceeds `u * totalWeight` (binary search). */
  private pickKey(): RecordKey {
    const keys = this.spec.generate!.keys;
    if (keys.length === 1) return keys[0]!.key;
    const u = this.random.nextFloat() * this.totalWeight;
    const weights = this.cumulativeWeights;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < weights[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return keys[lo]!.key;
  }
}
