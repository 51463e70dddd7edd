/**
 * The lab at scale, in a real Chromium: a scenario of 6,400 partitions (100 topics × 64, 640 tasks on 16 instances)
 * opened from a share link keeps a bounded DOM — only the lanes, chips and task rows in view are rendered — and a
 * lane far down a topic's lane list can be scrolled to and its record clicked. Fails on any console error or warning.
 */
import { simulate } from "../src/engine";
import { loadScenario } from "../src/scenario/loadScenario";
import { encodeShareFragment } from "../src/scenario/shareUrl";
import { expect, test } from "./labTest";
import { manyPartitionsScenario, PARTITIONS } from "./manyPartitions";

/** Far more than a lesson's page (about 600 elements), far fewer than every lane and task row (about 80,000). */
const DOM_BOUND = 4_000;

/** Per topic, the highest partition that holds a record at the end of the run. */
function lanesFarDown(): Map<string, number> {
  const loaded = loadScenario(manyPartitionsScenario());
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const simulation = simulate(loaded.model);
  const highest = new Map<string, number>();
  for (const [topic, logs] of Object.entries(simulation.logs)) {
    let partition = PARTITIONS - 1;
    while (partition > 0 && logs[partition]!.length === 0) partition--;
    highest.set(topic, partition);
  }
  return highest;
}

test("a 6,400-partition scenario keeps a bounded DOM, and a lane far down scrolls into view and takes a click", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const farDown = lanesFarDown();

  await page.goto(`/${encodeShareFragment(manyPartitionsScenario(), 0)}`);
  await expect(page.getByTestId("cluster-panel")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Go to end" }).click();
  await expect(page.getByTestId("step-indicator")).toContainText(/Step (\d+) \/ \1/);

  const elements = await page.evaluate(() => document.getElementsByTagName("*").length);
  expect(elements).toBeLessThan(DOM_BOUND);
  // The cluster panel renders the task rows in view, not all 640.
  expect(await page.locator('article[data-testid^="task-"]').count()).toBeLessThan(60);

  // A topic the canvas shows (only the nodes in view are rendered); its list shows eight lanes of 64.
  const shownTopic = await page
    .locator(".react-flow__node-topic .topic-node")
    .first()
    .getAttribute("data-testid");
  const topic = shownTopic!.slice("topic-".length);
  const partition = farDown.get(topic)!;
  expect(partition).toBeGreaterThanOrEqual(16);
  const list = page.getByTestId(`lanes-${topic}`);
  expect(await list.locator(".lane").count()).toBeLessThan(16);
  await expect(page.getByTestId(`partition-${topic}-${partition}`)).toHaveCount(0);

  await list.evaluate((element, top) => {
    element.scrollTop = top;
  }, partition * 30);
  const lane = page.getByTestId(`partition-${topic}-${partition}`);
  await expect(lane).toBeVisible();
  expect(await list.locator(".lane").count()).toBeLessThan(16);

  const chip = lane.getByTestId("record").last();
  await chip.click();
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("inspector")).toContainText(`${topic}-${partition}`);
});
