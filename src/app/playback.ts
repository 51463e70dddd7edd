/**
 * Playback: the only owner of timers and animation frames in the lab.
 *
 * - While the store says `playing`, a timer sends `playbackTicked` every `1000 / stepsPerSecond` ms.
 * - After every one-step-forward move, a *tween* runs the current flight from progress 0 to 1 over
 *   {@link TWEEN_MS} (shorter when playing fast) on animation frames; any other move shows the flight at rest
 *   (progress 1). With `prefers-reduced-motion`, flights are always shown at rest.
 *
 * The canvas layer subscribes to the tween; it draws, it does not keep time.
 */
import type { Flight } from "./flight";
import type { LabStoreApi } from "./labStore";
import type { Scheduler } from "./scheduler";

export const TWEEN_MS = 300;

export interface Tween {
  flight: Flight | null;
  /** 0 = at the start of the path, 1 = arrived. */
  progress: number;
  /** Counts moves, like the store's `moveCount`. */
  moveCount: number;
}

export interface Playback {
  tween(): Tween;
  subscribeTween(listener: (tween: Tween) => void): () => void;
  dispose(): void;
}

export function createPlayback(store: LabStoreApi, scheduler: Scheduler): Playback {
  const listeners = new Set<(tween: Tween) => void>();
  let tween: Tween = {
    flight: store.getState().shown?.flight ?? null,
    progress: 1,
    moveCount: store.getState().moveCount,
  };
  let timer: number | null = null;
  let frame: number | null = null;

  const publish = (next: Tween) => {
    tween = next;
    for (const listener of listeners) listener(tween);
  };

  const stopTimer = () => {
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = null;
  };
  const stopFrame = () => {
    if (frame !== null) scheduler.cancelAnimationFrame(frame);
    frame = null;
  };

  const scheduleTick = () => {
    stopTimer();
    const { playing, stepsPerSecond } = store.getState();
    if (!playing) return;
    timer = scheduler.setTimeout(() => {
      timer = null;
      store.getState().playbackTicked();
      scheduleTick();
    }, 1000 / stepsPerSecond);
  };

  const startTween = () => {
    stopFrame();
    const { shown, motion, moveCount, stepsPerSecond, playing } = store.getState();
    const flight = shown?.flight ?? null;
    if (flight === null || motion !== "forward" || scheduler.prefersReducedMotion()) {
      publish({ flight, progress: 1, moveCount });
      return;
    }
    // Playing fast, a record must arrive before the next step starts.
    const durationMs = playing ? Math.min(TWEEN_MS, (0.85 * 1000) / stepsPerSecond) : TWEEN_MS;
    const startMs = scheduler.now();
    publish({ flight, progress: 0, moveCount });
    const onFrame = () => {
      const progress = Math.min(1, (scheduler.now() - startMs) / durationMs);
      frame = progress < 1 ? scheduler.requestAnimationFrame(onFrame) : null;
      publish({ flight, progress, moveCount });
    };
    frame = scheduler.requestAnimationFrame(onFrame);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.moveCount !== previous.moveCount) startTween();
    if (state.playing !== previous.playing || state.stepsPerSecond !== previous.stepsPerSecond) {
      // A tick in flight has already rescheduled itself; a change of speed or play state starts a new period.
      if (!state.playing || timer === null || state.stepsPerSecond !== previous.stepsPerSecond)
        scheduleTick();
    }
  });
  scheduleTick();

  return {
    tween: () => tween,
    subscribeTween(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      stopTimer();
      stopFrame();
      listeners.clear();
    },
  };
}
