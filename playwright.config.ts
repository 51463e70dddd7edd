import { defineConfig } from "@playwright/test";

// Debian's Chromium by default (Playwright cannot download its own browser on our machines); set
// TOPOLAB_CHROMIUM to another executable, or to "bundled" to use Playwright's own browser.
const chromium = process.env.TOPOLAB_CHROMIUM ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: "http://127.0.0.1:4173",
    launchOptions: {
      ...(chromium === "bundled" ? {} : { executablePath: chromium }),
      args: ["--disable-gpu", "--disable-quic"],
    },
    viewport: { width: 1440, height: 900 },
  },
  webServer: {
    command: "npx vite build && npx vite preview --host 127.0.0.1 --port 4173 --strictPort",
    url: "http://127.0.0.1:4173",
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
