import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  builtPolicy,
  contentSecurityPolicy,
  inlineScriptHashes,
  withContentSecurityPolicy,
} from "./contentSecurityPolicy";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const page = (body: string) =>
  `<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <title>t</title>\n  </head>\n  <body>${body}</body>\n</html>\n`;

describe("the built page's Content-Security-Policy", () => {
  it("hashes the inline scripts a browser runs, byte for byte, and not external scripts or JSON data blocks", () => {
    const guard = 'if (!location.hash) document.title = "é";';
    const html = page(
      `<script type="module" crossorigin src="./assets/index.js"></script>` +
        `<script>${guard}</script>` +
        `<script type="application/json" id="places">{"a":1}</script>` +
        `<script type="module">import("./x.js")</script>`,
    );
    expect(inlineScriptHashes(html)).toEqual([sha256(guard), sha256('import("./x.js")')]);
  });

  it("allows scripts from the page's origin and the hashed ones only: no eval, no inline code, no plugins, no <base>", () => {
    const policy = contentSecurityPolicy(["'sha256-abc='"]);
    const directives = new Map(
      policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const),
    );
    expect(directives.get("script-src")).toEqual(["'self'", "'sha256-abc='"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
    expect(directives.get("worker-src")).toEqual(["'self'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(policy).not.toContain("unsafe-eval");
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("goes right after <meta charset>, before any script, and reads back as the same policy", () => {
    const guard = "document.body.dataset.ready = '1';";
    const { html, policy } = withContentSecurityPolicy(page(`<script>${guard}</script>`));
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(html.indexOf("<meta charset"));
    expect(meta).toBeLessThan(html.indexOf("<title>"));
    expect(policy).toContain(sha256(guard));
    expect(builtPolicy(html)).toBe(policy);
  });

  it("refuses a page without <meta charset> or with a policy already", () => {
    expect(() => withContentSecurityPolicy("<html><head></head></html>")).toThrow(/meta charset/);
    const once = withContentSecurityPolicy(page("")).html;
    expect(() => withContentSecurityPolicy(once)).toThrow(/already/);
    expect(builtPolicy(page(""))).toBeNull();
  });
});
