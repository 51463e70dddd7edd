/**
 * The per-task window state of one windowed aggregation: one entry per (key, window), plus the keys in first-seen
 * order, which breaks ties wherever outputs would otherwise come out in an unspecified order. Everything in it is
 * plain JSON, so a snapshot is a copy.
 */
import type { Json } from "../model";
import type { WindowBounds } from "./windowOutput";

/** One window of one key. */
export interface WindowEntry {
  readonly key: Json;
  readonly start: number;
  readonly end: number;
  readonly endInclusive: boolean;
  /** The aggregate (Flink, discarding: what arrived since the last firing). */
  aggregate: Json;
  /** False while nothing was added since the window was created or purged (Flink's empty window state). */
  hasContents: boolean;
  /** Kafka: the result timestamp (largest record timestamp in the window; a session's end). */
  timestamp: number;
  /** Kafka: the final rule held. Flink: unused (a closed window's state is gone). */
  closed: boolean;
  /** Times the window was emitted (Kafka emit-on-close: 0 or 1; Flink: firings). */
  emissions: number;
  /** Flink: an event-time timer is pending at `end - 1` (`EventTimeTrigger` registered it). */
  timerPending: boolean;
}

export interface WindowStateSnapshot {
  readonly keys: Json[];
  readonly entries: WindowEntry[];
}

/** Identity of a JSON key: its JSON text (so `42` and `"42"` are different keys). */
export function keyId(key: Json): string {
  return JSON.stringify(key);
}

export function boundsOf(entry: WindowEntry): WindowBounds {
  return { start: entry.start, end: entry.end, endInclusive: entry.endInclusive };
}

export class WindowState {
  readonly #keyOrder = new Map<string, number>();
  readonly #keys: Json[] = [];
  readonly #entries = new Map<string, WindowEntry>();

  constructor(snapshot?: WindowStateSnapshot) {
    if (snapshot === undefined) return;
    for (const key of snapshot.keys) this.keyIndex(key);
    for (const entry of copy(snapshot.entries)) this.put(entry);
  }

  /** The key's position in first-seen order (registering it if new). */
  keyIndex(key: Json): number {
    const id = keyId(key);
    let index = this.#keyOrder.get(id);
    if (index === undefined) {
      index = this.#keys.length;
      this.#keyOrder.set(id, index);
      this.#keys.push(key);
    }
    return index;
  }

  get(key: Json, start: number, end: number): WindowEntry | undefined {
    return this.#entries.get(entryId(key, start, end));
  }

  put(entry: WindowEntry): void {
    this.keyIndex(entry.key);
    this.#entries.set(entryId(entry.key, entry.start, entry.end), entry);
  }

  delete(entry: WindowEntry): void {
    this.#entries.delete(entryId(entry.key, entry.start, entry.end));
  }

  /** Every entry, by window start, then key (first seen first), then end. */
  all(): WindowEntry[] {
    return [...this.#entries.values()].sort((a, b) => this.compare(a, b));
  }

  /** The entries of one key, by start then end. */
  ofKey(key: Json): WindowEntry[] {
    const id = keyId(key);
    return this.all().filter((entry) => keyId(entry.key) === id);
  }

  /** Start, then key order, then end. */
  compare(a: WindowEntry, b: WindowEntry): number {
    return a.start - b.start || this.keyIndex(a.key) - this.keyIndex(b.key) || a.end - b.end;
  }

  snapshot(): WindowStateSnapshot {
    return { keys: copy(this.#keys), entries: copy(this.all()) };
  }
}

/** A deep copy of plain JSON data. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function entryId(key: Json, start: number, end: number): string {
  return `${start}/${end}/${keyId(key)}`;
}

/** A fresh entry holding `aggregate`. */
export function newEntry(key: Json, window: WindowBounds, aggregate: Json, timestamp: number): WindowEntry {
  return {
    key,
    start: window.start,
    end: window.end,
    endInclusive: window.endInclusive,
    aggregate,
    hasContents: false,
    timestamp,
    closed: false,
    emissions: 0,
    timerPending: false,
  };
}
