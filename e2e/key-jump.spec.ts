/**
 * Jumping to the steps touching a chosen record key, and breakpoints that pause playing, in a real Chromium.
 * Fails on any console error or warning.
 */
import type { Page } from "@playwright/test";
import { expect, indicator, narration, test } from "./labTest";

async function cursorOf(page: Page): Promise<number> {
  const match = /^Step (\d+) \//.exec((await indicator(page).textContent()) ?? "");
  if (!match) throw new Error("unexpected step indicator");
  return Number(match[1]);
}

test("jumps from step to step of one key, then plays until a breakpoint", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("node-orders-in")).toBeVisible();

  await page.getByRole("combobox", { name: "Jump to" }).selectOption({ label: "Key…" });
  const key = page.getByRole("combobox", { name: "Key to jump to" });
  await key.selectOption("carol");
  const next = page.getByRole("button", { name: "Next match", exact: true });
  await next.click();
  await expect(narration(page)).toContainText("carol");
  const first = await cursorOf(page);
  expect(first).toBeGreaterThan(0);
  await page.locator("body").press("n");
  await expect.poll(() => cursorOf(page)).toBeGreaterThan(first);
  await expect(narration(page)).toContainText("carol");

  await page.keyboard.press("Home");
  await page.getByText(/^Breakpoints/).click();
  await page.getByRole("checkbox", { name: "Drop" }).check();
  await expect(page.getByText("Breakpoints (1)")).toBeVisible();
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ index: 4 });
  await page.getByRole("button", { name: "Play", exact: true }).click();
  // Playing stops by itself on the first drop: the Play button comes back, and the narration says why.
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(narration(page)).toContainText("dropped");
  const stopped = await cursorOf(page);
  expect(stopped).toBeGreaterThan(1);
  await page.screenshot({ path: "test-results/breakpoint.png" });
});
