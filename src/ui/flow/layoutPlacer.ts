/**
 * Where the canvas gets a graph's places: places known in advance (the first screen's lesson, placed when the page
 * was built and handed over in `index.html`), or dagre, loaded on first need (`dagrePlacer.ts`) — in the
 * background once the page is idle, so a lesson chosen later lays out at once.
 */
import { use } from "react";
import type { dagrePlacer } from "./dagrePlacer";
import { type LayoutGraph, type LayoutPlacer, layoutKey } from "./layoutTopology";

type Places = Map<string, { x: number; y: number }>;

/** Placers for graphs whose places are known, by `layoutKey`. */
const known = new Map<string, LayoutPlacer>();

/** Remembers a graph's places (as a placer computed them), so placing that graph needs no layout library. */
export function rememberPlaces(graph: LayoutGraph, places: Places): void {
  known.set(layoutKey(graph), () => places);
}

/** The id of the script element in `index.html` that carries the first screen's places. */
export const FIRST_SCREEN_PLACES = "first-screen-places";

/** Places handed over by `index.html`: `[graph, places]` as JSON. Malformed or absent: nothing is known. */
export function readHandedOverPlaces(doc: Pick<Document, "getElementById">): void {
  const text = doc.getElementById(FIRST_SCREEN_PLACES)?.textContent;
  if (!text) return;
  try {
    const [graph, places] = JSON.parse(text) as [LayoutGraph, [string, { x: number; y: number }][]];
    rememberPlaces(graph, new Map(places));
  } catch {
    // The layout library places it instead.
  }
}

let dagre: Promise<typeof dagrePlacer> | null = null;

/** Starts loading dagre, if it is not loading yet. */
export function loadDagre(): Promise<typeof dagrePlacer> {
  dagre ??= import("./dagrePlacer").then((m) => m.dagrePlacer);
  return dagre;
}

/**
 * A placer for `graph`: its known places, or dagre (suspending the component until dagre is loaded). A React
 * hook (it may `use` a promise).
 */
export function usePlacer(graph: LayoutGraph): LayoutPlacer {
  return known.get(layoutKey(graph)) ?? use(loadDagre());
}
