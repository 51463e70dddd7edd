/**
 * The shared Playwright fixture: every test fails on any console error or warning (or uncaught page error), every
 * navigation waits for the live app to replace the first screen rendered at build time, and the locators every
 * spec uses.
 */
import { test as base, expect, type Page } from "@playwright/test";

export const test = base.extend<{ consoleProblems: string[] }>({
  // index.html holds the first screen rendered at build time, inert until the app replaces it: a test acts on the
  // live app, so every navigation waits for that replacement.
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      // `commit`: the test looks at the page before the app runs.
      if (options?.waitUntil !== "commit") await page.locator(".first-screen").waitFor({ state: "detached" });
      return response;
    };
    await use(page);
  },
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") {
          problems.push(`${message.type()}: ${message.text()}`);
        }
      });
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      await use(problems);
      expect(problems, "console errors and warnings").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const indicator = (page: Page) => page.getByTestId("step-indicator");
export const narration = (page: Page) => page.getByTestId("narration");
export const stepForward = (page: Page) => page.getByRole("button", { name: "Step forward", exact: true });
export const stepBack = (page: Page) => page.getByRole("button", { name: "Step back", exact: true });
