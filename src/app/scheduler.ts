/**
 * The clock and timers playback runs on, as a parameter: the browser's in the app, a fake one in tests. Nothing
 * else in the app reads a clock or sets a timer.
 */
export interface Scheduler {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): number;
  clearTimeout(handle: number): void;
  requestAnimationFrame(callback: (timeMs: number) => void): number;
  cancelAnimationFrame(handle: number): void;
  /** Whether the user asked the system to minimise motion (`prefers-reduced-motion: reduce`). */
  prefersReducedMotion(): boolean;
}

export function browserScheduler(win: Window = window): Scheduler {
  const reducedMotion = win.matchMedia?.("(prefers-reduced-motion: reduce)");
  return {
    now: () => win.performance.now(),
    setTimeout: (callback, delayMs) => win.setTimeout(callback, delayMs),
    clearTimeout: (handle) => win.clearTimeout(handle),
    requestAnimationFrame: (callback) => win.requestAnimationFrame(callback),
    cancelAnimationFrame: (handle) => win.cancelAnimationFrame(handle),
    prefersReducedMotion: () => reducedMotion?.matches ?? false,
  };
}
