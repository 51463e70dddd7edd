/**
 * The record inspector in a real Chromium: a record chip opens the record's lineage, and each lineage line moves
 * the cursor to its step. Fails on any console error or warning.
 */
import type { Page } from "@playwright/test";
import { expect, indicator, narration, stepForward, test } from "./labTest";

const firstChip = (page: Page) => page.getByRole("button", { name: /^orders-\d offset 0, key / });

test("a record's chip opens its lineage, and a lineage line jumps to its step", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("node-orders-in")).toBeVisible();

  for (let i = 0; i < 20 && (await firstChip(page).count()) === 0; i++) {
    await stepForward(page).click();
  }
  await expect(firstChip(page)).toHaveCount(1);
  const before = await indicator(page).textContent();

  await firstChip(page).click();
  await expect(firstChip(page)).toHaveAttribute("aria-pressed", "true");
  const inspector = page.getByRole("region", { name: "Record inspector" });
  await expect(inspector).toBeVisible();
  const lines = inspector.getByTestId("lineage-step");
  expect(await lines.count()).toBeGreaterThanOrEqual(4);
  await expect(inspector.getByRole("button", { name: /filtered out at/ })).toHaveCount(1);
  await expect(inspector.locator('[aria-current="step"]')).toHaveCount(1);
  await expect(indicator(page)).toHaveText(before!);

  const last = lines.last();
  const step = await last.getAttribute("data-step");
  const stepNarration = await last.getAttribute("title");
  await last.click();
  await expect(indicator(page)).toHaveText(new RegExp(`^Step ${step} /`));
  await expect(narration(page)).toHaveText(stepNarration!);
  await expect(last).toHaveAttribute("aria-current", "step");
  // The link keeps the selected record after the step.
  await expect(page).toHaveURL(new RegExp(`/s=${step}/r=\\d+$`));

  await page.keyboard.press("Escape");
  await expect(inspector).toHaveCount(0);
});
