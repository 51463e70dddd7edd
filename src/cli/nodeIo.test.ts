import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INVALID_TEXT, SYNTAX_ERROR_TEXT, TINY_TEXT } from "./cliFixtures";
import { nodeIo } from "./nodeIo";
import { runCli } from "./runCli";

const dir = mkdtempSync(join(tmpdir(), "topolab-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The real file system, with output captured instead of written to the test's streams. */
function realFiles() {
  const captured = { out: "", err: "" };
  const io = {
    ...nodeIo(),
    stdout: (text: string) => {
      captured.out += text;
    },
    stderr: (text: string) => {
      captured.err += text;
    },
  };
  return { io, captured };
}

describe("nodeIo.readFile", () => {
  const { io } = realFiles();

  it("shouldReadUtf8TextAndDropAByteOrderMark", async () => {
    const path = file("bom.json", new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('{"a":"é"}')]));
    expect(io.readFile(path, 100)).toEqual({ kind: "text", text: '{"a":"é"}' });
  });

  it("shouldTellMissingFilesDirectoriesAndLargeFilesApart", async () => {
    mkdirSync(join(dir, "sub"), { recursive: true });
    expect(io.readFile(join(dir, "nope.json"), 100)).toEqual({ kind: "missing" });
    expect(io.readFile(join(dir, "nope", "x.json"), 100)).toEqual({ kind: "missing" });
    expect(io.readFile(join(dir, "sub"), 100)).toEqual({ kind: "notAFile" });
    expect(io.readFile(file("big.json", "x".repeat(101)), 100)).toEqual({ kind: "tooLarge", bytes: 101 });
  });

  it("shouldRefuseBytesThatAreNotUtf8", async () => {
    expect(io.readFile(file("latin1.json", new Uint8Array([0x22, 0xe9, 0x22])), 100)).toEqual({
      kind: "unreadable",
      reason: "not UTF-8 text",
    });
  });
});

describe("commands on temporary files", () => {
  it("shouldValidateAndRunARealFile", async () => {
    const path = file("tiny.json", TINY_TEXT);
    const { io, captured } = realFiles();
    expect(await runCli(["validate", path], io)).toBe(0);
    expect(await runCli(["run", path, "--json"], io)).toBe(0);
    expect(captured.out).toMatch(/^valid: Tiny doubling pipeline\n\{\n {2}"outputVersion": 2,/);
  });

  it("shouldReportEveryErrorOfAnInvalidFile", async () => {
    const { io, captured } = realFiles();
    expect(await runCli(["validate", file("invalid.json", INVALID_TEXT)], io)).toBe(1);
    expect(captured.err.trimEnd().split("\n").length).toBeGreaterThanOrEqual(3);
  });

  it("shouldReportASyntaxErrorWithLineAndColumn", async () => {
    const { io, captured } = realFiles();
    expect(await runCli(["trace", file("broken.json", SYNTAX_ERROR_TEXT)], io)).toBe(1);
    expect(captured.err).toMatch(/^JSON syntax error at 4:1: /);
  });

  it("shouldNameAMissingFile", async () => {
    const { io, captured } = realFiles();
    const path = join(dir, "missing.json");
    expect(await runCli(["run", path], io)).toBe(1);
    expect(captured.err).toBe(`cannot read ${JSON.stringify(path)}: no such file\n`);
  });

  it("shouldSayADirectoryIsNotAFile", async () => {
    const { io, captured } = realFiles();
    expect(await runCli(["run", dir], io)).toBe(1);
    expect(captured.err).toBe(`cannot read ${JSON.stringify(dir)}: not a file\n`);
  });
});
