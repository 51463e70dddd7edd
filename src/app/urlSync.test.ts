import { describe, expect, it } from "vitest";
import { type LabServices, labServices } from "./labServices";
import { createLabStore } from "./labStore";
import { fakeScheduler, IDLE_AFTER_MS } from "./testing/fakeScheduler";
import { fakeWorkers, generatedScenario } from "./testing/fakeWorker";
import {
  createUrlSync,
  formatFragment,
  fragmentOf,
  openFromLocation,
  URL_MAX_WAIT_MS,
  URL_THROTTLE_MS,
} from "./urlSync";

/** A change reaches the address bar after the throttle period, at the next idle moment. */
const WRITE_AFTER_MS = URL_THROTTLE_MS + IDLE_AFTER_MS;

/** A location and history that behave like the browser's for fragments. */
function fakeLocation(href = "https://topolab.example/lab/") {
  const writes: string[] = [];
  const listeners = new Set<() => void>();
  const location = {
    href,
    get hash() {
      const at = location.href.indexOf("#");
      return at < 0 ? "" : location.href.slice(at);
    },
  };
  const history = {
    replaceState(_data: unknown, _unused: string, url?: string | URL | null) {
      location.href = String(url);
      writes.push(String(url));
    },
  };
  const events = {
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  /** The user edits the address bar. */
  const navigate = (hash: string) => {
    location.href = location.href.replace(/#.*$/, "") + hash;
    for (const listener of listeners) listener();
  };
  return { location, history, events: events as never, writes, navigate };
}

function setup(href?: string, services: LabServices = labServices) {
  const scheduler = fakeScheduler();
  const store = createLabStore(services);
  const browser = fakeLocation(href);
  const sync = createUrlSync({ store, services: labServices, scheduler, ...browser });
  return { scheduler, store, sync, ...browser };
}

describe("url sync: reading", () => {
  it("reads a fragment with or without its #, and none from an empty hash", () => {
    expect(fragmentOf("#v1/abc/s=3")).toBe("v1/abc/s=3");
    expect(fragmentOf("v1/abc/s=3")).toBe("v1/abc/s=3");
    expect(fragmentOf("#")).toBeNull();
    expect(fragmentOf("")).toBeNull();
  });

  it("opens the first lesson when the location has no fragment", () => {
    const { store, location } = setup();
    openFromLocation(store, location);
    expect(store.getState().open?.lessonId).toBe(labServices.lessons[0]!.id);
  });

  it("opens the link in the location at its step", () => {
    const lesson = labServices.load(labServices.lessons[1]!.scenario);
    if (!lesson.ok) throw new Error("lesson does not load");
    const { store, location } = setup(
      `https://topolab.example/#${labServices.encodeLink(lesson.scenario, 9)}`,
    );
    openFromLocation(store, location);
    expect(store.getState().cursor).toBe(9);
    expect(store.getState().open?.lessonId).toBe(labServices.lessons[1]!.id);
  });

  it("opens a link the user types into the address bar", () => {
    const { store, navigate } = setup();
    navigate("#v1/garbage!!");
    expect(store.getState().problem?.kind).toBe("link");
  });
});

describe("url sync: writing", () => {
  it("formats the open scenario and cursor with the share codec, and nothing when no scenario is open", () => {
    const store = createLabStore(labServices);
    expect(formatFragment(store.getState(), labServices)).toBeNull();
    store.getState().defaultLessonRequested();
    store.getState().goTo(4);
    const fragment = formatFragment(store.getState(), labServices)!;
    expect(fragment).toMatch(/^v1\/.+\/s=4$/);
    expect(labServices.decodeLink(fragment)).toMatchObject({ ok: true, cursor: 4 });
  });

  it("replaces the URL once the steps have been still for the throttle period, with the latest step", () => {
    const { scheduler, store, writes, location } = setup();
    openFromLocation(store, location);
    for (let i = 0; i < 5; i++) store.getState().stepRequested(1);
    expect(writes).toHaveLength(0);
    scheduler.advance(URL_THROTTLE_MS - 1);
    expect(writes).toHaveLength(0);
    store.getState().stepRequested(1);
    store.getState().stepRequested(-1);
    scheduler.advance(WRITE_AFTER_MS);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^https:\/\/topolab\.example\/lab\/#v1\/.+\/s=5$/);
    store.getState().stepRequested(1);
    scheduler.advance(WRITE_AFTER_MS);
    expect(writes).toHaveLength(2);
    expect(location.hash).toMatch(/\/s=6$/);
  });

  it("writes at least every two seconds while the steps keep coming (playing, dragging the scrubber)", () => {
    const { scheduler, store, writes, location } = setup();
    openFromLocation(store, location);
    for (let t = 0; t < URL_MAX_WAIT_MS + 200; t += 100) {
      store.getState().stepRequested(1);
      scheduler.advance(100);
    }
    expect(writes).toHaveLength(1);
    expect(location.hash).toMatch(/\/s=2[01]$/);
  });

  it("waits for an idle moment after the throttle period, so a step is painted before the URL is written", () => {
    const { scheduler, store, writes, location } = setup();
    openFromLocation(store, location);
    store.getState().goTo(3);
    scheduler.advance(URL_THROTTLE_MS);
    expect(writes).toHaveLength(0);
    scheduler.advance(IDLE_AFTER_MS);
    expect(writes.at(-1)).toMatch(/\/s=3$/);
  });

  it("writes pending changes at once on flush (before copying a link)", () => {
    const { store, writes, sync, location } = setup();
    openFromLocation(store, location);
    store.getState().goTo(3);
    sync.flush();
    expect(writes.at(-1)).toMatch(/\/s=3$/);
  });

  it("leaves a broken link in place so the user can see what they opened", () => {
    const { scheduler, store, writes, location } = setup("https://topolab.example/#v1/garbage!!");
    openFromLocation(store, location);
    scheduler.advance(URL_THROTTLE_MS * 4);
    expect(writes).toHaveLength(0);
    expect(location.hash).toBe("#v1/garbage!!");
  });

  it("keeps a link being simulated in the address bar, and writes what is shown again once it is cancelled", () => {
    const workers = fakeWorkers();
    const { scheduler, store, location, navigate, writes } = setup(undefined, {
      ...labServices,
      createWorker: workers.factory,
    });
    openFromLocation(store, location);
    store.getState().goTo(2);
    scheduler.advance(WRITE_AFTER_MS);
    const lessonLink = location.hash;
    const loaded = labServices.load(generatedScenario(30));
    if (!loaded.ok) throw new Error("the scenario does not load");
    const heavyLink = `#${labServices.encodeLink(loaded.scenario, 0)}`;
    navigate(heavyLink);
    store.getState().stepRequested(1); // the lesson, still on screen, moves while the link runs
    scheduler.advance(WRITE_AFTER_MS * 4);
    expect(location.hash).toBe(heavyLink);

    const written = writes.length;
    store.getState().runCancelled();
    scheduler.advance(WRITE_AFTER_MS);
    expect(writes).toHaveLength(written + 1);
    expect(location.hash).toBe(lessonLink.replace("/s=2", "/s=3"));
  });

  it("does not reopen the scenario for its own writes", () => {
    const { scheduler, store, location, navigate } = setup();
    openFromLocation(store, location);
    store.getState().goTo(2);
    scheduler.advance(WRITE_AFTER_MS);
    const open = store.getState().open;
    // A browser fires no hashchange for replaceState, but even a stray event for our own write changes nothing.
    navigate(location.hash);
    expect(store.getState().open).toBe(open);
    expect(store.getState().cursor).toBe(2);
  });
});

describe("url sync: the view and the selection", () => {
  const lesson = labServices.load(labServices.lessons.find((l) => l.id === "crash-recovery")!.scenario);
  if (!lesson.ok) throw new Error("lesson does not load");

  it("writes the physical view and the selected record into the fragment, and reads them back", () => {
    const { store, scheduler, writes } = setup();
    store.getState().lessonChosen("crash-recovery");
    store.getState().goTo(12);
    store.getState().viewChanged("physical");
    store.getState().recordSelected(0);
    scheduler.advance(WRITE_AFTER_MS);
    const fragment = formatFragment(store.getState(), labServices)!;
    expect(fragment).toMatch(/\/s=12\/r=0\/v=physical$/);
    expect(writes.at(-1)).toContain(fragment);

    const other = createLabStore(labServices);
    other.getState().linkOpened(`#${fragment}`);
    expect(other.getState().cursor).toBe(12);
    expect(other.getState().view).toBe("physical");
    expect(other.getState().selection?.record).toBe(0);
  });

  it("opens a link with a bad view or a record the run does not have, ignoring just those", () => {
    const base = labServices.encodeLink(lesson.scenario, 5);
    const store = createLabStore(labServices);
    store.getState().viewChanged("physical");
    store.getState().linkOpened(`#${base}/r=99999/v=sideways`);
    expect(store.getState().problem).toBeNull();
    expect(store.getState().cursor).toBe(5);
    expect(store.getState().view).toBe("logical");
    expect(store.getState().selection).toBeNull();
  });

  it("writes the selected operator into the fragment instead of a record, and reads it back", () => {
    const { store, scheduler, writes } = setup();
    store.getState().lessonChosen("crash-recovery");
    store.getState().goTo(12);
    store.getState().recordSelected(0);
    const node = store.getState().open!.simulation.graph.nodes[0]!.id;
    store.getState().operatorSelected({ node, task: "0_1" });
    scheduler.advance(WRITE_AFTER_MS);
    const fragment = formatFragment(store.getState(), labServices)!;
    expect(fragment).toMatch(new RegExp(`/s=12/n=${node}%400_1$`));
    expect(writes.at(-1)).toContain(fragment);

    const other = createLabStore(labServices);
    other.getState().linkOpened(`#${fragment}`);
    expect(other.getState().operator).toEqual({ node, task: "0_1" });
    expect(other.getState().selection).toBeNull();

    store.getState().operatorSelected(null);
    scheduler.advance(WRITE_AFTER_MS);
    expect(writes.at(-1)).toMatch(/\/s=12$/);
  });

  it("leaves a logical view with nothing selected out of the fragment", () => {
    const { store } = setup();
    store.getState().lessonChosen("crash-recovery");
    expect(formatFragment(store.getState(), labServices)).toMatch(/\/s=0$/);
  });
});
