/**
 * Wires the lab for a page: the store, playback, URL sync and the idle-time frame warm-up, opened on the link in the location (or the
 * default lesson). `src/main.tsx` calls this once and hands the result to the UI.
 */

import { warmFrames } from "./frameWarmup";
import type { LabServices } from "./labServices";
import { createLabStore, type LabStoreApi } from "./labStore";
import { createPlayback, type Playback } from "./playback";
import { browserScheduler, type Scheduler } from "./scheduler";
import { createUrlSync, openFromLocation, type UrlSync } from "./urlSync";

export interface Lab {
  store: LabStoreApi;
  playback: Playback;
  services: LabServices;
  /** The share link of what is on screen now. */
  shareLink(): string;
  dispose(): void;
}

export interface LabEnvironment {
  location: Pick<Location, "hash" | "href">;
  history: Pick<History, "replaceState" | "pushState">;
  events: Pick<EventTarget, "addEventListener" | "removeEventListener">;
  scheduler: Scheduler;
}

/** The page's own window, history and clock. */
export function browserEnvironment(): LabEnvironment {
  return {
    location: window.location,
    history: window.history,
    events: window,
    scheduler: browserScheduler(),
  };
}

/** `services` is `labServices` (everything loaded) in tests, `pageServices().services` on the page. */
export function createLab(environment: LabEnvironment, services: LabServices): Lab {
  const { location, history, events, scheduler } = environment;
  const store = createLabStore(services);
  const playback = createPlayback(store, scheduler);
  const urlSync: UrlSync = createUrlSync({ store, services, location, history, scheduler, events });
  const stopWarmup = warmFrames(store, scheduler);
  openFromLocation(store, location);
  // What is on screen is narrated again once the narration has loaded (at once where it always is).
  void services.loadNarration().then(
    () => store.getState().narrationLoaded(),
    () => {},
  );
  return {
    store,
    playback,
    services,
    shareLink() {
      urlSync.flush();
      return location.href;
    },
    dispose() {
      urlSync.dispose();
      stopWarmup();
      playback.dispose();
    },
  };
}
