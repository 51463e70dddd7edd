/**
 * The first screen rendered at build time: the lesson is on screen before any JavaScript module runs, takes no
 * input until the app replaces it, and is never shown for a page that will show something else.
 */
import type { Page } from "@playwright/test";
import { expect, indicator, stepForward, test } from "./labTest";

/** Loads `url` with every module blocked: what the page shows before the app runs. */
async function withoutModules(page: Page, url: string) {
  await page.route("**/assets/*.js", (route) => route.abort());
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForLoadState("load");
}

test("shows the first lesson before any module runs, inert", async ({ page, consoleProblems }) => {
  await withoutModules(page, "/");
  const first = page.locator("#root > .first-screen");
  await expect(first).toHaveAttribute("inert");
  await expect(first.getByRole("heading", { level: 1, includeHidden: true })).toHaveText(
    "Map and filter: a stateless pipeline",
  );
  for (const id of ["orders-in", "add-tax", "large-only", "by-item", "out"])
    await expect(first.getByTestId(`node-${id}`)).toBeVisible();
  await expect(first.locator(".react-flow__edge-path").first()).toBeAttached();
  await expect(first.getByTestId("step-indicator")).toHaveText(/^Step 0 \/ \d+$/);
  // Its canvas was fitted to this window: every node is inside the canvas.
  const canvas = (await first.locator(".react-flow").boundingBox())!;
  for (const box of await first
    .locator(".react-flow__node")
    .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.left).toBeGreaterThanOrEqual(canvas.x);
    expect(box.right).toBeLessThanOrEqual(canvas.x + canvas.width);
  }
  consoleProblems.length = 0; // the blocked modules are reported as failed loads
});

for (const [what, url] of [
  ["a share link", "/#v1/N4Ig/s=3"],
  ["Japanese", "/?lang=ja"],
] as const) {
  test(`is not shown for ${what}`, async ({ page, consoleProblems }) => {
    await withoutModules(page, url);
    await expect(page.locator("#root")).toBeEmpty();
    consoleProblems.length = 0;
  });
}

test("is replaced by the live app, which takes input", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator(".first-screen")).toHaveCount(0);
  await stepForward(page).click();
  await expect(indicator(page)).toHaveText(/^Step 1 \//);
});
