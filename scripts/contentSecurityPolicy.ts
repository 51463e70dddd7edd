/**
 * The Content-Security-Policy of the built page: a `<meta http-equiv>` in `index.html` (for any static host) and,
 * from `vite preview`, the same policy as a response header (`vite.config.ts`). Scripts run only from the page's
 * own origin, plus the first screen's inline script, allowed by its SHA-256 hash computed at build time; no eval,
 * no plugins, no `<base>`. The dev server has no policy: Vite injects inline scripts there.
 */
import { createHash } from "node:crypto";

/** The directives other than the inline scripts' hashes, in the order they are written. */
export const POLICY_DIRECTIVES: readonly (readonly [string, readonly string[]])[] = [
  ["default-src", ["'self'"]],
  // Module scripts and the lazy chunks, from this origin; the inline script's hash is added after these.
  ["script-src", ["'self'"]],
  // Inline styles are allowed, styles only: the first screen rendered at build time positions every node and the
  // canvas's viewport with a `style` attribute (React Flow's markup), and CSP counts those as inline styles.
  // Hashing each one would tie the policy to every node position of the first lesson. A style cannot run code,
  // and the page never inserts untrusted markup (React escapes text), so scripts stay locked down.
  ["style-src", ["'self'", "'unsafe-inline'"]],
  ["img-src", ["'self'"]],
  ["font-src", ["'self'"]],
  ["connect-src", ["'self'"]],
  // The simulation Worker: Vite emits it as a file of this origin (`new Worker(new URL(…), { type: "module" })`).
  ["worker-src", ["'self'"]],
  ["object-src", ["'none'"]],
  ["base-uri", ["'none'"]],
  ["form-action", ["'none'"]],
];

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** Script types a browser runs; any other `type` (such as `application/json`) is a data block. */
const RUNNABLE_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);

/** The `'sha256-…'` source of each inline script in `html` that the browser would run, in document order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1]?.toLowerCase() ?? "";
    if (!RUNNABLE_TYPES.has(type)) continue;
    hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...new Set(hashes)];
}

/** The policy, allowing the given inline script hashes besides the page's own origin. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return POLICY_DIRECTIVES.map(([name, sources]) =>
    [name, ...sources, ...(name === "script-src" ? scriptHashes : [])].join(" "),
  ).join("; ");
}

const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/**
 * `html` with its policy as the first element after `<meta charset>` (a policy in a meta element applies only to
 * what follows it), and the policy itself.
 */
export function withContentSecurityPolicy(html: string): { html: string; policy: string } {
  if (META.test(html)) throw new Error("index.html already has a Content-Security-Policy");
  const policy = contentSecurityPolicy(inlineScriptHashes(html));
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (!charset) throw new Error("index.html has no <meta charset>: the policy goes right after it");
  const at = charset.index + charset[0].length;
  const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return { html: html.slice(0, at) + meta + html.slice(at), policy };
}

/** The policy a built `index.html` carries, or null when it has none. */
export function builtPolicy(html: string): string | null {
  return META.exec(html)?.[1] ?? null;
}
