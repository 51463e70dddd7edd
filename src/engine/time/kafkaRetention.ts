/**
 * Kafka Streams window-store retention: how long a window store keeps a window, and whether a read still sees it.
 *
 * Default retention (used when `Materialized.withRetention` is not set):
 * - `TimeWindows`: `size + grace` (`TimeWindowedKStreamImpl#materialize`);
 * - `SlidingWindows`: `grace + 2 × timeDifference` (`SlidingWindowedKStreamImpl#materialize`);
 * - `SessionWindows`: `gap + grace` (`SessionWindowedKStreamImpl#materialize`).
 *
 * Expiry is decided by the *store*, not the processor, and on the store's own clock:
 * - the timestamp a store files an entry under is the window **start** for window stores (`WindowKeySchema`,
 *   `InMemoryWindowStore#put(key, value, windowStartTimestamp)`) and the session **end** for session stores
 *   (`SessionKeySchema#segmentTimestamp`, `InMemorySessionStore`'s `endTimeMap`);
 * - the store's `observedStreamTime` is the largest such timestamp ever put (`observedStreamTime =
 *   Math.max(observedStreamTime, windowStartTimestamp)` in `put`), starting at `ConsumerRecord.NO_TIMESTAMP` (-1).
 *   For time windows this lags the task's stream time: it is the start of the newest window written, not the newest
 *   record's timestamp;
 * - an entry is expired iff `timestamp <= observedStreamTime - retentionPeriod` (`InMemoryWindowStore#put` and
 *   `#fetch`), equivalently reads start at `observedStreamTime - retentionPeriod + 1` ("add one b/c records expire
 *   exactly retentionPeriod ms after created": `InMemoryWindowStore#fetch`,
 *   `AbstractRocksDBSegmentedBytesStore#fetch`).
 *
 * Not modelled: RocksDB drops whole segments on write (`Segments#getOrCreateSegmentIfLive`), which can keep an entry
 * on disk a little longer; its reads still apply the exact bound above, so what a read returns is the same.
 */
import type { WindowSpec } from "../windows/window";
import { requireInteger } from "../windows/window";
import { ms, type Reasoned } from "./decision";

/** The default retention of the store behind a windowed aggregation with `spec` and `graceMs`. */
export function kafkaRetentionMs(spec: WindowSpec, graceMs: number): number {
  requireInteger("grace", graceMs, 0);
  switch (spec.type) {
    case "tumbling":
    case "hopping":
      return spec.size + graceMs;
    case "sliding":
      return graceMs + 2 * spec.timeDifference;
    case "session":
      return spec.gap + graceMs;
  }
}

export interface KafkaStoreTime {
  /** What the store files the entry under: window start (window stores) or session end (session stores). */
  readonly storeTimestamp: number;
  /** The store's observed stream time: the largest `storeTimestamp` ever put into it (after this put, if any). */
  readonly observedStreamTime: number;
  readonly retentionMs: number;
}

export interface KafkaExpiry extends Reasoned {
  readonly expired: boolean;
  /** The oldest timestamp a read still returns: `observedStreamTime - retentionMs + 1`. */
  readonly minLiveTimestamp: number;
}

/** `InMemoryWindowStore` / `AbstractRocksDBSegmentedBytesStore`: expired iff `ts < observed - retention + 1`. */
export function isExpired(input: KafkaStoreTime): KafkaExpiry {
  requireInteger("retention", input.retentionMs, 0);
  const minLiveTimestamp = input.observedStreamTime - input.retentionMs + 1;
  const expired = input.storeTimestamp < minLiveTimestamp;
  const bound =
    `store stream time ${ms(input.observedStreamTime)} − retention ${ms(input.retentionMs)} + 1 = ` +
    `${ms(minLiveTimestamp)}`;
  const reason = expired
    ? `stored at ${ms(input.storeTimestamp)} < ${bound}: expired, reads no longer see it`
    : `stored at ${ms(input.storeTimestamp)} ≥ ${bound}: retained`;
  return { expired, minLiveTimestamp, reason };
}

/** A store's clock: the largest timestamp put into it (see the module comment). */
export function nextStoreStreamTime(observedStreamTime: number, storeTimestamp: number): number {
  return Math.max(observedStreamTime, storeTimestamp);
}
