/**
 * Time at a glance in a real Chromium: the scheduler lesson's Time tab shows each partition's records with their
 * timestamps, the stream time and which record the scheduler takes next and why; stepping changes them; a record
 * chip opens the inspector; and that state has no serious accessibility violation. Fails on any console error or
 * warning.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, indicator, stepForward, test } from "./labTest";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Steps forward until `done` holds (at most `limit` steps). */
async function stepUntil(page: Page, done: () => Promise<boolean>, limit = 30) {
  for (let i = 0; i < limit && !(await done()); i++) await stepForward(page).click();
}

test("the Time tab shows the next pick and stream time, which change as the run steps", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("scheduler-choice");
  await expect(page.getByTestId("topic-payments")).toBeVisible();

  await page.getByRole("tab", { name: "Time" }).click();
  await expect(page.getByRole("tab", { name: "Time" })).toHaveAttribute("aria-selected", "true");
  const view = page.getByTestId("time-lanes");
  await expect(view).toBeVisible();
  const next = view.getByTestId("next-pick-0_0");
  const streamTime = view.getByTestId("stream-time-0_0");
  // Before the group's first generation nobody runs the task; then it has nothing buffered yet.
  await expect(next).toContainText("Next: nothing — no running instance owns the task.");
  await expect(streamTime).toContainText("stream time none yet");
  await stepUntil(page, async () => (await next.textContent())?.includes("nothing is buffered") ?? false);
  await expect(next).toContainText("Next: not determined yet — nothing is buffered");

  // Both heads fetched: the payment (ts 900) goes before the order (ts 1500).
  await stepUntil(page, async () => (await next.textContent())?.includes("Next: payments-0") ?? false);
  await expect(next).toContainText(
    "Next: payments-0 offset 0 (ts 900) — the smallest head timestamp (PartitionGroup#nextRecord).",
  );
  await expect(next).toContainText("Compared: orders-0 head ts 1500 · payments-0 head ts 900");
  await expect(view.getByRole("button", { name: /^payments-0 offset 0, .*taken next$/ })).toBeVisible();

  // Once the payment is processed: its partition time and the stream time are 900, and the order is next.
  await stepUntil(page, async () => (await next.textContent())?.includes("Next: orders-0") ?? false);
  await expect(next).toContainText("Next: orders-0 offset 0 (ts 1500)");
  await expect(streamTime).toContainText("stream time 900 ms");
  await expect(view.getByTestId("partition-time-payments-0")).toHaveText("partition time 900 ms");
  await expect(view.getByRole("button", { name: /^payments-0 offset 0, .*: processed$/ })).toBeVisible();

  // A chip opens its record in the inspector; the step does not move.
  const before = await indicator(page).textContent();
  await view.getByRole("button", { name: /^orders-0 offset 0, / }).click();
  const inspector = page.getByRole("region", { name: "Record inspector" });
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText("orders-0 offset 0");
  await expect(view.getByRole("button", { name: /^orders-0 offset 0, / })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(indicator(page)).toHaveText(before!);

  expect(await seriousViolations(page)).toEqual([]);
});

test("the tabs switch with the arrow keys", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("cluster-panel")).toBeVisible();
  await page.getByRole("tab", { name: "Cluster" }).focus();
  const before = await indicator(page).textContent();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Time" })).toBeFocused();
  await expect(page.getByTestId("time-lanes")).toBeVisible();
  // The arrow switched the tab and did not step the run.
  await expect(indicator(page)).toHaveText(before!);
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("cluster-panel")).toBeVisible();
});

test("Flink's channel watermarks, in Japanese, have no serious accessibility violations", async ({
  page,
}) => {
  await page.goto("/?lang=ja");
  await page.getByRole("combobox", { name: "レッスン" }).selectOption("watermarks-parallel");
  await expect(page.getByTestId("topic-readings")).toBeVisible();
  await page.locator("body").press("End");
  await page.getByRole("tab", { name: "時刻" }).click();
  const minimum = page.getByTestId("watermark-minimum-0_1");
  await expect(minimum).toContainText("count のウォーターマーク = アクティブなチャネルの最小値");
  await expect(page.getByTestId("channel-readings-1").first()).toContainText("アイドル");
  expect(await seriousViolations(page)).toEqual([]);
});
