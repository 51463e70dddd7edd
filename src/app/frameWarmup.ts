/**
 * Frame warm-up: takes an open run's frame snapshots while the page is idle, a slice at a time, so that a later
 * jump anywhere — the scrubber, a jump to the next drop, a shared link's step — replays at most one snapshot
 * interval instead of first walking the trace up to where it lands. (The engine takes snapshots lazily, in one pass
 * that moves as far as the furthest cursor asked for; this moves that pass to the end ahead of the user.)
 */
import type { LabStoreApi } from "./labStore";
import type { Scheduler } from "./scheduler";

/** Steps the pass moves per call; each call also builds one frame, so not too few. */
export const WARMUP_SLICE_STEPS = 16_384;
/** A slice runs only in an idle period with at least this much time left, in ms. */
const IDLE_MARGIN_MS = 2;
/** An idle period is waited for at most this long. */
const IDLE_TIMEOUT_MS = 2000;

export function warmFrames(
  store: LabStoreApi,
  scheduler: Pick<Scheduler, "requestIdleCallback" | "cancelIdleCallback">,
): () => void {
  let handle: number | null = null;

  const start = () => {
    if (handle !== null) scheduler.cancelIdleCallback(handle);
    handle = null;
    const simulation = store.getState().shown?.open.simulation;
    if (!simulation) return;
    const end = simulation.stepCount;
    let reached = 0;
    // One slice per idle period (a few milliseconds): an input that comes meanwhile waits for one slice at most.
    const slice = (deadline: { timeRemaining(): number }) => {
      handle = null;
      if (deadline.timeRemaining() > IDLE_MARGIN_MS) {
        reached = Math.min(end, reached + WARMUP_SLICE_STEPS);
        simulation.frameAt(reached);
      }
      if (reached < end) handle = scheduler.requestIdleCallback(slice, IDLE_TIMEOUT_MS);
    };
    if (end > 0) handle = scheduler.requestIdleCallback(slice, IDLE_TIMEOUT_MS);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.shown?.open.simulation !== previous.shown?.open.simulation) start();
  });
  start();
  return () => {
    unsubscribe();
    if (handle !== null) scheduler.cancelIdleCallback(handle);
    handle = null;
  };
}
