/**
 * `npm run -s bench:ui [-- --json]`: the lab's speed in headless Chromium, measured on the production build.
 *
 * Builds the app (or reuses `dist/` when it is newer than every source), serves it with `vite preview`, and drives
 * Chromium (Debian's `/usr/bin/chromium`, or `TOPOLAB_CHROMIUM`, as in `playwright.config.ts`) with Playwright:
 * - `initialJsGzipKb`: gzip size of the JavaScript `index.html` loads before anything runs (its entry script and
 *   every `modulepreload`ed chunk), in kB (1,000 bytes, as Vite prints them), zlib's default level;
 * - `firstRenderMs`: navigation start → the first animation frame after the built-in lesson's topology nodes are
 *   visible on the canvas (median of several fresh page loads);
 * - `fps5000`: frames per second while playing, at the top speed, the 5,000-record scenario of `uiScenarios.ts`
 *   from the step where all 5,000 records are sent and none is processed yet (median of one-second windows);
 * - `seekPaintMs`: on a 100,000-record run, the time from setting the scrubber to a random step to the next
 *   animation frame, by when the new step is rendered (median of several jumps);
 * - `clickLatencyDuringRunMs`: while the worker simulates a 2,000,000-record link, the longest of several clicks'
 *   time from the input reaching the page to the next animation frame.
 * Without `--json`, a table with the goals; with it, one JSON object with those five keys.
 *
 * `--million` measures a finished 1,000,000-record run instead (nothing else): the hand-over (the last progress
 * report to the first frame of the opened run), the longest main-thread task from then until the page settles,
 * the page's JavaScript heap after a garbage collection, and the latency of key presses (← → Home End).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { simulate } from "../src/engine";
import { encodeShareFragment, loadScenario, type Scenario } from "../src/scenario";
import {
  BUSY_RECORDS,
  busyScenario,
  HEAVY_RECORDS,
  heavyScenario,
  LONG_RECORDS,
  longScenario,
  MILLION_RECORDS,
  millionScenario,
} from "./uiScenarios";

const json = process.argv.slice(2).includes("--json");
const million = process.argv.slice(2).includes("--million");
const ROOT = join(import.meta.dirname, "..");
const PORT = Number(process.env.TOPOLAB_BENCH_PORT ?? 4391);
const BASE = `http://127.0.0.1:${PORT}/`;
const VITE = join(ROOT, "node_modules", "vite", "bin", "vite.js");
const FIRST_RENDER_RUNS = 7;
const FPS_SECONDS = 6;
const SEEKS = 40;
const CLICKS = 10;
const GOALS = {
  fps5000: 58,
  firstRenderMs: 300,
  seekPaintMs: 16,
  initialJsGzipKb: 200,
  clickLatencyDuringRunMs: 100,
};

const log = (message: string) => process.stderr.write(`bench:ui: ${message}\n`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The newest modification time under `path` (a file or a folder). */
function newest(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function ensureBuild(): void {
  const built = statSync(join(ROOT, "dist", "index.html"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = ["src", "public", "index.html", "vite.config.ts", "package.json", "package-lock.json"];
  if (built > Math.max(...sources.map((s) => newest(join(ROOT, s))))) {
    log("dist/ is up to date");
    return;
  }
  log("building…");
  const result = spawnSync(process.execPath, [VITE, "build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: ["ignore", 2, 2], // stdout carries only the result
  });
  if (result.status !== 0) throw new Error("vite build failed");
}

/** kB (1,000 bytes, as Vite reports sizes) of gzip over the entry script and every modulepreloaded chunk of `dist/index.html`. */
function initialJsGzipKb(): number {
  const html = readFileSync(join(ROOT, "dist", "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  let bytes = 0;
  for (const src of [...scripts, ...preloads]) {
    bytes += gzipSync(readFileSync(join(ROOT, "dist", src))).length;
  }
  return bytes / 1000;
}

async function startPreview(): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [VITE, "preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort"],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${BASE}`);
}

/** A share link to `scenario` at `cursor`, after checking that the scenario is valid. */
function linkTo(scenario: Scenario, cursor: number): string {
  const loaded = loadScenario(scenario);
  if (!loaded.ok) throw new Error(`bench scenario is invalid: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  return `${BASE}${encodeShareFragment(loaded.scenario, cursor)}`;
}

/** The busy scenario's link, at its first fetch: every record sent, none processed. */
function busyLink(): { url: string; cursor: number; inFlight: number } {
  const scenario = busyScenario();
  const loaded = loadScenario(scenario);
  if (!loaded.ok) throw new Error("busy scenario is invalid");
  const simulation = simulate(loaded.model);
  let cursor = 0;
  while (cursor < simulation.stepCount && simulation.step(cursor).kind !== "recordFetched") cursor++;
  const frame = simulation.frameAt(cursor);
  const inFlight = Object.values(frame.logEnd).reduce(
    (sum, ends) => sum + ends.reduce((a, b) => a + b, 0),
    0,
  );
  return { url: linkTo(scenario, cursor), cursor, inFlight };
}

/** Records, in the page, when the first topology node is visible and the frame after it. */
const FIRST_PAINT_PROBE = `
  new MutationObserver((_, observer) => {
    const node = document.querySelector(".react-flow__node");
    if (!node || getComputedStyle(node).visibility === "hidden") return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstPaintMs = performance.now(); });
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

async function measureFirstRender(newPage: () => Promise<Page>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < FIRST_RENDER_RUNS; i++) {
    const page = await newPage();
    await page.addInitScript(FIRST_PAINT_PROBE);
    await page.goto(BASE);
    await page.waitForFunction(() => (window as { __firstPaintMs?: number }).__firstPaintMs !== undefined);
    times.push(await page.evaluate(() => (window as unknown as { __firstPaintMs: number }).__firstPaintMs));
    await page.context().close();
  }
  return median(times);
}

async function measureFps(page: Page, url: string): Promise<{ fps: number; nodes: number }> {
  await page.goto(url);
  await page.getByRole("button", { name: "Play", exact: true }).waitFor();
  // A link's graph is laid out once the layout library has loaded.
  await page.locator(".react-flow__node").first().waitFor();
  const nodes = await page.locator(".react-flow__node").count();
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ index: 4 });
  await page.getByRole("button", { name: "Play", exact: true }).click();
  const perSecond = await page.evaluate(async (seconds) => {
    const stamps: number[] = [];
    await new Promise<void>((resolve) => {
      const onFrame = (now: number) => {
        stamps.push(now);
        if (now - stamps[0]! < seconds * 1000) requestAnimationFrame(onFrame);
        else resolve();
      };
      requestAnimationFrame(onFrame);
    });
    const counts = new Array<number>(seconds).fill(0);
    for (const at of stamps) {
      const second = Math.floor((at - stamps[0]!) / 1000);
      if (second < seconds) counts[second]!++;
    }
    return counts;
  }, FPS_SECONDS);
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  return { fps: median(perSecond), nodes };
}

/** Medians over the jumps: to the next frame, and of the synchronous part (the event handler and React's render). */
async function measureSeek(page: Page, url: string): Promise<{ paintMs: number; renderMs: number }> {
  await page.goto(url);
  await page.getByRole("slider", { name: "Step" }).waitFor({ timeout: 120_000 });
  await page.locator(".react-flow__node").first().waitFor();
  return page.evaluate(async (seeks) => {
    const scrubber = document.querySelector<HTMLInputElement>('input[type="range"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    const total = Number(scrubber.max);
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const times: number[] = [];
    const renders: number[] = [];
    for (let i = 0; i < seeks; i++) {
      // Start each jump at a random point of the frame, as a user's drag does.
      await frame();
      await new Promise((resolve) => setTimeout(resolve, random() * 16));
      const target = Math.floor(random() * total);
      const start = performance.now();
      setValue.call(scrubber, String(target));
      scrubber.dispatchEvent(new Event("input", { bubbles: true }));
      renders.push(performance.now() - start);
      await frame();
      times.push(performance.now() - start);
      if (Number(scrubber.value) !== target) throw new Error(`the scrubber did not move to ${target}`);
    }
    const middle = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
    return { paintMs: middle(times), renderMs: middle(renders) };
  }, SEEKS);
}

/**
 * Per click on the page (in the capture phase, before any handler): ms from the input reaching the page
 * (`event.timeStamp`) to the next animation frame, by when its handlers have run and what they changed is rendered.
 */
const CLICK_PROBE = `
  window.__clicks = [];
  document.addEventListener("click", (event) => {
    const at = event.timeStamp;
    requestAnimationFrame(() => window.__clicks.push(performance.now() - at));
  }, true);
`;

/** The longest of several clicks' latencies while the worker simulates `url`, and the run's step count so far. */
async function measureClicksDuringRun(page: Page, url: string): Promise<{ maxMs: number; medianMs: number }> {
  await page.addInitScript(CLICK_PROBE);
  await page.goto(url);
  const progress = page.getByTestId("simulation-progress");
  // Well under way (a tenth of its records sent), after the page's own start-up work (the chunks it loads when
  // idle): what is timed is the page while the worker runs.
  await page.waitForFunction(
    () => Number(document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow")) >= 10,
    null,
    { timeout: 120_000, polling: 100 },
  );
  const box = await progress.boundingBox();
  if (!box) throw new Error("the progress card has no box");
  for (let i = 0; i < CLICKS; i++) {
    // On the progress card's backdrop, as a user's mouse would (no waiting for the element to be ready).
    await page.mouse.click(box.x + 4 + i, box.y + 4);
    await page.waitForTimeout(150);
  }
  const latencies = await page.evaluate(() => (window as unknown as { __clicks: number[] }).__clicks);
  if (latencies.length !== CLICKS) throw new Error(`${latencies.length} of ${CLICKS} clicks were timed`);
  if ((await progress.count()) === 0)
    throw new Error("the run ended before the clicks did: use a longer run");
  return { maxMs: Math.max(...latencies), medianMs: median(latencies) };
}

/** Everything the page records while the million-record run is simulated and opened. */
const HANDOVER_PROBE = `
  window.__run = { lastProgress: 0, opened: 0, longTasks: [], keys: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__run.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask", buffered: true });
  let seen = false;
  new MutationObserver(() => {
    const bar = document.querySelector('[role="progressbar"]');
    if (bar) {
      seen = true;
      window.__run.lastProgress = performance.now();
    } else if (seen && window.__run.opened === 0) {
      window.__run.opened = -1;
      requestAnimationFrame(() => { window.__run.opened = performance.now(); });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener("keydown", (event) => {
    const at = event.timeStamp;
    requestAnimationFrame(() => window.__run.keys.push(performance.now() - at));
  }, true);
`;

interface MillionRun {
  handOverMs: number;
  longestTaskAfterMs: number;
  heapMb: number;
  keyMedianMs: number;
  keyMaxMs: number;
  steps: number;
}

async function measureMillion(page: Page, url: string): Promise<MillionRun> {
  await page.addInitScript(HANDOVER_PROBE);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __run: { opened: number } }).__run.opened > 0,
    null,
    {
      timeout: 300_000,
      polling: 250,
    },
  );
  // Let the page settle: the frame warm-up and the key index run in idle slices.
  await page.waitForTimeout(15_000);
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? Number.NaN;
  for (const key of [
    "ArrowRight",
    "ArrowRight",
    "ArrowRight",
    "End",
    "ArrowLeft",
    "ArrowLeft",
    "Home",
    "ArrowRight",
  ]) {
    await page.keyboard.press(key);
    await page.waitForTimeout(400);
  }
  await page.waitForTimeout(1000);
  const run = await page.evaluate(
    () =>
      (
        window as unknown as {
          __run: { lastProgress: number; opened: number; longTasks: number[][]; keys: number[] };
        }
      ).__run,
  );
  const total = Number((await page.getByTestId("step-indicator").textContent())?.split("/")[1]);
  const after = run.longTasks
    .filter(([start]) => start! >= run.lastProgress)
    .map(([, duration]) => duration!);
  return {
    handOverMs: run.opened - run.lastProgress,
    longestTaskAfterMs: Math.max(0, ...after),
    heapMb: heap / 1e6,
    keyMedianMs: median(run.keys),
    keyMaxMs: Math.max(...run.keys),
    steps: total,
  };
}

async function mainMillion() {
  ensureBuild();
  const url = linkTo(millionScenario(), 0);
  const server = await startPreview();
  const executable = process.env.TOPOLAB_CHROMIUM ?? "/usr/bin/chromium";
  const browser = await chromium.launch({
    ...(executable === "bundled" ? {} : { executablePath: executable }),
    args: ["--disable-gpu", "--disable-quic"],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.addInitScript("globalThis.__name = (fn) => fn;");
    log(`a finished ${MILLION_RECORDS.toLocaleString("en-US")}-record run…`);
    const run = await measureMillion(page, url);
    const result = {
      handOverMs: round1(run.handOverMs),
      longestTaskAfterMs: round1(run.longestTaskAfterMs),
      heapMb: round1(run.heapMb),
      keyMedianMs: round1(run.keyMedianMs),
      keyMaxMs: round1(run.keyMaxMs),
    };
    if (json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(58)}${value}\n`);
    line("steps", run.steps.toLocaleString("en-US"));
    line("hand-over: last progress → opened run's frame, ms", String(result.handOverMs));
    line("  longest main-thread task from then on, ms", String(result.longestTaskAfterMs));
    line("JavaScript heap after GC, MB", String(result.heapMb));
    line("key press → next frame, ms (median / max of 8)", `${result.keyMedianMs} / ${result.keyMaxMs}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

async function main() {
  if (million) return mainMillion();
  ensureBuild();
  const jsKb = initialJsGzipKb();
  const busy = busyLink();
  const long = linkTo(longScenario(), 0);
  const heavy = linkTo(heavyScenario(), 0);
  const server = await startPreview();
  const executable = process.env.TOPOLAB_CHROMIUM ?? "/usr/bin/chromium";
  const browser = await chromium.launch({
    ...(executable === "bundled" ? {} : { executablePath: executable }),
    args: ["--disable-gpu", "--disable-quic"],
  });
  try {
    const newPage = async () => {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      // tsx names the functions it compiles with a `__name` helper; the ones sent to the page need it there too.
      await page.addInitScript("globalThis.__name = (fn) => fn;");
      return page;
    };
    log("first render…");
    const firstRenderMs = await measureFirstRender(newPage);
    const page = await newPage();
    log(`fps with ${BUSY_RECORDS.toLocaleString("en-US")} records…`);
    const fps = await measureFps(page, busy.url);
    log(`seeks on ${LONG_RECORDS.toLocaleString("en-US")} records…`);
    // On a page of its own, as each figure is: nothing left over from playing the busy scenario.
    const seek = await measureSeek(await newPage(), long);
    log(`clicks while ${HEAVY_RECORDS.toLocaleString("en-US")} records simulate…`);
    const clicks = await measureClicksDuringRun(await newPage(), heavy);
    const result = {
      fps5000: round1(fps.fps),
      firstRenderMs: round1(firstRenderMs),
      seekPaintMs: round1(seek.paintMs),
      initialJsGzipKb: round1(jsKb),
      clickLatencyDuringRunMs: round1(clicks.maxMs),
    };
    if (json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(58)}${value}\n`);
      const goal = (value: number, limit: number, atLeast = false) =>
        `${value}  (goal ${atLeast ? "≥" : "≤"} ${limit}: ${(atLeast ? value >= limit : value <= limit) ? "met" : "MISSED"})`;
      line(
        "initial JavaScript, kB gzip [initialJsGzipKb]",
        goal(result.initialJsGzipKb, GOALS.initialJsGzipKb),
      );
      line("first render, ms [firstRenderMs]", goal(result.firstRenderMs, GOALS.firstRenderMs));
      line(
        `frames/s playing, ${busy.inFlight.toLocaleString("en-US")} records unprocessed [fps5000]`,
        goal(result.fps5000, GOALS.fps5000, true),
      );
      line("  canvas nodes / start step", `${fps.nodes} / ${busy.cursor}`);
      line("scrubber jump → next frame, ms [seekPaintMs]", goal(result.seekPaintMs, GOALS.seekPaintMs));
      line("  of which the jump's own work (handler + render), ms", `${round1(seek.renderMs)}`);
      line(
        `click → next frame while ${HEAVY_RECORDS.toLocaleString("en-US")} records simulate, ms [clickLatencyDuringRunMs]`,
        goal(result.clickLatencyDuringRunMs, GOALS.clickLatencyDuringRunMs),
      );
      line(`  median of ${CLICKS} clicks, ms`, `${round1(clicks.medianMs)}`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:ui: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
