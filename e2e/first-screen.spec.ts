/**
 * The first screen in a real Chromium: it loads clean, shows the topology, steps, animates records, follows the
 * URL, survives a hostile link and switches lessons. Every test also fails on any console error or warning.
 */
import type { Page } from "@playwright/test";
import { expect, indicator, narration, stepBack, stepForward, test } from "./labTest";

async function openLab(page: Page, url = "/") {
  await page.goto(url);
  await expect(page.getByTestId("node-orders-in")).toBeVisible();
}

/** How many records the lanes of a topic show. */
function recordsIn(page: Page, topic: string) {
  return page.locator(`[data-testid^="partition-${topic}-"] [data-testid="record"]`).count();
}

test("loads without console errors and shows the topology with its partitions", async ({ page }) => {
  await openLab(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Map and filter: a stateless pipeline");
  for (const id of ["orders-in", "add-tax", "large-only", "by-item", "out"]) {
    await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  }
  await expect(page.getByTestId("producer-shop")).toBeVisible();
  await expect(page.getByTestId("topic-orders")).toBeVisible();
  await expect(page.getByTestId("topic-large-orders")).toBeVisible();
  for (const partition of ["orders-0", "orders-1", "large-orders-0", "large-orders-1"]) {
    await expect(page.getByTestId(`partition-${partition}`)).toContainText(partition);
  }
  await expect(indicator(page)).toHaveText(/^Step 0 \/ \d+$/);
  await expect(narration(page)).toHaveText(/^Start: Map and filter/);
});

test("steps forward and back with the buttons and the arrow keys", async ({ page }) => {
  await openLab(page);
  const start = await narration(page).textContent();

  await stepForward(page).click();
  await expect(indicator(page)).toHaveText(/^Step 1 \//);
  await expect(narration(page)).not.toHaveText(start!);
  const first = await narration(page).textContent();

  await stepForward(page).click();
  await expect(indicator(page)).toHaveText(/^Step 2 \//);
  await expect(narration(page)).not.toHaveText(first!);
  const second = await narration(page).textContent();

  await stepBack(page).click();
  await expect(indicator(page)).toHaveText(/^Step 1 \//);
  await expect(narration(page)).toHaveText(first!);

  await page.keyboard.press("ArrowRight");
  await expect(indicator(page)).toHaveText(/^Step 2 \//);
  await expect(narration(page)).toHaveText(second!);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(indicator(page)).toHaveText(/^Step 0 \//);
  await expect(narration(page)).toHaveText(start!);

  await page.keyboard.press("End");
  await expect(indicator(page)).toHaveText(/^Step (\d+) \/ \1$/);
  await page.keyboard.press("Home");
  await expect(indicator(page)).toHaveText(/^Step 0 \//);
});

test("an appended record appears in its partition lane, and the overlay draws it moving", async ({
  page,
}) => {
  await openLab(page);
  const overlay = page.getByTestId("flight-overlay");
  await expect(overlay).toHaveAttribute("data-drawn", "0");

  // Step until a record lands in the input topic's lanes.
  const before = await recordsIn(page, "orders");
  let landed = false;
  for (let i = 0; i < 10 && !landed; i++) {
    await page.keyboard.press("ArrowRight");
    landed = (await recordsIn(page, "orders")) > before;
  }
  expect(landed, "a record appeared in an orders-* lane within 10 steps").toBe(true);
  expect(await recordsIn(page, "orders")).toBe(before + 1);
  await expect(overlay).toHaveAttribute("data-drawn", "1");

  // Step on (clicking from inside the page, then sampling every animation frame) until a step whose record
  // travels along a path: the overlay must report it in flight and paint it at different places over time.
  let samples: { inFlight: string | undefined; x: number; y: number; painted: number }[] = [];
  for (let i = 0; i < 12 && !samples.some((s) => s.inFlight === "1"); i++) {
    samples = await page.evaluate(async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="flight-overlay"]')!;
      // Read a quarter-size copy: fast enough to sample every frame, and no readback on the app's own canvas.
      const copy = document.createElement("canvas");
      copy.width = Math.ceil(canvas.width / 4);
      copy.height = Math.ceil(canvas.height / 4);
      const ctx = copy.getContext("2d", { willReadFrequently: true })!;
      const centroid = () => {
        ctx.clearRect(0, 0, copy.width, copy.height);
        ctx.drawImage(canvas, 0, 0, copy.width, copy.height);
        const { data, width, height } = ctx.getImageData(0, 0, copy.width, copy.height);
        let sx = 0;
        let sy = 0;
        let n = 0;
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            if (data[(y * width + x) * 4 + 3]! > 128) {
              sx += x;
              sy += y;
              n++;
            }
          }
        }
        return { x: n ? (4 * sx) / n : -1, y: n ? (4 * sy) / n : -1, painted: n };
      };
      document.querySelector<HTMLButtonElement>('button[aria-label="Step forward"]')!.click();
      const out = [];
      const t0 = performance.now();
      while (performance.now() - t0 < 700) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        out.push({ inFlight: canvas.dataset.inFlight, ...centroid() });
      }
      return out;
    });
  }
  const moving = samples.filter((s) => s.inFlight === "1" && s.painted > 0);
  expect(moving.length, "frames with a record in flight").toBeGreaterThan(2);
  const xs = moving.map((s) => s.x);
  const ys = moving.map((s) => s.y);
  const travelled = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  expect(travelled, "pixels the painted record moved").toBeGreaterThan(20);
  expect(samples.at(-1)?.inFlight, "the record arrived").toBe("0");
  expect(samples.at(-1)?.painted, "the arrived record stays drawn").toBeGreaterThan(0);
});

test("a share URL opens at the step it was copied at", async ({ page, context }) => {
  await openLab(page);
  const steps = 9;
  for (let i = 0; i < steps; i++) await page.keyboard.press("ArrowRight");
  await expect(indicator(page)).toHaveText(new RegExp(`^Step ${steps} /`));
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(new RegExp(`^#v1/.+/s=${steps}$`));
  const url = page.url();
  const expectedIndicator = await indicator(page).textContent();
  const expectedNarration = await narration(page).textContent();

  const fresh = await context.newPage();
  const problems: string[] = [];
  fresh.on("console", (m) =>
    m.type() === "error" || m.type() === "warning" ? problems.push(m.text()) : undefined,
  );
  fresh.on("pageerror", (e) => problems.push(e.message));
  await fresh.goto(url);
  await expect(indicator(fresh)).toHaveText(expectedIndicator!);
  await expect(narration(fresh)).toHaveText(expectedNarration!);
  await expect(fresh.getByLabel("Lesson")).toHaveValue("transformations");
  expect(problems).toEqual([]);
});

test("a hostile fragment shows the decoder's errors and a way back, not a blank page", async ({ page }) => {
  await page.goto("/#v1/garbage!!");
  const alert = page.getByRole("alert");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("cannot be opened");
  await expect(alert.locator("li")).not.toHaveCount(0);
  await expect(alert.locator("li").first()).toContainText(":");
  await expect(page.getByText("Topolab", { exact: true })).toBeVisible();

  await alert.getByRole("button", { name: "Open the first lesson" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.getByTestId("node-orders-in")).toBeVisible();
  await expect(indicator(page)).toHaveText(/^Step 0 \//);
});

test("the lesson picker switches lessons", async ({ page }) => {
  await openLab(page);
  await page.keyboard.press("ArrowRight");
  await page.getByLabel("Lesson").selectOption("branch-merge");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Branch and merge: routing payments");
  await expect(page.getByTestId("node-route")).toBeVisible();
  await expect(page.getByTestId("node-all-settled")).toBeVisible();
  await expect(page.getByTestId("partition-review-0")).toBeVisible();
  await expect(page.getByTestId("node-orders-in")).toHaveCount(0);
  await expect(indicator(page)).toHaveText(/^Step 0 \//);

  await page.getByLabel("Lesson").selectOption("keyed-partitioning");
  await expect(page.getByTestId("node-by-page")).toBeVisible();
  await expect(page.getByTestId("partition-clicks-2")).toBeVisible();
});

test("the time lessons open and play to their last step", async ({ page }) => {
  await openLab(page);
  for (const id of ["tumbling-grace", "tumbling-flink", "crash-open-windows", "watermarks-parallel"]) {
    await page.getByLabel("Lesson").selectOption(id);
    await expect(page.getByTestId("node-count")).toBeVisible();
    await page.keyboard.press("End");
    await expect(indicator(page)).toHaveText(/^Step (\d+) \/ \1\b/);
    await expect(narration(page)).not.toBeEmpty();
  }
  await page.getByLabel("Lesson").selectOption("tumbling-grace");
  await page.keyboard.press("End");
  await expect(page.getByTestId("task-time-0_0")).toHaveText(
    "stream time 12000 ms · count stream time 12000 ms",
  );
  await expect(page.getByTestId("task-windows")).toContainText(
    "count [0, 10000) alice = 3 (closed, emitted ×1)",
  );
});

test("Copy link copies the share link of the current step", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openLab(page);
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/#v1\/.+\/s=3$/);
  expect(copied).toBe(page.url());
});

test("with reduced motion, records are placed without moving", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openLab(page);
  // The overlay loads on its own, right after the first screen (nothing is in flight at step 0).
  await page.getByTestId("flight-overlay").waitFor({ state: "attached" });
  const inFlight = await page.evaluate(async () => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="flight-overlay"]')!;
    const seen = new Set<string | undefined>();
    // Nine steps: the last one is the source taking the first record (a hop to draw).
    for (let i = 0; i < 9; i++) {
      document.querySelector<HTMLButtonElement>('button[aria-label="Step forward"]')!.click();
      for (let f = 0; f < 6; f++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        seen.add(canvas.dataset.inFlight);
      }
    }
    return [...seen];
  });
  expect(inFlight).toEqual(["0"]);
  await expect(page.getByTestId("flight-overlay")).toHaveAttribute("data-drawn", "1");
});
