/**
 * The step debugger's jumps and keyboard help in a real Chromium: jump to the next drop and write, open the
 * shortcuts help with ? and close it with Escape. Fails on any console error or warning.
 */
import type { Page } from "@playwright/test";
import { expect, indicator, narration, test } from "./labTest";

/** The cursor the step indicator shows ("Step c / N"). */
async function cursorOf(page: Page): Promise<number> {
  const text = (await indicator(page).textContent()) ?? "";
  const match = /^Step (\d+) \//.exec(text);
  if (!match) throw new Error(`unexpected step indicator: ${text}`);
  return Number(match[1]);
}

test("jumps to the next drop, then the next one, and shows the keyboard help", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("node-orders-in")).toBeVisible();

  const jumpTo = page.getByRole("combobox", { name: "Jump to" });
  await jumpTo.selectOption({ label: "Drop" });
  const previous = page.getByRole("button", { name: "Previous match", exact: true });
  const next = page.getByRole("button", { name: "Next match", exact: true });
  await expect(previous).toBeDisabled();

  await next.click();
  await expect(narration(page)).toContainText("is false");
  await expect(narration(page)).toContainText("dropped");
  const first = await cursorOf(page);
  expect(first).toBeGreaterThan(0);
  await expect(previous).toBeDisabled();

  await next.click();
  await expect.poll(() => cursorOf(page)).toBeGreaterThan(first);
  await expect(previous).toBeEnabled();

  await page.locator("body").press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await expect(dialog).toContainText("Show this help");
  await page.screenshot({ path: "/tmp/jump-dialog.png" });

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("jumps to a window closing, then to the late record it drops", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("combobox", { name: "Lesson" })
    .selectOption({ label: "Tumbling windows and grace: late by one millisecond" });
  const jumpTo = page.getByRole("combobox", { name: "Jump to" });
  const next = page.getByRole("button", { name: "Next match", exact: true });
  await jumpTo.selectOption({ label: "Window emitted or closed" });
  await next.click();
  await expect(narration(page)).toContainText("window [0, 10000) closed with 3");
  await jumpTo.selectOption({ label: "Late record" });
  await next.click();
  await expect(narration(page)).toContainText("too late for window [0, 10000)");
  await expect(narration(page)).toContainText("stream time 12000 − grace 2000");
});
