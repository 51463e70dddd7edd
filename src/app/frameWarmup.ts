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
/** Leave the page this much of an idle period, in ms. */
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
    const open = store.getState().open;
    if (!open) return;
    const { simulation } = open;
    const end = simulation.stepCount;
    let reached = 0;
    const slice = (deadline: { timeRemaining(): number }) => {
      handle = null;
      do {
        reached = Math.min(end, reached + WARMUP_SLICE_STEPS);
        simulation.frameAt(reached);
      } while (reached < end && deadline.timeRemaining() > IDLE_MARGIN_MS);
      if (reached < end) handle = scheduler.requestIdleCallback(slice, IDLE_TIMEOUT_MS);
    };
    if (end > 0) handle = scheduler.requestIdleCallback(slice, IDLE_TIMEOUT_MS);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.open !== previous.open) start();
  });
  start();
  return () => {
    unsubscribe();
    if (handle !== null) scheduler.cancelIdleCallback(handle);
    handle = null;
  };
}
