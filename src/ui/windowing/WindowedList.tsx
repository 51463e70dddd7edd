/**
 * A long list in a scrolling panel, rendered only where it is in view: the items that meet the scrolling ancestor's
 * viewport (and `overscanPx` around it) are rendered; the rest are space (padding above and below). Items may differ
 * in height: each is estimated until it has been rendered once, then measured. A short list (up to `threshold`
 * items) is rendered whole, as a plain list would be.
 */
import { Fragment, type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { windowRange } from "./windowRange";

interface Props<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** A first guess at an item's height in pixels, before it is measured. */
  estimateHeight: (item: T) => number;
  renderItem: (item: T) => ReactNode;
  /** Lists of at most this many items are rendered whole. */
  threshold?: number;
  overscanPx?: number;
  testId?: string;
}

/** The viewport assumed where nothing is laid out (rendering without a layout engine). */
const UNMEASURED_VIEW = 1_200;

function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === "auto" || overflowY === "scroll") return node;
  }
  return null;
}

export function WindowedList<T>({
  items,
  itemKey,
  estimateHeight,
  renderItem,
  threshold = 24,
  overscanPx = 800,
  testId,
}: Props<T>) {
  const windowed = items.length > threshold;
  const containerRef = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState({ top: 0, bottom: UNMEASURED_VIEW });

  // The part of the list in the scrolling ancestor's viewport, in the list's own coordinates.
  useEffect(() => {
    const container = containerRef.current;
    if (!windowed || !container) return;
    const scroller = scrollingAncestor(container);
    const read = () => {
      const height = scroller ? scroller.clientHeight : window.innerHeight;
      const scrollerTop = scroller ? scroller.getBoundingClientRect().top : 0;
      const top = scrollerTop - container.getBoundingClientRect().top;
      const bottom = top + (height > 0 ? height : UNMEASURED_VIEW);
      setView((was) => (was.top === top && was.bottom === bottom ? was : { top, bottom }));
    };
    read();
    const target: HTMLElement | Window = scroller ?? window;
    target.addEventListener("scroll", read, { passive: true });
    window.addEventListener("resize", read);
    return () => {
      target.removeEventListener("scroll", read);
      window.removeEventListener("resize", read);
    };
  }, [windowed]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `measured` counts measurements, which move offsets
  const offsets = useMemo(() => {
    const result = new Float64Array(items.length + 1);
    items.forEach((item, i) => {
      result[i + 1] = result[i]! + (heights.current.get(itemKey(item)) ?? estimateHeight(item));
    });
    return result;
  }, [items, itemKey, estimateHeight, measured]);

  const { start, end } = windowed
    ? windowRange(offsets, items.length, view.top - overscanPx, view.bottom + overscanPx, 0)
    : { start: 0, end: items.length };

  // Measure what was rendered; a height that differs from the guess moves the offsets (once per item and size).
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!windowed || !container) return;
    let changed = false;
    const rendered = container.children;
    for (let i = 0; i < rendered.length; i++) {
      const item = items[start + i];
      const height = (rendered[i] as HTMLElement).offsetHeight;
      if (item === undefined || height === 0) continue;
      const key = itemKey(item);
      if (Math.abs((heights.current.get(key) ?? -1) - height) > 0.5) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (changed) setMeasured((n) => n + 1);
  });

  if (!windowed)
    return (
      <div ref={containerRef} className="windowed-list" data-testid={testId}>
        {items.map((item) => (
          <Fragment key={itemKey(item)}>{renderItem(item)}</Fragment>
        ))}
      </div>
    );
  const shown = items.slice(start, end);
  return (
    <div
      ref={containerRef}
      className="windowed-list"
      data-testid={testId}
      data-windowed={`${start}-${end}`}
      style={{ paddingTop: offsets[start], paddingBottom: offsets[items.length]! - offsets[end]! }}
    >
      {shown.map((item) => (
        // A block formatting context, so the item's margins count in its measured height.
        <div key={itemKey(item)} style={{ display: "flow-root" }}>
          {renderItem(item)}
        </div>
      ))}
    </div>
  );
}
