// The lint rules that keep the layers apart must actually fire: lint small probe files with the project's own
// Biome configuration, in a scratch copy of the project's layout, and check each violation is reported.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "topolab-lint-"));
cpSync(join(root, "biome.json"), join(scratch, "biome.json"));
cpSync(join(root, "lint"), join(scratch, "lint"), { recursive: true });
writeFileSync(join(scratch, ".gitignore"), "");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lints one probe file at `path` (relative to the project root) and returns Biome's diagnostics as text. */
function lint(path: string, source: string): string {
  const file = join(scratch, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  try {
    execFileSync(
      join(root, "node_modules/.bin/biome"),
      ["lint", "--vcs-enabled=false", "--max-diagnostics=50", path],
      {
        cwd: scratch,
        encoding: "utf8",
        stdio: "pipe",
      },
    );
    return "";
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    return stdout + stderr;
  } finally {
    rmSync(file);
  }
}

describe("layer boundaries", () => {
  it("keep clocks out of src/engine", () => {
    expect(lint("src/engine/probe.ts", "export const t = Date.now();\n")).toContain("never reads a clock");
  });

  it("keep global randomness out of src/engine", () => {
    expect(lint("src/engine/probe.ts", "export const r = Math.random();\n")).toContain("deterministic");
  });

  it("keep timers out of src/engine", () => {
    expect(lint("src/engine/probe.ts", "setTimeout(() => {}, 1);\n")).toContain("has no timers");
  });

  it("keep the UI and the upper layers out of src/engine", () => {
    expect(
      lint("src/engine/probe.ts", 'import { useState } from "react";\nexport const s = useState;\n'),
    ).toContain("independent of the UI");
    expect(
      lint("src/engine/probe.ts", 'import { x } from "../scenario/x";\nexport const y = x;\n'),
    ).toContain("imports nothing above it");
  });

  it("keep the UI out of src/app and src/scenario", () => {
    expect(lint("src/app/probe.ts", 'import { x } from "../ui/x";\nexport const y = x;\n')).toContain(
      "must not import the UI",
    );
    expect(lint("src/scenario/probe.ts", 'import { x } from "../app/x";\nexport const y = x;\n')).toContain(
      "imports only the engine",
    );
  });

  it("allow the same code where it belongs", () => {
    expect(lint("src/app/probe.ts", "export const t = Date.now();\n")).toBe("");
  });
});
