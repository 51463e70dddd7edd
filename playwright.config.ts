import { defineConfig } from "@playwright/test";

// Debian's Chromium by default (Playwright cannot download its own browser on our machines); set
// TOPOLAB_CHROMIUM to another executable, or to "bundled" to use Playwright's own browser.
const chromium = process.env.TOPOLAB_CHROMIUM ?? "/usr/bin/chromium";
// TOPOLAB_E2E_PORT serves the app on another port, so two checkouts can run their end-to-end tests side by side.
const port = Number(process.env.TOPOLAB_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      ...(chromium === "bundled" ? {} : { executablePath: chromium }),
      args: ["--disable-gpu", "--disable-quic"],
    },
    viewport: { width: 1440, height: 900 },
  },
  webServer: {
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
