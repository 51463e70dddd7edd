/**
 * The page at every screen size, in a real Chromium: every built-in lesson at four desktop widths, a tablet and a
 * phone, with no horizontal overflow, the scenario's title shown whole, and the controls a user needs inside the
 * window; and on a phone, the side panel as a bottom sheet that opens and closes by its handle, by Escape and when
 * a record is selected. Fails on any console error or warning.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, indicator, narration, stepForward, test } from "./labTest";

const NARROWEST_DESKTOP = 1280;
const DESKTOPS = [NARROWEST_DESKTOP, 1366, 1440, 1920];
const TABLET = { width: 768, height: 1024 };
const PHONE = { width: 390, height: 844 };
const SHEET_HANDLE = { name: "Cluster, time and details" };

/**
 * What is wrong with the page's layout at the current size: horizontal overflow (of the document, or of a part of
 * the page, which clips rather than scrolls), a title cut short, and any of the controls a user needs that is
 * missing or not entirely inside the window. Empty when all is well.
 */
async function layoutProblems(page: Page, sidePanel: "beside" | "sheet"): Promise<string[]> {
  return page.evaluate((sidePanel) => {
    const found: string[] = [];
    const width = window.innerWidth;
    const height = window.innerHeight;
    const root = document.documentElement;
    if (root.scrollWidth > width) found.push(`the document is ${root.scrollWidth} px wide in ${width}`);
    for (const selector of [".app", ".header", ".workspace", ".controls", ".narration-bar"]) {
      const element = document.querySelector(selector);
      if (element && element.scrollWidth > element.clientWidth)
        found.push(`${selector} overflows: ${element.scrollWidth} px of content in ${element.clientWidth}`);
    }
    const title = document.querySelector<HTMLElement>("[data-testid=scenario-title]");
    if (!title) found.push("no scenario title");
    else if (title.scrollWidth > title.clientWidth || title.scrollHeight > title.clientHeight)
      found.push(`the title is cut short: "${title.textContent}"`);
    const controls: Record<string, string> = {
      "the lesson picker": ".lesson-picker select",
      "Copy link": ".copy-link button",
      "the language": ".language-switch select",
      "go to start": ".controls-buttons button:first-child",
      play: ".controls-buttons button.primary",
      "go to end": ".controls-buttons button:last-child",
      "the scrubber": ".scrubber",
      "the step counter": "[data-testid=step-indicator]",
      "Jump to": ".jump select",
      "the breakpoints": ".breakpoints summary",
      "the speed": ".speed select",
      "the shortcuts help": ".shortcuts-button",
      "the narration": "[data-testid=narration]",
      ...(sidePanel === "beside"
        ? { "the side panel": ".side-panel", "the Time tab": "#side-tab-time" }
        : { "the side panel's handle": ".side-sheet-handle" }),
    };
    for (const [name, selector] of Object.entries(controls)) {
      const box = document.querySelector(selector)?.getBoundingClientRect();
      if (!box || box.width === 0 || box.height === 0) found.push(`${name} is not shown`);
      else if (box.left < 0 || box.top < 0 || box.right > width + 0.5 || box.bottom > height + 0.5)
        found.push(
          `${name} is outside the ${width} × ${height} window: ` +
            `${Math.round(box.left)}..${Math.round(box.right)} × ${Math.round(box.top)}..${Math.round(box.bottom)}`,
        );
    }
    return found;
  }, sidePanel);
}

