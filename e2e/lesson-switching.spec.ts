/**
 * Switching lessons in a real Chromium: at random (seeded) steps, with the logical or the physical view, the
 * Cluster or the Time tab and a record or operator inspector open, every switch lands on the new lesson — never a
 * blank page, never a panel's error message, never a page error (the fixture fails on any console error). Back and
 * Forward move between the scenarios opened; stepping adds no history entry. After choosing a lesson or a "Jump to"
 * entry, → steps the lab instead of changing the choice. A part that fails to draw says so in its place, with a way
 * on, and the rest of the lab keeps working.
 */
import type { Page } from "@playwright/test";
import { expect, indicator, narration, stepForward, test } from "./labTest";

/** mulberry32: a small seeded generator, so a failing sequence can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.TOPOLAB_SWITCH_SEED ?? 11);
const SWITCHES = 24;

const lessonPicker = (page: Page) => page.getByRole("combobox", { name: "Lesson" });
const scrubber = (page: Page) => page.getByRole("slider", { name: "Step" });

/** The step indicator's total ("Step c / N" → N). */
async function totalSteps(page: Page): Promise<number> {
  return Number(/\/\s*(\d+)/.exec((await indicator(page).textContent()) ?? "")?.[1] ?? 0);
}

/** What must be on screen whatever lesson is open: the title, the canvas with its graph, the panels, the bar. */
async function expectLabShown(page: Page, title: string) {
  await expect(page.getByTestId("scenario-title")).toHaveText(title);
  await expect(page.getByTestId("canvas").locator(".react-flow__node").first()).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Cluster" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Cluster" })).toBeVisible();
  await expect(narration(page)).toBeVisible();
  await expect(page.getByTestId("panel-failure")).toHaveCount(0);
}

