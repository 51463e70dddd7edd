/**
 * URL sync: the location's fragment follows the open scenario, its step, the canvas view and the selected record or
 * operator (`#v1/<scenario>/s=<cursor>[/n=<node>[@<task>]][/r=<record>][/v=physical]`, see `shareSettings.ts`), so
 * the address bar is always a share link. Writes use `history.replaceState` (no history entry per step), once the
 * state has been still for `throttleMs` (at most `URL_MAX_WAIT_MS` after a change), when the page is idle (never
 * between a step and its paint), always with the latest state. A fragment the user types or pastes (`hashchange`)
 * opens that link.
 *
 * `location`, `history` and the scheduler are parameters, so tests pass their own.
 */
import type { LabServices } from "./labServices";
import type { LabState } from "./labState";
import type { LabStoreApi } from "./labStore";
import { formatOperatorRef } from "./operatorSelection";
import type { Scheduler } from "./scheduler";
import { formatShareSettings } from "./shareSettings";

export const URL_THROTTLE_MS = 250;
/**
 * While the state keeps changing (playing, dragging the scrubber) the address waits, but never longer than this:
 * writing it costs the browser a style pass (SVG references such as the edges' markers resolve against the URL).
 */
export const URL_MAX_WAIT_MS = 2000;
/** A write waits for an idle moment at most this long (a page that is never idle still gets its link). */
const IDLE_TIMEOUT_MS = 1000;

export interface UrlSyncOptions {
  store: LabStoreApi;
  services: Pick<LabServices, "encodeLink">;
  location: Pick<Location, "hash" | "href">;
  history: Pick<History, "replaceState">;
  scheduler: Pick<
    Scheduler,
    "now" | "setTimeout" | "clearTimeout" | "requestIdleCallback" | "cancelIdleCallback"
  >;
  /** Where `hashchange` is listened for (the window); omit to not follow typed links. */
  events?: Pick<EventTarget, "addEventListener" | "removeEventListener">;
  throttleMs?: number;
}

export interface UrlSync {
  /** Writes the current state now, if a write is pending. */
  flush(): void;
  dispose(): void;
}

/** The fragment of `hash` without its `#`, or null when there is none. */
export function fragmentOf(hash: string): string | null {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  return fragment === "" ? null : fragment;
}

/** The fragment (without `#`) for a state, or null when no scenario is open (a broken link stays as it was). */
export function formatFragment(state: LabState, services: Pick<LabServices, "encodeLink">): string | null {
  if (!state.open) return null;
  const settings = formatShareSettings({
    view: state.view,
    record: state.selection?.record ?? null,
    operator: state.operator ? formatOperatorRef(state.operator) : null,
  });
  return services.encodeLink(state.open.scenario, state.cursor, settings);
}

/** Opens what the location points at: its share link, or the default lesson. */
export function openFromLocation(store: LabStoreApi, location: Pick<Location, "hash">): void {
  const fragment = fragmentOf(location.hash);
  if (fragment === null) store.getState().defaultLessonRequested();
  else store.getState().linkOpened(fragment);
}

export function createUrlSync(options: UrlSyncOptions): UrlSync {
  const { store, services, location, history, scheduler, events } = options;
  const throttleMs = options.throttleMs ?? URL_THROTTLE_MS;
  /** The quiet period's timer, then the idle callback that writes; null when no write is pending. */
  let timer: number | null = null;
  let idle: number | null = null;
  /** When the first change not yet written happened. */
  let pendingSince = 0;
  /** The fragment we last wrote, to tell our own writes from the user's. */
  let written = fragmentOf(location.hash);

  const write = () => {
    timer = null;
    idle = null;
    const state = store.getState();
    // While a run is in progress the address keeps the link being opened; the run's end writes what is shown.
    if (state.loading !== null) return;
    const fragment = formatFragment(state, services);
    if (fragment === null || fragment === written) return;
    written = fragment;
    const url = location.href.replace(/#.*$/, "");
    history.replaceState(null, "", `${url}#${fragment}`);
  };

  const cancel = () => {
    if (timer !== null) scheduler.clearTimeout(timer);
    if (idle !== null) scheduler.cancelIdleCallback(idle);
    timer = null;
    idle = null;
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.open === previous.open &&
      state.cursor === previous.cursor &&
      state.view === previous.view &&
      state.selection === previous.selection &&
      state.operator === previous.operator &&
      state.loading === previous.loading
    )
      return;
    if (idle !== null) return; // a write is about to happen, with the latest state
    const now = scheduler.now();
    if (timer === null) pendingSince = now;
    else scheduler.clearTimeout(timer);
    // Written once the state has been still for `throttleMs`, or `URL_MAX_WAIT_MS` after the first change.
    const wait = Math.max(0, Math.min(throttleMs, pendingSince + URL_MAX_WAIT_MS - now));
    timer = scheduler.setTimeout(() => {
      timer = null;
      idle = scheduler.requestIdleCallback(write, IDLE_TIMEOUT_MS);
    }, wait);
  });

  const onHashChange = () => {
    const fragment = fragmentOf(location.hash);
    if (fragment === written) return;
    written = fragment;
    openFromLocation(store, location);
  };
  events?.addEventListener("hashchange", onHashChange);

  return {
    flush() {
      if (timer === null && idle === null) return;
      cancel();
      write();
    },
    dispose() {
      unsubscribe();
      cancel();
      events?.removeEventListener("hashchange", onHashChange);
    },
  };
}
