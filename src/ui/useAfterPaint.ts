/**
 * A value as it was one painted frame ago: for what can follow the step it shows a frame later (the side panel),
 * so a step or a scrubber jump renders and paints the canvas, the step and its narration first. While the value
 * keeps changing (the scrubber dragged, playing), the follower renders at most once per frame, with the latest.
 */
import { startTransition, useEffect, useState } from "react";

export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer = 0;
    // After the next frame is painted: an animation frame, then a task.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setShown(value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