test("switching lessons at random steps, with every view and an inspector open, never blanks the page", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const random = seededRandom(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  await page.goto("/");
  const lessons = await lessonPicker(page)
    .locator("option")
    .evaluateAll((options) =>
      options.map((o) => ({ id: (o as HTMLOptionElement).value, title: o.textContent ?? "" })),
    );
  expect(lessons.length).toBeGreaterThan(10);

  let current = lessons[0]!.id;
  /** How often each view, tab and inspector was open at a switch: every one must have been. */
  const seen = new Map<string, number>();
  const saw = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
  for (let i = 0; i < SWITCHES; i++) {
    // A random step of what is open, shown in a random view with a random tab and inspector.
    const total = await totalSteps(page);
    await scrubber(page).fill(String(Math.floor(random() * (total + 1))));
    const view = pick(["Logical", "Physical"] as const);
    await page.getByRole("group", { name: "Canvas view" }).getByRole("button", { name: view }).click();
    const tab = pick(["Cluster", "Time"] as const);
    await page.getByRole("tab", { name: tab }).click();
    if (tab === "Time") await expect(page.getByTestId("time-lanes")).toBeVisible();
    let inspector = pick(["record", "operator", "none"] as const);
    if (inspector === "record") {
      const chips = page.getByTestId("canvas").getByTestId("record");
      const count = await chips.count();
      if (count > 0) {
        await chips.nth(Math.floor(random() * count)).click();
        await expect(page.getByRole("region", { name: "Record inspector" })).toBeVisible();
      } else inspector = "none";
    } else if (inspector === "operator") {
      const nodes = page.getByTestId("canvas").locator(".op-node");
      await nodes.nth(Math.floor(random() * (await nodes.count()))).click();
      await expect(page.getByRole("region", { name: "Operator inspector" })).toBeVisible();
    }
    for (const what of [view, tab, inspector]) saw(what);
    const next = pick(lessons.filter((l) => l.id !== current));
    current = next.id;
    const context = `switch ${i + 1} (seed ${SEED}): to ${next.id}, ${view}, inspector ${inspector}`;
    await test.step(context, async () => {
      await lessonPicker(page).selectOption(next.id);
      await expectLabShown(page, next.title);
      await expect(indicator(page)).toHaveText(/^Step 0 \//);
    });
  }
  for (const what of ["Logical", "Physical", "Cluster", "Time", "record", "operator"]) {
    expect(seen.get(what) ?? 0, `switches made with ${what} open`).toBeGreaterThanOrEqual(2);
  }
});

test("Back and Forward move between the scenarios opened, each at the step it was left on", async ({
  page,
}) => {
  await page.goto("/");
  const title = page.getByTestId("scenario-title");
  const first = (await title.textContent())!;
  const entries = () => page.evaluate(() => history.length);
  const before = await entries();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/s=3$/);
  expect(await entries()).toBe(before);

  await lessonPicker(page).selectOption("branch-merge");
  await expect(title).toHaveText("Branch and merge: routing payments");
  expect(await entries()).toBe(before + 1);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/s=2$/);
  expect(await entries()).toBe(before + 1);

  await page.goBack();
  await expect(title).toHaveText(first);
  await expect(indicator(page)).toHaveText(/^Step 3 \//);
  await expect(lessonPicker(page)).toHaveValue("transformations");
  await page.goForward();
  await expect(title).toHaveText("Branch and merge: routing payments");
  await expect(indicator(page)).toHaveText(/^Step 2 \//);
  await expect(lessonPicker(page)).toHaveValue("branch-merge");
  expect(await entries()).toBe(before + 1);
});

test("opening the first lesson from a damaged link keeps the link: Back shows it again", async ({ page }) => {
  await page.goto("/#v1/garbage!!");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("This share link cannot be opened");
  await alert.getByRole("button", { name: "Open the first lesson" }).click();
  await expect(page.getByTestId("scenario-title")).toBeVisible();
  await expect(page).toHaveURL(/\/s=0$/);

  await page.goBack();
  await expect(page).toHaveURL(/#v1\/garbage!!$/);
  await expect(alert).toContainText("This share link cannot be opened");
  await page.goForward();
  await expect(page.getByTestId("scenario-title")).toBeVisible();
  await expect(indicator(page)).toHaveText(/^Step 0 \//);
});

test("after choosing a lesson or a Jump to entry, → steps the lab instead of changing the choice", async ({
  page,
}) => {
  await page.goto("/");
  await lessonPicker(page).selectOption("crash-recovery");
  await expect(page.getByTestId("scenario-title")).toContainText("A crash");
  await expect(lessonPicker(page)).not.toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(indicator(page)).toHaveText(/^Step 1 \//);
  await expect(lessonPicker(page)).toHaveValue("crash-recovery");

  const jumpTo = page.getByRole("combobox", { name: "Jump to" });
  await jumpTo.selectOption({ label: "Rebalance" });
  await expect(jumpTo).not.toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(indicator(page)).toHaveText(/^Step 2 \//);
  await expect(jumpTo).toHaveValue("rebalance");
  // The jump's own shortcut works at once too.
  await page.keyboard.press("n");
  await expect(indicator(page)).not.toHaveText(/^Step 2 \//);

  // A keyboard user's choice in the select itself (arrow keys on the closed select) hands focus back as well.
  await lessonPicker(page).focus();
  await page.keyboard.press("ArrowDown");
  await expect(lessonPicker(page)).not.toBeFocused();
  const chosen = await lessonPicker(page).inputValue();
  expect(chosen).not.toBe("crash-recovery");
  await page.keyboard.press("ArrowRight");
  await expect(indicator(page)).toHaveText(/^Step 1 \//);
  await expect(lessonPicker(page)).toHaveValue(chosen);
});

test("a panel that fails says what went wrong, with a way on, and the rest of the lab keeps working", async ({
  page,
  consoleProblems,
}) => {
  await page.goto("/");
  const chip = page.getByTestId("canvas").getByTestId("record").first();
  for (let i = 0; i < 20 && (await chip.count()) === 0; i++) await stepForward(page).click();
  await chip.click();
  const inspector = page.getByRole("region", { name: "Record inspector" });
  await expect(inspector).toBeVisible();

  // The record inspector keeps its current lineage line in view: make that fail, then move to a line's step.
  await page.evaluate(() => {
    Element.prototype.scrollIntoView = () => {
      throw new Error("scrolling is broken here");
    };
  });
  const line = inspector.getByTestId("lineage-step").last();
  const step = await line.getAttribute("data-step");
  await line.click();
  const failure = page.getByTestId("panel-failure");
  await expect(failure).toHaveCount(1);
  await expect(failure).toHaveAttribute("role", "alert");
  await expect(failure).toContainText("The record inspector could not be shown");
  await expect(failure).toContainText("scrolling is broken here");
  await page.screenshot({ path: "/tmp/switch/panel-failure.png" });

  // Everything else still works: the canvas, the cluster panel, the narration, stepping.
  await expect(indicator(page)).toHaveText(new RegExp(`^Step ${step} /`));
  await expect(page.getByTestId("canvas").locator(".react-flow__node").first()).toBeVisible();
  await expect(page.getByRole("tab", { name: "Cluster" })).toBeVisible();
  await page.getByRole("tab", { name: "Time" }).click();
  await expect(page.getByTestId("time-lanes")).toBeVisible();

  // Once the cause is gone, "Reload this step" shows the inspector again, at the same step.
  await page.evaluate(() => {
    Element.prototype.scrollIntoView = () => {};
  });
  await failure.getByRole("button", { name: "Reload this step" }).click();
  await expect(failure).toHaveCount(0);
  await expect(inspector).toBeVisible();
  await expect(indicator(page)).toHaveText(new RegExp(`^Step ${step} /`));

  // "Open the first lesson" is the other way on.
  await page.evaluate(() => {
    Element.prototype.scrollIntoView = () => {
      throw new Error("scrolling is broken here");
    };
  });
  await stepForward(page).click();
  await inspector.getByTestId("lineage-step").first().click();
  await expect(failure).toHaveCount(1);
  await failure.getByRole("button", { name: "Open the first lesson" }).click();
  await expect(failure).toHaveCount(0);
  await expect(indicator(page)).toHaveText(/^Step 0 \//);

  // React reports each error a boundary caught on the console: those, and only those, were expected here.
  expect(consoleProblems.length).toBeGreaterThan(0);
  expect(consoleProblems.filter((p) => !p.includes("scrolling is broken here"))).toEqual([]);
  consoleProblems.splice(0);
});
