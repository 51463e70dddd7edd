/**
 * A long scenario in a real Chromium: opened from a share link, it is simulated on a Web Worker while the page
 * shows its progress and stays responsive, then it opens like any other scenario. Fails on any console error or
 * warning.
 */
import type { Page } from "@playwright/test";
import type { Scenario } from "../src/scenario/schema";
import { encodeShareFragment } from "../src/scenario/shareUrl";
import { expect, test } from "./labTest";

const RECORDS = 60_000;

/** Orders from a generator, through a pipeline of stateless operators, into an output topic. */
const longScenario: Scenario = {
  version: 1,
  title: "Sixty thousand orders",
  topics: [
    { name: "orders", partitions: 4 },
    { name: "large-orders", partitions: 2 },
  ],
  producers: [
    {
      id: "shop",
      topic: "orders",
      generate: {
        count: RECORDS,
        everyMs: 1,
        keys: ["alice", "bob", "carol", "dave", { key: "erin", weight: 3 }],
        jitterMs: 50,
        value: "{item: 'book', amount: value % 200}",
      },
    },
  ],
  app: {
    id: "order-pipeline",
    instances: 2,
    commitIntervalMs: 1000,
    topology: [
      { id: "orders-in", op: "source", topics: ["orders"] },
      {
        id: "add-tax",
        op: "mapValues",
        from: "orders-in",
        value: "{amount: value.amount, gross: value.amount * 1.2}",
      },
      { id: "large-only", op: "filter", from: "add-tax", predicate: "value.gross >= 50" },
      { id: "by-amount", op: "map", from: "large-only", key: "value.amount", value: "{customer: key}" },
      { id: "out", op: "sink", from: "by-amount", topic: "large-orders" },
    ],
  },
} as Scenario;

/** Every value the progress bar showed, in order (see {@link recordProgress}). */
declare global {
  interface Window {
    progressSeen?: number[];
  }
}

/** Records the progress bar's values from before the page's own scripts run, so none is missed. */
async function recordProgress(page: Page) {
  await page.addInitScript(() => {
    const seen: number[] = [];
    window.progressSeen = seen;
    new MutationObserver(() => {
      const value = document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow");
      if (value != null && seen.at(-1) !== Number(value)) seen.push(Number(value));
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-valuenow"],
    });
  });
}

test("a long share link is simulated on a worker with progress, and then opens", async ({ page }) => {
  await recordProgress(page);
  await page.goto(`/${encodeShareFragment(longScenario, 0)}`);

  const progressbar = page.getByRole("progressbar");
  await expect(progressbar).toBeVisible();
  await expect(page.getByTestId("simulation-progress")).toContainText(/Simulating… \d+%/);
  await expect(page.getByTestId("simulation-progress")).toContainText("Sixty thousand orders");

  // The page answers at once while the worker runs.
  const started = Date.now();
  const stillSimulating = await page.evaluate(() => document.querySelector('[role="progressbar"]') !== null);
  expect(Date.now() - started, "ms for the page to answer while simulating").toBeLessThan(250);
  expect(stillSimulating, "the page answered while the progress bar was shown").toBe(true);

  await expect(progressbar).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId("node-orders-in")).toBeVisible();
  await expect(page.getByTestId("node-out")).toBeVisible();
  await expect(page.getByTestId("partition-large-orders-1")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sixty thousand orders");
  const indicator = page.getByTestId("step-indicator");
  await expect(indicator).toHaveText(/^Step 0 \/ \d+$/);
  const total = Number((await indicator.textContent())!.split("/")[1]);
  expect(total, "steps: every record is produced, appended, fetched and processed").toBeGreaterThan(
    4 * RECORDS,
  );

  await page.keyboard.press("End");
  await expect(indicator).toHaveText(`Step ${total} / ${total}`);
  await page.keyboard.press("ArrowLeft");
  await expect(indicator).toHaveText(`Step ${total - 1} / ${total}`);

  const seen = await page.evaluate(() => window.progressSeen ?? []);
  expect(seen[0], "the bar starts at 0%").toBe(0);
  expect(seen.length, "the bar moved").toBeGreaterThan(1);
  expect(seen, "the bar only moves forward").toEqual([...seen].sort((a, b) => a - b));
});

test("a long scenario that reaches a limit on the worker shows why, not a blank page", async ({ page }) => {
  const tooLong = { ...longScenario, title: "Too long", limits: { maxSteps: 100_000 } } as Scenario;
  await page.goto(`/${encodeShareFragment(tooLong, 0)}`);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("This scenario could not run", { timeout: 20_000 });
  await expect(alert).toContainText("limits.maxSteps");
  await expect(page.getByRole("progressbar")).toHaveCount(0);
});
