// Finds the Chromium the end-to-end tests drive, installing Debian's package when it is missing and we can.
// TOPOLAB_CHROMIUM overrides the path ("bundled" uses Playwright's own browser).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export function ensureChromium() {
  const configured = process.env.TOPOLAB_CHROMIUM;
  if (configured === "bundled") return { ok: true, message: "using Playwright's bundled browser" };
  const path = configured ?? "/usr/bin/chromium";
  if (existsSync(path)) return { ok: true, message: path };
  if (configured) return { ok: false, message: `TOPOLAB_CHROMIUM=${configured} does not exist` };
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!hasApt) {
    return {
      ok: false,
      message: "Chromium not found: install it, or set TOPOLAB_CHROMIUM to a Chromium executable",
    };
  }
  console.log("Installing Debian's Chromium for the end-to-end tests (apt-get install chromium)…");
  const apt = (...args) =>
    isRoot
      ? spawnSync("apt-get", args, { stdio: "ignore" })
      : spawnSync("sudo", ["-n", "apt-get", ...args], { stdio: "ignore" });
  if (apt("install", "-y", "chromium").status !== 0) {
    apt("update");
    apt("install", "-y", "chromium");
  }
  return existsSync(path)
    ? { ok: true, message: path }
    : {
        ok: false,
        message:
          "could not install Chromium (apt-get install chromium failed); the end-to-end tests will fail",
      };
}
