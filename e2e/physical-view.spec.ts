/**
 * The physical view in a real Chromium: the switch, one group per instance holding a copy of the operators per task,
 * the flight drawn on the copy in the task that processed the record, a repartition carrying records between
 * instances, and a share link that opens on the physical view with a record selected.
 */
import { expect, narration, stepForward, test } from "./labTest";

test("switches to the physical view and shows each instance's tasks", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("copartitioned-join");
  const views = page.getByRole("group", { name: "Canvas view" });
  await expect(views.getByRole("button", { name: "Logical" })).toHaveAttribute("aria-pressed", "true");
  await views.getByRole("button", { name: "Physical" }).click();
  await expect(views.getByRole("button", { name: "Physical" })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/\/v=physical$/);

  // Before the first generation every task is unassigned; after it, each instance holds its own.
  await expect(page.getByTestId("group-unassigned")).toBeVisible();
  const jumpTo = page.getByRole("combobox", { name: "Jump to" });
  await jumpTo.selectOption({ label: "Write" });
  await page.getByRole("button", { name: "Next match", exact: true }).click();
  await expect(page.getByTestId("group-unassigned")).toHaveCount(0);
  await expect(page.getByTestId("group-instance-1")).toBeVisible();
  await expect(page.getByTestId("group-instance-2")).toBeVisible();
  await expect(page.locator('[data-testid^="task-group-"]')).not.toHaveCount(0);
  // The record being written lights up one copy of the sink: the one in its task.
  await expect(page.locator(".op-node.is-active")).toHaveCount(1);
  await page.screenshot({ path: "/tmp/physical-copartitioned-join.png" });

  // Stepping animates the next records on the copies: the overlay reports one in flight, drawn.
  let moving = false;
  for (let i = 0; i < 12 && !moving; i++) {
    moving = await page.evaluate(async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="flight-overlay"]')!;
      document.querySelector<HTMLButtonElement>('button[aria-label="Step forward"]')!.click();
      const t0 = performance.now();
      while (performance.now() - t0 < 400) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (canvas.dataset.inFlight === "1" && canvas.dataset.drawn === "1") return true;
      }
      return false;
    });
  }
  expect(moving, "a record moved on the physical view within 12 steps").toBe(true);
  await expect(stepForward(page)).toBeEnabled();
  await expect(narration(page)).not.toBeEmpty();
});

test("shows a crashed instance as stopped and its tasks on the survivor after the rebalance", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("crash-recovery");
  await page.getByRole("group", { name: "Canvas view" }).getByRole("button", { name: "Physical" }).click();
  const jumpTo = page.getByRole("combobox", { name: "Jump to" });
  const next = page.getByRole("button", { name: "Next match", exact: true });
  await jumpTo.selectOption({ label: "Reprocessed record" });
  await next.click();
  // The survivor holds both tasks; the crashed instance is still there, dashed and saying it is stopped.
  // Measured once the view has settled after refitting to the new layout.
  await expect(async () => {
    const survivor = (await page.getByTestId("group-instance-1").boundingBox())!;
    for (const task of ["0_0", "0_1"]) {
      const box = (await page.getByTestId(`task-group-${task}`).boundingBox())!;
      expect(box.y).toBeGreaterThan(survivor.y);
      expect(box.y + box.height).toBeLessThan(survivor.y + survivor.height);
    }
  }).toPass({ timeout: 5000 });
  await expect(page.getByTestId("node-payments-in@0_1")).toBeVisible();
  const crashed = page.getByTestId("group-instance-2");
  await expect(crashed).toHaveClass(/is-stopped/);
  await expect(crashed).toContainText("crashed");
  await expect(crashed).toHaveCSS("border-top-style", "dashed");
  await page.screenshot({ path: "/tmp/physical-crash-recovery.png" });
});

test("carries a repartitioned record from one instance's group to another's", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("repartition-after-selectkey");
  await page.getByRole("group", { name: "Canvas view" }).getByRole("button", { name: "Physical" }).click();
  const jumpTo = page.getByRole("combobox", { name: "Jump to" });
  await jumpTo.selectOption({ label: "Write" });
  await page.getByRole("button", { name: "Next match", exact: true }).click();
  await expect(page.locator(".op-node.is-active")).toHaveCount(1);
  await page.screenshot({ path: "/tmp/physical-repartition.png" });
});

test("opens a shared link on the physical view with a record selected", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("crash-recovery");
  await page.getByRole("group", { name: "Canvas view" }).getByRole("button", { name: "Physical" }).click();
  await page.getByRole("button", { name: "Go to end" }).click();
  await page.getByTestId("record").first().click();
  await expect(page).toHaveURL(/\/r=\d+\/v=physical$/);
  const link = page.url();

  const other = await page.context().newPage();
  await other.goto(link);
  await expect(
    other.getByRole("group", { name: "Canvas view" }).getByRole("button", { name: "Physical" }),
  ).toHaveAttribute("aria-pressed", "true");
  await expect(other.getByTestId("group-instance-1")).toBeVisible();
  await expect(other.locator('[data-testid="record"][aria-pressed="true"]')).toHaveCount(1);
  await other.close();
});

test("links the names in the narration to the canvas and the cluster panel", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("crash-recovery");
  await page.getByRole("group", { name: "Canvas view" }).getByRole("button", { name: "Physical" }).click();
  const jumpTo = page.getByRole("combobox", { name: "Jump to" });
  await jumpTo.selectOption({ label: "Reprocessed record" });
  await page.getByRole("button", { name: "Next match", exact: true }).click();
  // "instance-1 fetched payments-1 offset 1 again for task 0_1: …"
  const names = narration(page).getByRole("button");
  await expect(names.first()).toHaveText("instance-1");
  await names.first().click();
  await expect(page.locator('.react-flow__node.is-focused[data-id="instance:instance-1"]')).toBeVisible();
  await expect(page.getByTestId("cluster-panel").getByTestId("instance-instance-1")).toHaveClass(
    /is-focused/,
  );

  await narration(page).getByRole("button", { name: "payments-1" }).click();
  await expect(page.locator('.react-flow__node.is-focused[data-id="topic:payments"]')).toBeVisible();

  // Switching views does not replay the last request.
  await page.getByRole("group", { name: "Canvas view" }).getByRole("button", { name: "Logical" }).click();
  await expect(page.getByTestId("node-payments-in")).toBeVisible();
  await expect(page.locator(".react-flow__node.is-focused")).toHaveCount(0);
});
