/**
 * The simulation's agenda: scheduled happenings ordered by wall-clock time, then by kind, then by the order in
 * which they were scheduled. This total order is what makes runs deterministic when several things happen at the
 * same instant.
 */
import type { WallClockMs } from "../model";

/**
 * Kinds in their tie-break order at one instant: sends, appends, scheduled instance inputs (join, leave, crash,
 * restart), session expiries, then polls — so an instance that crashes at t does not poll or commit at t. A task
 * whose `max.task.idle.ms` deadline falls at t processes after the polls at t, so data fetched at t still counts.
 * Flink's periodic watermark emit comes after all processing at t (the records processed at t are part of the
 * watermark emitted at t, as when the emitter's timer mail runs after the record mails queued before it), and
 * commits come last, so a commit at t includes everything done at t.
 */
export const AgendaKind = {
  send: 0,
  arrive: 1,
  fault: 2,
  groupDeadline: 3,
  poll: 4,
  taskIdle: 5,
  watermarkEmit: 6,
  commit: 7,
} as const;
export type AgendaKind = (typeof AgendaKind)[keyof typeof AgendaKind];

export interface AgendaItem {
  timeMs: WallClockMs;
  kind: AgendaKind;
  seq: number;
  /** Producer, record or instance index, depending on the kind. */
  subject: number;
  payload: number;
}

function before(a: AgendaItem, b: AgendaItem): boolean {
  if (a.timeMs !== b.timeMs) return a.timeMs < b.timeMs;
  if (a.kind !== b.kind) return a.kind < b.kind;
  return a.seq < b.seq;
}

/** A binary min-heap of agenda items. */
export class Agenda {
  private readonly heap: AgendaItem[] = [];
  /** Popped items handed back with `release`, reused by `schedule` so a long run allocates few objects. */
  private readonly spare: AgendaItem[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(timeMs: WallClockMs, kind: AgendaKind, subject: number, payload = 0): void {
    const item = this.spare.pop() ?? { timeMs: 0, kind: AgendaKind.send, seq: 0, subject: 0, payload: 0 };
    item.timeMs = timeMs;
    item.kind = kind;
    item.seq = this.seq++;
    item.subject = subject;
    item.payload = payload;
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  /** The next item, without removing it. */
  peek(): Readonly<AgendaItem> | undefined {
    return this.heap[0];
  }

  /** Hands a popped item back for reuse; the caller must not read it afterwards. */
  release(item: AgendaItem): void {
    this.spare.push(item);
  }

  pop(): AgendaItem | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
