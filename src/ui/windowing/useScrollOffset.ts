/**
 * The scroll offset of an element along one axis, as React state: a windowed list re-renders when it is scrolled,
 * and only then. Before the element is mounted (and on the server) the offset is `initial`.
 */
import { type RefObject, useEffect, useState } from "react";

export function useScrollOffset(
  ref: RefObject<HTMLElement | null>,
  axis: "x" | "y",
  initial = 0,
): [offset: number, setOffset: (offset: number) => void] {
  const [offset, setOffset] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const read = () => setOffset(axis === "x" ? element.scrollLeft : element.scrollTop);
    read();
    element.addEventListener("scroll", read, { passive: true });
    return () => element.removeEventListener("scroll", read);
  }, [ref, axis]);
  return [offset, setOffset];
}
