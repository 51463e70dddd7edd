/**
 * A crash and the rebalance that follows, seen in the cluster panel of a real Chromium: the crashed instance is
 * marked, its task waits unconsumed until the session times out, then moves to the survivor, and the records
 * processed again are marked as reprocessed. Fails on any console error or warning.
 */
import { expect, narration, test } from "./labTest";

test("shows a crash, the session timeout, the rebalance and the reprocessed records", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("combobox", { name: "Lesson" })
    .selectOption({ label: "A crash: partitions move, and uncommitted work is done twice" });
  const cluster = page.getByTestId("cluster-panel");
  await expect(cluster.getByTestId("instance-instance-2")).toBeVisible();

  const jumpTo = page.getByRole("combobox", { name: "Jump to" });
  const next = page.getByRole("button", { name: "Next match", exact: true });
  await jumpTo.selectOption({ label: "Crash, stop or restart" });
  await next.click();
  await expect(narration(page)).toContainText("crashed without sending LeaveGroup");
  await expect(cluster.getByTestId("instance-instance-2")).toContainText("crashed");
  await expect(cluster.getByTestId("task-0_1")).toContainText("not running");

  await jumpTo.selectOption({ label: "Rebalance" });
  await next.click();
  await expect(narration(page)).toContainText("rebalance started for generation 2");

  await jumpTo.selectOption({ label: "Reprocessed record" });
  await next.click();
  await expect(narration(page)).toContainText("again");
  await expect(cluster.getByTestId("generation")).toHaveText("Generation 2");
  await expect(cluster.getByTestId("instance-instance-1")).toContainText("0_1");
  await expect(cluster.getByTestId("group-history")).toContainText("session timeout");
  await page.screenshot({ path: "/tmp/cluster-rebalance.png" });

  await expect(cluster.getByTestId("instance-instance-2")).toContainText("crashed");

  // The survivor first writes a record of its own partition, then the first duplicate.
  await jumpTo.selectOption({ label: "Write" });
  await next.click();
  await expect(narration(page)).not.toContainText("duplicate");
  await next.click();
  await expect(narration(page)).toContainText("This is a duplicate");
  await page.getByRole("button", { name: "Step forward" }).click();
  await expect(narration(page)).toContainText("broker appended");
  await expect(page.getByRole("button", { name: /reprocessed after a failover/ }).first()).toBeVisible();
});
