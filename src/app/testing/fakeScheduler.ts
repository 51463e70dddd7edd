/**
 * A scheduler for tests: time moves only when the test says so, and timers and animation frames fire in time
 * order as it advances (frames every 16 ms).
 */
import type { Scheduler } from "../scheduler";

export interface FakeScheduler extends Scheduler {
  /** Moves the clock forward by `ms`, firing every timer and frame due on the way. */
  advance(ms: number): void;
  /** Timers and frames waiting to fire. */
  pending(): number;
  reducedMotion: boolean;
}

const FRAME_MS = 16;
/** An idle callback runs this long after it is asked for (or at its timeout, if sooner), with this much time. */
export const IDLE_AFTER_MS = 20;
const IDLE_BUDGET_MS = 10;

export function fakeScheduler(): FakeScheduler {
  let now = 0;
  let nextHandle = 1;
  const tasks = new Map<number, { at: number; run: () => void }>();

  const add = (at: number, run: () => void) => {
    const handle = nextHandle++;
    tasks.set(handle, { at, run });
    return handle;
  };

  const scheduler: FakeScheduler = {
    reducedMotion: false,
    now: () => now,
    setTimeout: (callback, delayMs) => add(now + Math.max(0, delayMs), callback),
    clearTimeout: (handle) => void tasks.delete(handle),
    requestAnimationFrame: (callback) => add(now + FRAME_MS, () => callback(now)),
    cancelAnimationFrame: (handle) => void tasks.delete(handle),
    requestIdleCallback: (callback, timeoutMs) =>
      add(now + Math.min(IDLE_AFTER_MS, Math.max(0, timeoutMs)), () =>
        callback({ timeRemaining: () => IDLE_BUDGET_MS }),
      ),
    cancelIdleCallback: (handle) => void tasks.delete(handle),
    prefersReducedMotion: () => scheduler.reducedMotion,
    pending: () => tasks.size,
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let next: [number, { at: number; run: () => void }] | null = null;
        for (const entry of tasks)
          if (entry[1].at <= end && (next === null || entry[1].at < next[1].at)) next = entry;
        if (next === null) break;
        tasks.delete(next[0]);
        now = next[1].at;
        next[1].run();
      }
      now = end;
    },
  };
  return scheduler;
}
