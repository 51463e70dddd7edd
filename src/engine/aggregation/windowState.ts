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
  /** The key index of each stored entry (a key's JSON text is costly to make once per comparison). */
  readonly #entryKeys = new Map<WindowEntry, number>();
  /** {@link all}'s answer until an entry is added or removed (an entry's key and bounds never change). */
  #sorted: readonly WindowEntry[] | null = null;

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
    const index = this.keyIndex(entry.key);
    const id = entryId(entry.key, entry.start, entry.end);
    const previous = this.#entries.get(id);
    if (previous === entry) return;
    if (previous !== undefined) this.#entryKeys.delete(previous);
    this.#entries.set(id, entry);
    this.#entryKeys.set(entry, index);
    this.#sorted = null;
  }

  delete(entry: WindowEntry): void {
    const id = entryId(entry.key, entry.start, entry.end);
    const stored = this.#entries.get(id);
    if (stored === undefined) return;
    this.#entries.delete(id);
    this.#entryKeys.delete(stored);
    this.#sorted = null;
  }

  /** Every entry, by window start, then key (first seen first), then end. Read-only: shared until the next change. */
  all(): readonly WindowEntry[] {
    if (this.#sorted === null) this.#sorted = [...this.#entries.values()].sort((a, b) => this.compare(a, b));
    return this.#sorted;
  }

  /** The entries of one key, by start then end. */
  ofKey(key: Json): WindowEntry[] {
    const index = this.#keyOrder.get(keyId(key));
    if (index === undefined) return [];
    return this.all().filter((entry) => this.entryKeyIndex(entry) === index);
  }

  /** The position of the entry's key in first-seen order. */
  entryKeyIndex(entry: WindowEntry): number {
    return this.#entryKeys.get(entry) ?? this.keyIndex(entry.key);
  }

  /** Start, then key order, then end. */
  compare(a: WindowEntry, b: WindowEntry): number {
    return a.start - b.start || this.entryKeyIndex(a) - this.entryKeyIndex(b) || a.end - b.end;
  }

  snapshot(): WindowStateSnapshot {
    return { keys: copy(this.#keys), entries: copy(this.all()) as WindowEntry[] };
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
