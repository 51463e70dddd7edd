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
  /**
   * Runs `callback` when the page is idle (after the frames due are painted), or after `timeoutMs` at the latest.
   * `timeRemaining` says how long the callback may work before the page needs the thread back.
   */
  requestIdleCallback(callback: (deadline: { timeRemaining(): number }) => void, timeoutMs: number): number;
  cancelIdleCallback(handle: number): void;
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
    requestIdleCallback: (callback, timeoutMs) =>
      // Safari has no requestIdleCallback: a timer after the next frame stands in for it.
      win.requestIdleCallback
        ? win.requestIdleCallback(callback, { timeout: timeoutMs })
        : win.setTimeout(() => callback({ timeRemaining: () => 8 }), Math.min(timeoutMs, 50)),
    cancelIdleCallback: (handle) =>
      win.cancelIdleCallback ? win.cancelIdleCallback(handle) : win.clearTimeout(handle),
    prefersReducedMotion: () => reducedMotion?.matches ?? false,
  };
}
