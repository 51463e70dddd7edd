/**
 * Which items of a long list are in view: the list is laid out along one axis, item `i` from `offsets[i]` to
 * `offsets[i + 1]` (so `offsets` has one more entry than there are items and ends at the list's length), and the
 * view shows `[viewStart, viewEnd)`. Only the items in view, plus `overscan` on each side, are rendered: the DOM
 * stays the same size whatever the list's length.
 */
export interface WindowRange {
  /** The first item rendered. */
  start: number;
  /** One past the last item rendered. */
  end: number;
}

/** The first item that ends after `position` (binary search over ascending offsets). */
function itemAt(offsets: ArrayLike<number>, count: number, position: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle + 1]! <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The items of a list of `count` items that meet the view, widened by `overscan` items on each side. */
export function windowRange(
  offsets: ArrayLike<number>,
  count: number,
  viewStart: number,
  viewEnd: number,
  overscan: number,
): WindowRange {
  if (count <= 0) return { start: 0, end: 0 };
  const first = itemAt(offsets, count, Math.max(0, viewStart));
  let last = first;
  while (last < count && offsets[last]! < viewEnd) last++;
  return { start: Math.max(0, first - overscan), end: Math.min(count, Math.max(last, first + 1) + overscan) };
}

/** The same for items all `size` long. */
export function fixedWindowRange(
  count: number,
  size: number,
  viewStart: number,
  viewEnd: number,
  overscan: number,
): WindowRange {
  if (count <= 0) return { start: 0, end: 0 };
  const first = Math.min(count - 1, Math.max(0, Math.floor(viewStart / size)));
  const last = Math.min(count, Math.max(first + 1, Math.ceil(viewEnd / size)));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}
