/**
 * The first screen as HTML, rendered at build time (the `firstScreen` plugin in `vite.config.ts`): the built-in
 * lesson the lab opens on, at step 0, in English, drawn by the same components as the live page. `index.html` shows
 * it while the app's JavaScript loads and runs; the app's first render replaces it (React clears the root it
 * renders into). Until then it is `inert`: it looks like the lab and takes no input.
 *
 * A page that would show something else — a share link, another language — drops it before it is painted
 * (`keepsFirstScreen`, inlined into `index.html`), so nobody sees a picture the app would not show.
 */
import { renderToString } from "react-dom/server";
import { createLab, type LabEnvironment } from "./app/createLab";
import { pageServices } from "./app/pageServices";
import type { Scheduler } from "./app/scheduler";
import { App } from "./ui/App";
import { type CanvasSize, CanvasSizeContext } from "./ui/flow/canvasSize";
import { dagrePlacer } from "./ui/flow/dagrePlacer";
import { rememberPlaces } from "./ui/flow/layoutPlacer";

export { FIRST_SCREEN_PLACES } from "./ui/flow/layoutPlacer";

import { type Box, type LayoutGraph, layoutGraphOf, layoutTopology } from "./ui/flow/layoutTopology";
import { FIT_VIEW_OPTIONS } from "./ui/flow/TopologyCanvas";
import { LabProvider } from "./ui/LabContext";
import { LanguageProvider } from "./ui/language";

/** Nothing is scheduled at build time: no playback, no URL writes, no warm-up. */
const idle: Scheduler = {
  now: () => 0,
  setTimeout: () => 0,
  clearTimeout: () => {},
  requestAnimationFrame: () => 0,
  cancelAnimationFrame: () => {},
  requestIdleCallback: () => 0,
  cancelIdleCallback: () => {},
  prefersReducedMotion: () => true,
};

const buildEnvironment: LabEnvironment = {
  location: { hash: "", href: "http://localhost/" },
  history: { replaceState: () => {}, pushState: () => {} },
  events: { addEventListener: () => {}, removeEventListener: () => {} },
  scheduler: idle,
};

export interface FirstScreen {
  html: string;
  /** The canvas's graph and its places, for the page to lay it out without the layout library. */
  places: [LayoutGraph, [string, { x: number; y: number }][]];
  /** The box around the canvas's nodes, and how the view is fitted to it: for `fitFirstScreen`. */
  bounds: Box;
  fit: typeof FIT_VIEW_OPTIONS;
}

/**
 * The first lesson's screen, with the canvas fitted to `canvas` (the canvas of a 1440 × 900 window; the page refits
 * it to the real one before painting, see `fitFirstScreen`).
 */
export function renderFirstScreen(canvas: CanvasSize): FirstScreen {
  const lab = createLab(buildEnvironment, pageServices().services);
  try {
    const simulation = lab.store.getState().shown?.open.simulation;
    if (!simulation) throw new Error("the first lesson did not open");
    const graph = layoutGraphOf(simulation);
    const places = dagrePlacer(graph);
    rememberPlaces(graph, places);
    const boxes = [...layoutTopology(simulation, () => places).boxes.values()];
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    const bounds = {
      x,
      y,
      width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
      height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
    };
    // React renders a store's *initial* state on the server (zustand's server snapshot): here, the opened lab.
    const opened = { ...lab, store: { ...lab.store, getInitialState: lab.store.getState } };
    const html = renderToString(
      <LanguageProvider initial="en">
        <LabProvider lab={opened}>
          <CanvasSizeContext.Provider value={canvas}>
            <App />
          </CanvasSizeContext.Provider>
        </LabProvider>
      </LanguageProvider>,
    );
    return { html, places: [graph, [...places]], bounds, fit: FIT_VIEW_OPTIONS };
  } finally {
    lab.dispose();
  }
}

/**
 * Whether the page would open on what the first screen shows: the first lesson (no share link in the fragment) in
 * English (`pickLanguage` in `src/ui/language.tsx`: `?lang=` first, then the browser's preferred languages).
 * Self-contained, because `index.html` runs its source before any module loads.
 */
export function keepsFirstScreen(search: string, hash: string, preferred: readonly string[]): boolean {
  if (hash.length > 1) return false;
  const known = (tag: string | null | undefined) => {
    const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
    return primary === "en" || primary === "ja" ? primary : null;
  };
  let language = known(new URLSearchParams(search).get("lang"));
  for (let i = 0; language === null && i < preferred.length; i++) language = known(preferred[i]);
  return (language ?? "en") === "en";
}

/**
 * Fits the first screen's canvas to the window it is shown in, as React Flow's `fitView` does (`padding`,
 * `maxZoom`): `bounds` is the box around every node, in flow coordinates. Self-contained, inlined like
 * `keepsFirstScreen`.
 */
export function fitFirstScreen(
  bounds: { x: number; y: number; width: number; height: number },
  padding: number,
  maxZoom: number,
): void {
  const pane = document.querySelector<HTMLElement>("#root .react-flow");
  const viewport = document.querySelector<HTMLElement>("#root .react-flow__viewport");
  if (!pane || !viewport) return;
  const { width, height } = pane.getBoundingClientRect();
  const zoom = Math.min(
    maxZoom,
    width / (bounds.width * (1 + padding)),
    height / (bounds.height * (1 + padding)),
  );
  const x = width / 2 - (bounds.x + bounds.width / 2) * zoom;
  const y = height / 2 - (bounds.y + bounds.height / 2) * zoom;
  viewport.style.transform = `translate(${x}px, ${y}px) scale(${zoom})`;
}
