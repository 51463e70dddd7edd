/**
 * The built app under its own Content-Security-Policy, in a real Chromium: the preview server sends the policy
 * the page carries, the page opens (the first screen's inline script allowed by its hash), steps, loads its lazy
 * parts, and simulates a long scenario from a link on the Worker — with no `securitypolicyviolation` and no CSP
 * report on the console, from the page or the Worker. A control test checks that the policy really is enforced.
 */
import { test as bare, type ConsoleMessage, type Page } from "@playwright/test";
import type { Scenario } from "../src/scenario/schema";
import { encodeShareFragment } from "../src/scenario/shareUrl";
import { expect, indicator, stepForward, test } from "./labTest";

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Records every CSP violation the document reports, from before the page's own scripts run. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    window.cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} refused ${event.blockedURI || "inline"} at ${event.sourceFile}`);
    });
  });
  // A Worker reports on its own global, which a page script cannot listen to: its entry module is served with a
  // first import that listens there and logs each violation (modules run in import order, so before any other).
  await page.context().route(/\/assets\/simulationWorker-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = `import "./csp-violation-listener.js";\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
  await page.context().route(/\/assets\/csp-violation-listener\.js$/, (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body:
        'self.addEventListener("securitypolicyviolation", (e) => console.error("Content Security Policy: " + ' +
        'e.effectiveDirective + " refused " + (e.blockedURI || "inline") + " at " + e.sourceFile));',
    }),
  );
  const reports: string[] = [];
  // The browser reports a violation on the console too, from the page or from a Worker.
  const onConsole = (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      reports.push(`${message.worker() ? "worker" : "page"}: ${message.text()}`);
  };
  page.on("console", onConsole);
  return async () => [...(await page.evaluate(() => window.cspViolations ?? [])), ...reports];
}

/** A lesson-sized pipeline with many records: simulated on the Worker when opened from a link. */
const RECORDS = 24_000;
const longScenario = {
  version: 1,
  title: "Twenty-four thousand orders",
  topics: [
    { name: "orders", partitions: 4 },
    { name: "large-orders", partitions: 2 },
  ],
  producers: [
    {
      id: "shop",
      topic: "orders",
      generate: {
        count: RECORDS,
        everyMs: 1,
        keys: ["alice", "bob", "carol", "dave"],
        jitterMs: 20,
        value: "{amount: value % 200}",
      },
    },
  ],
  app: {
    id: "order-pipeline",
    instances: 2,
    topology: [
      { id: "orders-in", op: "source", topics: ["orders"] },
      { id: "large-only", op: "filter", from: "orders-in", predicate: "value.amount >= 50" },
      { id: "out", op: "sink", from: "large-only", topic: "large-orders" },
    ],
  },
} as Scenario;

test("the preview server sends the policy the built page carries: scripts from the page only, no eval", async ({
  page,
}) => {
  const response = await page.goto("/");
  const header = response?.headers()["content-security-policy"];
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(header).toBeTruthy();
  expect(meta).toBe(header);
  const directives = new Map(header!.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
  expect(directives.get("script-src")?.[0]).toBe("'self'");
  expect(
    directives
      .get("script-src")
      ?.slice(1)
      .every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source)),
    "script-src is 'self' and hashes only",
  ).toBe(true);
  expect(header).not.toContain("unsafe-eval");
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'none'"]);
  expect(directives.get("worker-src")).toEqual(["'self'"]);
});

test("the built app opens, steps and loads its lazy parts with no CSP violation", async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto("/");
  await expect(page.getByTestId("node-orders-in")).toBeVisible();
  for (let i = 0; i < 8; i++) await stepForward(page).click();
  await expect(indicator(page)).toHaveText(/^Step 8 \/ \d+$/);
  // Lazy chunks: the record inspector, the physical view, the shortcuts help, the other lessons, the Time tab.
  const chip = page.getByRole("button", { name: /^orders-\d offset 0, key / });
  for (let i = 0; i < 20 && (await chip.count()) === 0; i++) await stepForward(page).click();
  await chip.first().click();
  await expect(page.getByRole("region", { name: "Record inspector" })).toBeVisible();
  await page.getByRole("button", { name: "Physical" }).click();
  await page.locator("body").press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("combobox", { name: "Lesson" }).selectOption("scheduler-choice");
  await page.getByRole("tab", { name: "Time" }).click();
  await expect(page.getByRole("heading", { name: "Time at a glance" })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("the Japanese UI (its catalogue loaded on demand) opens with no CSP violation", async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto("/?lang=ja");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByTestId("node-orders-in")).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("a long scenario from a link is validated and simulated on the Worker with no CSP violation", async ({
  page,
}) => {
  const violations = await recordViolations(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.goto(`/${encodeShareFragment(longScenario, 0)}`);
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Twenty-four thousand orders");
  expect(workers.length, "the scenario ran on a Worker").toBeGreaterThan(0);
  expect(
    workers.every((url) => url.startsWith(new URL(page.url()).origin)),
    "a same-origin Worker",
  ).toBe(true);

  const total = Number((await indicator(page).textContent())!.split("/")[1]);
  expect(total, "steps: every record is produced, appended, fetched and processed").toBeGreaterThan(
    4 * RECORDS,
  );
  await stepForward(page).click();
  await stepForward(page).click();
  await expect(indicator(page)).toHaveText(`Step 2 / ${total}`);
  await page.keyboard.press("End");
  await expect(indicator(page)).toHaveText(`Step ${total} / ${total}`);
  expect(await violations()).toEqual([]);
});

// Without the fixture that fails on console errors: the refusal this test provokes is reported there.
bare(
  "the policy is enforced: an inline script the page did not ship is refused and reported",
  async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto("/");
    await page.locator(".first-screen").waitFor({ state: "detached" });
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "document.body.dataset.injected = 'ran'";
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return document.body.dataset.injected ?? null;
    });
    expect(ran, "the injected script did not run").toBeNull();
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src-elem refused inline/));
  },
);
