/**
 * An axe-core audit of the lab's main states in a real Chromium — the built-in lesson, the key jump and the
 * breakpoints open, the record inspector open, the keyboard shortcuts dialog open, the Japanese UI, and the cluster
 * panel after a crash, the physical view — with no
 * serious or critical violation allowed.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, stepForward, test } from "./labTest";

/** The serious and critical violations on the page, each with the elements it was found on. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function openLesson(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.getByTestId("node-orders-in")).toBeVisible();
}

test("the built-in lesson has no serious accessibility violations", async ({ page }) => {
  await openLesson(page);
  await stepForward(page).click();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the key jump and the breakpoints have no serious accessibility violations", async ({ page }) => {
  await openLesson(page);
  await page.getByRole("combobox", { name: "Jump to" }).selectOption({ label: "Key…" });
  await page.getByText(/^Breakpoints/).click();
  await expect(page.getByRole("checkbox", { name: "Drop" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the record inspector has no serious accessibility violations", async ({ page }) => {
  await openLesson(page);
  const chip = page.getByRole("button", { name: /^orders-\d offset 0, key / });
  for (let i = 0; i < 20 && (await chip.count()) === 0; i++) await stepForward(page).click();
  await chip.click();
  await expect(page.getByRole("region", { name: "Record inspector" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the keyboard shortcuts dialog has no serious accessibility violations", async ({ page }) => {
  await openLesson(page);
  await page.locator("body").press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the Japanese UI has no serious accessibility violations", async ({ page }) => {
  await openLesson(page, "/?lang=ja");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the cluster panel after a crash and its rebalance has no serious accessibility violations", async ({
  page,
}) => {
  await openLesson(page);
  await page
    .getByRole("combobox", { name: "Lesson" })
    .selectOption({ label: "A crash: partitions move, and uncommitted work is done twice" });
  await page.getByRole("combobox", { name: "Jump to" }).selectOption({ label: "Reprocessed record" });
  await page.getByRole("button", { name: "Next match", exact: true }).click();
  await expect(page.getByTestId("cluster-panel").getByTestId("instance-instance-2")).toContainText("crashed");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the physical view after a crash, with the narration's names, has no serious accessibility violations", async ({
  page,
}) => {
  await openLesson(page);
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("crash-recovery");
  await page.getByRole("group", { name: "Canvas view" }).getByRole("button", { name: "Physical" }).click();
  await page.getByRole("combobox", { name: "Jump to" }).selectOption({ label: "Reprocessed record" });
  await page.getByRole("button", { name: "Next match", exact: true }).click();
  await expect(page.getByTestId("group-instance-2")).toContainText("crashed");
  await expect(page.getByTestId("narration").getByRole("button").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
