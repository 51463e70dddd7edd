/**
 * The operator inspector in a real Chromium: on the tumbling-grace lesson, step to the late drop, open the window
 * operator and see its late count and open windows; the physical view's copies show their own task's counters;
 * a reload lands on the same selection; the keyboard opens and closes it; a link naming no operator says so. Each
 * state passes an axe audit with no serious or critical violation.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, indicator, narration, test } from "./labTest";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const inspector = (page: Page) => page.getByRole("region", { name: "Operator inspector" });

async function openAtLateDrop(page: Page) {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("tumbling-grace");
  await expect(page.getByTestId("node-count")).toBeVisible();
  await page.getByRole("combobox", { name: "Jump to" }).selectOption({ label: "Late record" });
  await page.getByRole("button", { name: "Next match", exact: true }).click();
  await expect(narration(page)).toContainText("too late for window [0, 10000)");
}

test("the window operator shows its late count and open windows, per task too, and survives a reload", async ({
  page,
}) => {
  await openAtLateDrop(page);
  const step = await indicator(page).textContent();
  // The canvas counts the late record on the window node.
  await expect(page.getByTestId("counter-late-count")).toHaveText("1 late");
  await expect(page.getByTestId("counter-dropped-count")).toHaveText("1 dropped");

  await page.getByTestId("node-count").click();
  await expect(page.getByTestId("node-count")).toHaveAttribute("aria-pressed", "true");
  await expect(inspector(page)).toBeVisible();
  await expect(inspector(page).getByTestId("operator-kind")).toHaveText("windowedAggregate");
  const counters = inspector(page).getByTestId("operator-counters");
  await expect(counters.locator("thead th")).toHaveText([
    "Task",
    "in",
    "out",
    "dropped",
    "late",
    "Stream time",
  ]);
  await expect(counters.getByTestId("operator-task-0_0").locator("td")).toHaveText([
    "6",
    "1",
    "1",
    "1",
    "12000 ms",
  ]);
  const windows = inspector(page).getByTestId("operator-windows").locator("tbody tr");
  await expect(windows).toHaveCount(3);
  await expect(windows.filter({ hasText: "carol" }).locator("td")).toHaveText([
    "carol",
    "[10000, 20000)",
    "1",
    "open",
  ]);
  await expect(windows.filter({ hasText: "alice" })).toContainText("closed, emitted ×1");
  await expect(page).toHaveURL(/\/n=count$/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: "/tmp/operator-inspector-logical.png" });

  // The physical view: each task's copy shows that task's counters; a copy opens on its own.
  await page.getByRole("group", { name: "Canvas view" }).getByRole("button", { name: "Physical" }).click();
  await expect(page.getByTestId("counter-in-count@0_0")).toHaveText("6 in");
  await expect(page.getByTestId("counter-late-count@0_0")).toHaveText("1 late");
  await expect(page.getByTestId("counter-out-out@0_0")).toHaveText("1 out");
  await page.getByTestId("node-count@0_0").click();
  await expect(inspector(page)).toContainText("count in task 0_0");
  await expect(page).toHaveURL(/\/n=count%400_0\/v=physical$/);
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  await expect(inspector(page)).toContainText("count in task 0_0");
  await expect(indicator(page)).toHaveText(step!);
  await expect(page.getByTestId("node-count@0_0")).toHaveAttribute("aria-pressed", "true");
  await expect(inspector(page).getByTestId("operator-task-0_0").locator("td").nth(3)).toHaveText("1");
});

test("the keyboard opens an operator with Enter and closes it with Escape; a waiting record opens its own inspector", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("tumbling-grace");
  await expect(page.getByTestId("node-in")).toBeVisible();
  // Cursor 7: the first click is fetched and waits at the source.
  for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowRight");
  await expect(indicator(page)).toHaveText(/^Step 7 \//);
  await page.getByTestId("node-in").focus();
  await page.keyboard.press("Enter");
  await expect(inspector(page)).toContainText("in");
  await expect(page).toHaveURL(/\/n=in$/);
  // Space on the focused node presses it (closing it again), and does not start playing.
  await page.getByTestId("node-in").focus();
  await page.keyboard.press(" ");
  await expect(inspector(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(inspector(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(inspector(page)).toHaveCount(0);

  await page.getByTestId("node-in").click();
  const waiting = inspector(page).getByTestId("operator-waiting");
  await waiting.getByRole("button", { name: "clicks-0 offset 0, key alice" }).click();
  await expect(inspector(page)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Record inspector" })).toBeVisible();
  await expect(page).toHaveURL(/\/r=\d+$/);
});

test("a link naming an operator the topology does not have says so, and the lab still opens", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("tumbling-grace");
  await expect(page.getByTestId("node-count")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/s=1$/);
  const link = `${page.url()}/n=counter`;
  await page.goto("about:blank");
  await page.goto(link);
  const problem = page.getByRole("alert").filter({ hasText: "Operator not found" });
  await expect(problem).toContainText(
    'This link selects the operator "counter", which is not in this topology.',
  );
  await expect(page.getByTestId("node-count")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await problem.getByRole("button", { name: "Dismiss" }).click();
  await expect(problem).toHaveCount(0);
});
