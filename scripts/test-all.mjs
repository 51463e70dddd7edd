#!/usr/bin/env node
// Runs every check the project has, in order, and ends with one plain line: "N passed, N failed".
// Lint, type-check and build count as one test each; unit and end-to-end tests are counted from their JSON reports.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium.mjs";

const reports = ".reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(label, command, args) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

function countVitest(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
  };
}

function countPlaywright(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8"));
  const stats = report.stats ?? {};
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
}

const browser = ensureChromium();
if (!browser.ok) console.log(`\n! ${browser.message}`);

step("lint", "npx", ["biome", "check", "."]);
step("typecheck", "npx", ["tsc", "-b"]);

const unitOk = run("unit tests", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${reports}/vitest.json`,
]);
const unit = countVitest(`${reports}/vitest.json`);
if (unit) {
  passed += unit.passed;
  failed += unit.failed;
  if (!unitOk && unit.failed === 0) failed++;
} else {
  failed++;
  failures.push("unit tests (no report)");
}

step("build", "npx", ["vite", "build"]);

const e2eOk = run("end-to-end tests", "npx", ["playwright", "test"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json`,
});
const e2e = countPlaywright(`${reports}/playwright.json`);
if (e2e) {
  passed += e2e.passed;
  failed += e2e.failed;
  if (!e2eOk && e2e.failed === 0) failed++;
} else {
  failed++;
  failures.push("end-to-end tests (no report)");
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
