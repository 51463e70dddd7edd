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

/**
 * A location and session history that behave like the browser's for fragments: `pushState` adds an entry after the
 * current one (dropping those ahead), `replaceState` rewrites it; Back and Forward move between entries and fire
 * `popstate` (and `hashchange` when the fragment differs); editing the address adds an entry and fires both.
 */
function fakeLocation(href = "https://topolab.example/lab/") {
  const entries = [href];
  let index = 0;
  /** Every URL written, in order; `pushes` only those written as a new entry. */
  const writes: string[] = [];
  const pushes: string[] = [];
  const listeners = new Map<string, Set<() => void>>();
  const fire = (type: string) => {
    for (const listener of listeners.get(type) ?? []) listener();
  };
  const hashOf = (url: string) => {
    const at = url.indexOf("#");
    return at < 0 ? "" : url.slice(at);
  };
  const location = {
    get href() {
      return entries[index]!;
    },
    get hash() {
      return hashOf(entries[index]!);
    },
  };
  const history = {
    replaceState(_data: unknown, _unused: string, url?: string | URL | null) {
      entries[index] = String(url);
      writes.push(String(url));
    },
    pushState(_data: unknown, _unused: string, url?: string | URL | null) {
      entries.splice(index + 1, entries.length, String(url));
      index += 1;
      writes.push(String(url));
      pushes.push(String(url));
    },
  };
  const events = {
    addEventListener: (type: string, listener: () => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    removeEventListener: (type: string, listener: () => void) => listeners.get(type)?.delete(listener),
  };
  const traverse = (delta: number) => {
    const before = location.hash;
    index = Math.min(entries.length - 1, Math.max(0, index + delta));
    fire("popstate");
    if (location.hash !== before) fire("hashchange");
  };
  /** The user edits the address bar. */
  const navigate = (hash: string) => {
    entries.splice(index + 1, entries.length, location.href.replace(/#.*$/, "") + hash);
    index += 1;
    fire("popstate");
    fire("hashchange");
  };
  return {
    location,
    history,
    events: events as never,
    writes,
    pushes,
    navigate,
    back: () => traverse(-1),
    forward: () => traverse(1),
    /** The session history's URLs, and which one is current. */
    entries: () => ({ urls: [...entries], index }),
  };
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
    expect(store.getState().shown?.open.lessonId).toBe(labServices.lessons[0]!.id);
  });

  it("opens the link in the location at its step", () => {
    const lesson = labServices.load(labServices.lessons[1]!.scenario);
    if (!lesson.ok) throw new Error("lesson does not load");
    const { store, location } = setup(
      `https://topolab.example/#${labServices.encodeLink(lesson.scenario, 9)}`,
    );
    openFromLocation(store, location);
    expect(store.getState().shown?.cursor).toBe(9);
    expect(store.getState().shown?.open.lessonId).toBe(labServices.lessons[1]!.id);
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
    const open = store.getState().shown?.open;
    // A browser fires no hashchange for replaceState, but even a stray event for our own write changes nothing.
    navigate(location.hash);
    expect(store.getState().shown?.open).toBe(open);
    expect(store.getState().shown?.cursor).toBe(2);
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
    expect(other.getState().shown?.cursor).toBe(12);
    expect(other.getState().view).toBe("physical");
    expect(other.getState().selection?.record).toBe(0);
  });

  it("opens a link with a bad view or a record the run does not have, ignoring just those", () => {
    const base = labServices.encodeLink(lesson.scenario, 5);
    const store = createLabStore(labServices);
    store.getState().viewChanged("physical");
    store.getState().linkOpened(`#${base}/r=99999/v=sideways`);
    expect(store.getState().problem).toBeNull();
    expect(store.getState().shown?.cursor).toBe(5);
    expect(store.getState().view).toBe("logical");
    expect(store.getState().selection).toBeNull();
  });

  it("writes the selected operator into the fragment instead of a record, and reads it back", () => {
    const { store, scheduler, writes } = setup();
    store.getState().lessonChosen("crash-recovery");
    store.getState().goTo(12);
    store.getState().recordSelected(0);
    const node = store.getState().shown!.open.simulation.graph.nodes[0]!.id;
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

describe("url sync: history", () => {
  /** A lab opened on the first lesson, its link written into the address. */
  function opened() {
    const browser = setup();
    openFromLocation(browser.store, browser.location);
    browser.scheduler.advance(WRITE_AFTER_MS);
    return browser;
  }
  const lessonOf = (store: ReturnType<typeof setup>["store"]) => store.getState().shown?.open.lessonId;
  const cursorOf = (store: ReturnType<typeof setup>["store"]) => store.getState().shown?.cursor;

  it("takes over an address without a link: the first lesson adds no entry", () => {
    const { entries, pushes, location } = opened();
    expect(pushes).toEqual([]);
    expect(entries()).toEqual({ urls: [location.href], index: 0 });
    expect(location.hash).toMatch(/\/s=0$/);
  });

  it("adds an entry for a lesson chosen in the lab, at once, and none for steps, views or selections", () => {
    const { store, scheduler, entries, pushes } = opened();
    store.getState().lessonChosen("crash-recovery");
    expect(pushes).toHaveLength(1);
    expect(entries().index).toBe(1);
    store.getState().goTo(12);
    store.getState().viewChanged("physical");
    store.getState().recordSelected(0);
    scheduler.advance(WRITE_AFTER_MS);
    store.getState().stepRequested(1);
    scheduler.advance(WRITE_AFTER_MS);
    expect(pushes).toHaveLength(1);
    expect(entries().urls).toHaveLength(2);
    expect(entries().urls[1]).toMatch(/\/s=13\/r=0\/v=physical$/);
  });

  it("goes Back to the scenario before at the step it was left on, and Forward again", () => {
    const { store, scheduler, back, forward, entries } = opened();
    const first = lessonOf(store);
    store.getState().goTo(5);
    scheduler.advance(WRITE_AFTER_MS);
    store.getState().lessonChosen("crash-recovery");
    store.getState().goTo(9);
    scheduler.advance(WRITE_AFTER_MS);

    back();
    expect(lessonOf(store)).toBe(first);
    expect(cursorOf(store)).toBe(5);
    scheduler.advance(WRITE_AFTER_MS * 4);
    expect(entries()).toMatchObject({ index: 0 });
    expect(entries().urls).toHaveLength(2);

    forward();
    expect(lessonOf(store)).toBe("crash-recovery");
    expect(cursorOf(store)).toBe(9);
    scheduler.advance(WRITE_AFTER_MS * 4);
    expect(entries()).toMatchObject({ index: 1 });
    expect(entries().urls).toHaveLength(2);
  });

  it("gives the entry it leaves its last step, even one not written yet", () => {
    const { store, back } = opened();
    store.getState().goTo(7);
    store.getState().lessonChosen("crash-recovery");
    back();
    expect(cursorOf(store)).toBe(7);
  });

  it("keeps a broken link in history when the first lesson is opened instead", () => {
    const { store, location, pushes, back, forward } = setup("https://topolab.example/#v1/garbage!!");
    openFromLocation(store, location);
    expect(store.getState().problem?.kind).toBe("link");
    store.getState().defaultLessonRequested();
    expect(pushes).toHaveLength(1);
    expect(lessonOf(store)).toBe(labServices.lessons[0]!.id);

    back();
    expect(location.hash).toBe("#v1/garbage!!");
    expect(store.getState().problem?.kind).toBe("link");
    forward();
    expect(lessonOf(store)).toBe(labServices.lessons[0]!.id);
  });

  it("adds no entry for a link the address already holds (typed, pasted, or Back)", () => {
    const lesson = labServices.load(labServices.lessons[2]!.scenario);
    if (!lesson.ok) throw new Error("lesson does not load");
    const { store, scheduler, navigate, pushes, entries } = opened();
    navigate(`#${labServices.encodeLink(lesson.scenario, 4)}`);
    expect(lessonOf(store)).toBe(labServices.lessons[2]!.id);
    scheduler.advance(WRITE_AFTER_MS);
    expect(pushes).toEqual([]);
    expect(entries()).toMatchObject({ index: 1 });
    expect(entries().urls).toHaveLength(2);
  });

  it("drops a write still pending when Back is pressed, instead of writing it into the other entry", () => {
    const { store, scheduler, back, entries } = opened();
    store.getState().lessonChosen("crash-recovery");
    const chosen = entries().urls[1];
    store.getState().goTo(3);
    back();
    scheduler.advance(WRITE_AFTER_MS * 4);
    expect(entries().urls[0]).toMatch(/\/s=0$/);
    expect(entries().urls[1]).toBe(chosen);
    expect(lessonOf(store)).toBe(labServices.lessons[0]!.id);
  });

  it("follows Forward at once after Back, even while the link Back opened is still being simulated or written", async () => {
    const workers = fakeWorkers();
    const { store, scheduler, location, back, forward, entries } = setup(undefined, {
      ...labServices,
      createWorker: workers.factory,
    });
    openFromLocation(store, location);
    store.getState().goTo(3);
    scheduler.advance(WRITE_AFTER_MS);
    store.getState().lessonChosen("crash-recovery");
    store.getState().goTo(2);
    scheduler.advance(WRITE_AFTER_MS);
    const [left, chosen] = entries().urls;

    back(); // a link: simulated on a worker, the lesson chosen stays on screen meanwhile
    expect(store.getState().loading).not.toBeNull();
    scheduler.advance(WRITE_AFTER_MS * 2); // the address waits while the run goes on
    workers.started.at(-1)!.reply({ type: "progress", done: 1, total: 2, steps: 5 });
    workers.started.at(-1)!.answer();
    await Promise.resolve();
    await Promise.resolve();
    expect(lessonOf(store)).toBe(labServices.lessons[0]!.id);
    expect(cursorOf(store)).toBe(3);
    // The entry Back opened still holds its own link: the lesson that was on screen is not written into it.
    expect(entries()).toEqual({ urls: [left, chosen], index: 0 });

    forward();
    expect(store.getState().loading).not.toBeNull();
    workers.started.at(-1)!.answer();
    await Promise.resolve();
    await Promise.resolve();
    expect(lessonOf(store)).toBe("crash-recovery");
    expect(cursorOf(store)).toBe(2);
    scheduler.advance(WRITE_AFTER_MS * 4);
    expect(entries()).toEqual({ urls: [left, chosen], index: 1 });
  });

  it("gives the entry it leaves its last step when the next scenario is simulated on a worker", async () => {
    const workers = fakeWorkers();
    const { store, scheduler, location, back, entries } = setup(undefined, {
      ...labServices,
      createWorker: workers.factory,
    });
    openFromLocation(store, location);
    store.getState().lessonChosen("crash-recovery");
    store.getState().goTo(4); // not written yet when the file is opened
    store.getState().scenarioOpened(generatedScenario(30));
    workers.started.at(-1)!.answer();
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().shown?.open.scenario.title).toBe("30 generated records");
    expect(entries().urls[1]).toMatch(/\/s=4$/);
    back();
    workers.started.at(-1)!.answer();
    await Promise.resolve();
    await Promise.resolve();
    scheduler.advance(WRITE_AFTER_MS);
    expect(lessonOf(store)).toBe("crash-recovery");
    expect(cursorOf(store)).toBe(4);
  });

  it("stops following Back and Forward once disposed", () => {
    const { store, sync, back } = opened();
    store.getState().lessonChosen("crash-recovery");
    sync.dispose();
    back();
    expect(lessonOf(store)).toBe("crash-recovery");
  });
});
