/**
 * The shared Playwright fixture: every test fails on any console error or warning (or uncaught page error), and
 * the locators every spec uses.
 */
import { test as base, expect, type Page } from "@playwright/test";

export const test = base.extend<{ consoleProblems: string[] }>({
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
