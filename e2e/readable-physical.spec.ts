/**
 * The physical view is readable as it opens: its nodes' text is drawn at 11 px or more on screen (the view opens at
 * 1:1 or larger). Fails on any console error or warning.
 */
import { expect, test } from "./labTest";

test("the physical view opens with its text at 11 px or more", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("copartitioned-join");
  await page.getByRole("group", { name: "Canvas view" }).getByRole("button", { name: "Physical" }).click();
  await page.getByRole("button", { name: "Go to end" }).click();
  await expect(page.getByTestId("group-instance-1")).toBeVisible();
  await page.waitForTimeout(400);

  const smallest = await page.evaluate(() => {
    const transform = document.querySelector<HTMLElement>(".react-flow__viewport")!.style.transform;
    const zoom = Number(/scale\(([\d.]+)\)/.exec(transform)![1]);
    let font = Number.POSITIVE_INFINITY;
    for (const element of document.querySelectorAll<HTMLElement>(".react-flow__node *")) {
      const hasText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== "");
      if (hasText) font = Math.min(font, Number.parseFloat(getComputedStyle(element).fontSize));
    }
    return { zoom, font, onScreen: font * zoom };
  });
  expect(smallest.zoom).toBeGreaterThanOrEqual(1);
  expect(smallest.onScreen).toBeGreaterThanOrEqual(11);
});
