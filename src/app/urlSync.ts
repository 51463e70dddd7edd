/**
 * URL sync: the location's fragment follows the open scenario, its step, the canvas view and the selected record or
 * operator (`#v1/<scenario>/s=<cursor>[/n=<node>[@<task>]][/r=<record>][/v=physical]`, see `shareSettings.ts`), so
 * the address bar is always a share link.
 *
 * History holds one entry per scenario, the way a browser holds one per page. Another scenario chosen in the lab (a
 * lesson, "Open the first lesson") is a new entry (`history.pushState`, at once), after the entry it leaves has been
 * given its last state; Back and Forward (`popstate`) open the entry's link again, at the step it was left on.
 * Everything else — a step, a jump, the view, a selection, a link the address already holds — rewrites the
 * current entry (`history.replaceState`, no entry per step), once the state has been still for `throttleMs` (at
 * most `URL_MAX_WAIT_MS` after a change), when the page is idle (never between a step and its paint), always with
 * the latest state. A fragment the user types or pastes (`hashchange`) opens that link.
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
  history: Pick<History, "replaceState" | "pushState">;
  scheduler: Pick<
    Scheduler,
    "now" | "setTimeout" | "clearTimeout" | "requestIdleCallback" | "cancelIdleCallback"
  >;
  /** Where `hashchange` and `popstate` are listened for (the window); omit to not follow typed links and Back. */
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
  if (!state.shown) return null;
  const settings = formatShareSettings({
    view: state.view,
    record: state.selection?.record ?? null,
    operator: state.operator ? formatOperatorRef(state.operator) : null,
  });
  return services.encodeLink(state.shown.open.scenario, state.shown.cursor, settings);
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
  /** The current history entry's fragment: the one we last wrote or opened, to tell our own writes from the user's. */
  let written = fragmentOf(location.hash);
  /** True while what the location holds is being opened: the changes that makes are not written back. */
  let following = false;

  /** Writes `state` into the current history entry (`replace`) or a new one (`push`); false when nothing to write. */
  const writeState = (state: LabState, how: "replace" | "push"): boolean => {
    const fragment = formatFragment(state, services);
    if (fragment === null || fragment === written) return false;
    written = fragment;
    const url = `${location.href.replace(/#.*$/, "")}#${fragment}`;
    if (how === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    return true;
  };

  const write = () => {
    timer = null;
    idle = null;
    const state = store.getState();
    // While a run is in progress the address keeps the link being opened; the run's end writes what is shown.
    if (state.loading !== null) return;
    writeState(state, "replace");
  };

  const cancel = () => {
    if (timer !== null) scheduler.clearTimeout(timer);
    if (idle !== null) scheduler.cancelIdleCallback(idle);
    timer = null;
    idle = null;
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.shown?.open.scenario === previous.shown?.open.scenario &&
      state.shown?.cursor === previous.shown?.cursor &&
      state.view === previous.view &&
      state.selection === previous.selection &&
      state.operator === previous.operator &&
      state.loading === previous.loading
    )
      return;
    // Opening what the address holds (Back, Forward, a typed link): the entry already holds it.
    if (following) return;
    if (previous.loading === null && state.loading !== null && (timer !== null || idle !== null)) {
      // A run starts: what was on screen until now is the current entry's last state.
      cancel();
      writeState(previous, "replace");
    }
    if (state.shown?.open.scenario !== previous.shown?.open.scenario) {
      // Leaving a scenario: its entry keeps the state it was left in — unless a run was going on, whose entry may
      // be another one now (Back pressed while it ran): what changed meanwhile is dropped, not written there.
      if (timer !== null || idle !== null) {
        cancel();
        if (previous.loading === null) writeState(previous, "replace");
      }
      // Chosen in the lab, over an entry that holds a link: a new entry, so Back brings that link back. (A link
      // the address holds is already its entry; an address without a fragment, the first screen's, is taken over.)
      if (state.shown && !state.shown.open.fromLink && written !== null && writeState(state, "push")) return;
    }
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

  /** The address now names another entry (Back, Forward) or another link (typed, pasted): open what it holds. */
  const onLocationChanged = () => {
    const fragment = fragmentOf(location.hash);
    if (fragment === written) return;
    // A write still pending belongs to the entry left behind; the location is another entry's now.
    cancel();
    written = fragment;
    following = true;
    try {
      openFromLocation(store, location);
    } finally {
      following = false;
    }
  };
  events?.addEventListener("hashchange", onLocationChanged);
  events?.addEventListener("popstate", onLocationChanged);

  return {
    flush() {
      if (timer === null && idle === null) return;
      cancel();
      write();
    },
    dispose() {
      unsubscribe();
      cancel();
      events?.removeEventListener("hashchange", onLocationChanged);
      events?.removeEventListener("popstate", onLocationChanged);
    },
  };
}