test("every lesson fits the window at desktop, tablet and phone sizes", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: NARROWEST_DESKTOP, height: 800 });
  await page.goto("/");
  const picker = page.getByRole("combobox", { name: "Lesson" });
  // The picker lists every built-in lesson, by id and full title.
  const lessons = await picker
    .locator("option")
    .evaluateAll((options) =>
      options.map((o) => ({ id: (o as HTMLOptionElement).value, title: o.textContent ?? "" })),
    );
  expect(lessons.length, "built-in lessons").toBeGreaterThanOrEqual(30);
  const sizes = [
    ...DESKTOPS.map((width) => ({ width, height: 800, sidePanel: "beside" as const })),
    { ...TABLET, sidePanel: "sheet" as const },
    { ...PHONE, sidePanel: "sheet" as const },
  ];

  const problems: string[] = [];
  for (const lesson of lessons) {
    await page.setViewportSize({ width: NARROWEST_DESKTOP, height: 800 });
    await picker.selectOption(lesson.id);
    await expect(page.getByTestId("scenario-title")).toHaveText(lesson.title);
    await expect(indicator(page)).toHaveText(/^Step 0 \/ \d+$/);
    // The side panel follows the frame one painted frame behind: wait for it.
    await expect(page.locator("#side-tab-time")).toBeVisible();
    for (const { width, height, sidePanel } of sizes) {
      await page.setViewportSize({ width, height });
      for (const problem of await layoutProblems(page, sidePanel))
        problems.push(`${lesson.id} at ${width} px: ${problem}`);
    }
  }
  expect(problems).toEqual([]);
});

test("a phone steps through a lesson with the canvas, the step buttons and the narration", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await expect(page.getByTestId("node-orders-in")).toBeInViewport();
  await expect(page.getByRole("complementary", { name: "Cluster" })).toBeHidden();
  // The legend starts folded on a phone, so the canvas is not hidden behind it; its summary opens it.
  const legend = page.getByTestId("canvas-legend");
  await expect(legend).not.toHaveAttribute("open");
  await legend.locator("summary").click();
  await expect(legend).toHaveAttribute("open");
  await stepForward(page).click();
  await stepForward(page).click();
  await expect(indicator(page)).toHaveText(/^Step 2 \/ \d+$/);
  await expect(narration(page)).toBeInViewport();
  await expect(narration(page)).not.toContainText("press Step forward");
  expect(await layoutProblems(page, "sheet")).toEqual([]);
});

test("on a phone the side panel is a bottom sheet: its handle and Escape open and close it", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto("/");
  const handle = page.getByRole("button", SHEET_HANDLE);
  const panel = page.getByRole("complementary", { name: "Cluster" });
  await expect(handle).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();

  // Opened by the keyboard: the handle is a button.
  await handle.focus();
  await page.keyboard.press("Enter");
  await expect(handle).toHaveAttribute("aria-expanded", "true");
  await expect(panel).toBeVisible();
  const timeTab = page.getByRole("tab", { name: "Time" });
  await expect(timeTab).toBeInViewport({ ratio: 1 });
  // The playback bar stays usable below the open sheet.
  await expect(stepForward(page)).toBeInViewport({ ratio: 1 });
  await stepForward(page).click();
  await expect(indicator(page)).toHaveText(/^Step 1 \/ \d+$/);
  expect(await layoutProblems(page, "sheet")).toEqual([]);

  const audit = await new AxeBuilder({ page }).analyze();
  expect(
    audit.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
    "serious accessibility violations with the sheet open",
  ).toEqual([]);

  // Escape from inside the sheet closes it and gives the focus back to the handle.
  await timeTab.click();
  await expect(page.getByText("Time at a glance")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(handle).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();
  await expect(handle).toBeFocused();

  // And the handle closes it too.
  await handle.click();
  await expect(panel).toBeVisible();
  await handle.click();
  await expect(panel).toBeHidden();
});

test("on a phone, selecting a record opens the sheet on its inspector; Escape closes the inspector, then the sheet", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto("/");
  const chip = page.getByRole("button", { name: /^orders-\d offset 0, key / });
  for (let i = 0; i < 20 && (await chip.count()) === 0; i++) await stepForward(page).click();
  await chip.first().click();
  const handle = page.getByRole("button", SHEET_HANDLE);
  await expect(handle).toHaveAttribute("aria-expanded", "true");
  const inspector = page.getByRole("region", { name: "Record inspector" });
  await expect(inspector).toBeInViewport();

  await inspector.getByRole("button").first().focus();
  await page.keyboard.press("Escape");
  await expect(inspector).toHaveCount(0);
  await expect(handle).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("tab", { name: "Cluster" }).focus();
  await page.keyboard.press("Escape");
  await expect(handle).toHaveAttribute("aria-expanded", "false");
});
