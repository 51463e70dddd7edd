/**
 * The real command, spawned the way users run it. Few and slow on purpose: everything else runs in-process.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { TINY_SCENARIO } from "./cliFixtures";

const root = new URL("../../", import.meta.url).pathname;

function spawn(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("the topolab command", () => {
  it("shouldListLessonsThroughTheNpmScript", () => {
    const { code, out, err } = spawn("npm", ["run", "-s", "topolab", "--", "lessons"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/^transformations {2,}\S/);
  }, 60_000);

  it("shouldExit2WithUsageForAnUnknownCommand", () => {
    const { code, out, err } = spawn("npx", ["tsx", "src/cli/main.ts", "frobnicate"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^topolab: unknown command "frobnicate"\n\nTopolab: [^\n]+\n\nUsage: /);
  }, 60_000);

  it("shouldStopQuietlyWhenThePipeCloses", () => {
    // Far more output than a pipe buffers, so the writer really meets a closed pipe.
    const dir = mkdtempSync(join(tmpdir(), "topolab-e2e-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "many.json");
    const generate = { count: 3000, everyMs: 10, keys: ["alice", "bob", "carol"] };
    writeFileSync(
      path,
      JSON.stringify({ ...TINY_SCENARIO, producers: [{ id: "gen", topic: "numbers", generate }] }),
    );
    const { code, out, err } = spawn("sh", ["-c", `npx tsx src/cli/main.ts trace '${path}' | head -n 2`]);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out.trimEnd().split("\n")).toHaveLength(2);
  }, 60_000);

  it("shouldStopReadingStandardInputPastTheSizeLimit", () => {
    // An endless input: the command reads 2 MB and a little more, then refuses it.
    const { code, out, err } = spawn("sh", ["-c", "npx tsx src/cli/main.ts validate - < /dev/zero"]);
    expect(out).toBe("");
    expect(err).toBe(
      'cannot read "-": it is more than 2097152 bytes; a scenario may have at most 2097152 (2 MB)\n',
    );
    expect(code).toBe(1);
  }, 60_000);

  it("shouldReadAScenarioFromStandardInput", () => {
    const dir = mkdtempSync(join(tmpdir(), "topolab-e2e-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "tiny.json");
    writeFileSync(path, JSON.stringify(TINY_SCENARIO));
    const { code, out } = spawn("sh", ["-c", `npx tsx src/cli/main.ts validate - < '${path}'`]);
    expect(out).toBe(`valid: ${TINY_SCENARIO.title}\n`);
    expect(code).toBe(0);
  }, 60_000);
});
