/**
 * zod, as the scenario schema uses it: without code generation. By default zod compiles a fast parser for each
 * object schema with `new Function`, and probes for it with a `new Function("")` it catches. Both are eval, which
 * the house forbids and the page's Content-Security-Policy refuses (`script-src` has no `'unsafe-eval'`); a refused
 * probe is still reported as a violation. `jitless` makes zod interpret every schema, and skips the probe. It must
 * be set before any schema is built, so every module of the schema imports `z` from here (a lint rule says so).
 */
// biome-ignore lint/style/noRestrictedImports: this module is the one place zod is imported and configured
import { z } from "zod";

z.config({ jitless: true });

export { z };
