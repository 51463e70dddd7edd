/**
 * A heavy share link in a real Chromium: it is simulated on the worker while the page shows its progress and keeps
 * answering clicks; Cancel (the button, or Escape) stops it and leaves the user where they were — the lesson at its
 * step, or, for a page opened on the link, a message with a way on. Fails on any console error or warning.
 */
import type { Page } from "@playwright/test";
import type { Scenario } from "../src/scenario/schema";
import { encodeShareFragment } from "../src/scenario/shareUrl";
import { expect, indicator, test } from "./labTest";

/** Two million records, one a millisecond: many seconds of work for the worker, in a link of a few hundred bytes. */
const heavy = {
  version: 1,
  title: "Two million clicks",
  topics: [
    { name: "clicks", partitions: 4 },
    { name: "out", partitions: 4 },
  ],
  producers: [
    {
      id: "web",
      topic: "clicks",
      generate: { count: 2_000_000, everyMs: 1, keys: ["alice", "bob", "carol"] },
    },
  ],
  app: {
    id: "heavy",
    topology: [
      { id: "in", op: "source", topics: ["clicks"] },
      { id: "double", op: "mapValues", from: "in", value: "value * 2" },
      { id: "write", op: "sink", from: "double", topic: "out" },
    ],
  },
  limits: { maxRecords: 2_000_000, maxSteps: 40_000_000 },
} as unknown as Scenario;
const heavyFragment = encodeShareFragment(heavy, 0);

declare global {
  interface Window {
    /** Per click: ms from the input reaching the page to the next animation frame. */
    clickLatencies?: number[];
  }
}

/** Times, in the page, how long each click waits for the main thread: input → handlers → next frame. */
async function timeClicks(page: Page) {
  await page.evaluate(() => {
    window.clickLatencies = [];
    document.addEventListener(
      "click",
      (event) => {
        const at = event.timeStamp;
        requestAnimationFrame(() => window.clickLatencies!.push(performance.now() - at));
      },
      true,
    );
  });
}

/** Waits until the worker has reported progress (the run is well under way). */
async function waitForProgress(page: Page) {
  const progress = page.getByTestId("simulation-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toContainText("Two million clicks");
  await expect(progress).toContainText(/Simulating… \d+% · [\d,]+ steps/);
}

test("a heavy link over a lesson: progress, clicks answered, Escape and Cancel go back to the lesson", async ({
  page,
}) => {
  await page.goto("/");
  await expect(indicator(page)).toHaveText(/^Step 0 \/ \d+$/);
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect(indicator(page)).toHaveText(/^Step 3 \/ \d+$/);
  const lessonStep = await indicator(page).textContent();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/\/s=3$/);
  const lessonHash = await page.evaluate(() => location.hash);

  // The user pastes the heavy link into the address bar.
  await page.evaluate((fragment) => {
    location.hash = fragment;
  }, heavyFragment);
  await waitForProgress(page);

  // The page answers clicks while the worker runs; the lesson stays, at its step, under the progress.
  await timeClicks(page);
  for (let i = 0; i < 5; i++)
    await page.getByTestId("simulation-progress").click({ position: { x: 5, y: 5 } });
  await expect.poll(() => page.evaluate(() => window.clickLatencies!.length)).toBe(5);
  const latencies = await page.evaluate(() => window.clickLatencies!);
  expect(Math.max(...latencies), `ms from click to next frame: ${latencies.join(", ")}`).toBeLessThan(250);
  await expect(indicator(page)).toHaveText(lessonStep!);

  await page.keyboard.press("Escape");
  await expect(page.getByTestId("simulation-progress")).toHaveCount(0);
  await expect(indicator(page)).toHaveText(lessonStep!);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(lessonHash);
  await page.keyboard.press("ArrowRight");
  await expect(indicator(page)).toHaveText(/^Step 4 \/ \d+$/);

  // Again, with the Cancel button.
  await page.evaluate((fragment) => {
    location.hash = fragment;
  }, heavyFragment);
  await waitForProgress(page);
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(page.getByTestId("simulation-progress")).toHaveCount(0);
  await expect(indicator(page)).toHaveText(/^Step 4 \/ \d+$/);
  await page.keyboard.press("ArrowLeft");
  await expect(indicator(page)).toHaveText(/^Step 3 \/ \d+$/);
});

test("a page opened on a heavy link: Cancel says what was cancelled, and the first lesson opens from there", async ({
  page,
}) => {
  await page.goto(`/${heavyFragment}`);
  await waitForProgress(page);
  await page.getByRole("button", { name: "Cancel", exact: true }).click();

  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Simulation cancelled");
  await expect(alert).toContainText(
    /"Two million clicks" was cancelled after [\d,]+ steps \(\d+% of its run\)/,
  );
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  await alert.getByRole("button", { name: "Open the first lesson" }).click();
  await expect(indicator(page)).toHaveText(/^Step 0 \/ \d+$/);
  await page.keyboard.press("ArrowRight");
  await expect(indicator(page)).toHaveText(/^Step 1 \/ \d+$/);
});

test("a small link opens from the worker at its step", async ({ page }) => {
  const small = {
    ...heavy,
    title: "Ten clicks",
    producers: [{ id: "web", topic: "clicks", generate: { count: 10, everyMs: 1, keys: ["alice"] } }],
  } as unknown as Scenario;
  await page.goto(`/${encodeShareFragment(small, 2)}`);
  await expect(indicator(page)).toHaveText(/^Step 2 \/ \d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ten clicks");
});
