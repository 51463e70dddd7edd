import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { createServer, type Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { builtPolicy, withContentSecurityPolicy } from "./scripts/contentSecurityPolicy.ts";

/** The canvas of a 1440 × 900 window (the side panel, the header, the playback and narration bars around it). */
const FIRST_SCREEN_CANVAS = { width: 1140, height: 728 };

/**
 * Renders the first screen into `index.html` at build time (`src/firstScreen.tsx`): the page shows the lesson it
 * opens on before any JavaScript has run. An inline script follows it: it drops it when the page will show
 * something else (a share link, another language), or fits its canvas to the window before the first paint. Then
 * the canvas's places, so the app lays the lesson out without loading the layout library.
 */
function firstScreen(): Plugin {
  return {
    name: "topolab-first-screen",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      async handler(html) {
        const server = await createServer({
          configFile: false,
          plugins: [react()],
          logLevel: "error",
          appType: "custom",
          server: { middlewareMode: true, hmr: false, ws: false },
        });
        try {
          const module = await server.ssrLoadModule("/src/firstScreen.tsx");
          const screen = module.renderFirstScreen(FIRST_SCREEN_CANVAS);
          const guard =
            `if (!(${module.keepsFirstScreen})(location.search, location.hash, navigator.languages || [navigator.language]))` +
            ` document.getElementById("root").replaceChildren();` +
            ` else requestAnimationFrame(() => (${module.fitFirstScreen})(${JSON.stringify(screen.bounds)}, ${screen.fit.padding}, ${screen.fit.maxZoom}));`;
          // JSON in a script element: `<` escaped, so no text in it can close the element.
          const places = JSON.stringify(screen.places).replace(/</g, "\\u003c");
          return html.replace(
            '<div id="root"></div>',
            `<div id="root"><div class="first-screen" inert>${screen.html}</div></div>\n` +
              `    <script>${guard}</script>\n` +
              `    <script type="application/json" id="${module.FIRST_SCREEN_PLACES}">${places}</script>`,
          );
        } finally {
          await server.close();
        }
      },
    },
  };
}

/**
 * The page's Content-Security-Policy (`scripts/contentSecurityPolicy.ts`): written into the built `index.html`
 * once it is final (after the first screen and its inline script), with that script's hash; and sent by
 * `vite preview` as a header, read back from the build it serves so the two never differ. The dev server has none.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: "topolab-content-security-policy",
    apply: (_config, env) => env.command === "build" || env.isPreview === true,
    config(config, env) {
      if (!env.isPreview) return;
      const built = resolve(config.root ?? process.cwd(), config.build?.outDir ?? "dist", "index.html");
      let policy: string | null = null;
      try {
        policy = builtPolicy(readFileSync(built, "utf8"));
      } catch {
        // Nothing built yet: `vite preview` reports that itself.
      }
      if (policy === null) return;
      return { preview: { headers: { "Content-Security-Policy": policy } } };
    },
    transformIndexHtml: {
      order: "post",
      handler: (html) => withContentSecurityPolicy(html).html,
    },
  };
}

/**
 * The modules the page needs before anything runs (reachable from `src/main.tsx` by static imports), found once the
 * module graph is complete: they go into one chunk, which compresses better than the same code spread over several
 * (shared code split out of the lazy chunks). Everything loaded on demand stays in its own chunks.
 */
const initialModules = new Set<string>();

function collectInitialModules(): Plugin {
  return {
    name: "topolab-initial-modules",
    apply: "build",
    buildEnd() {
      initialModules.clear();
      const entry = [...this.getModuleIds()].find((id) => id.endsWith("/src/main.tsx"));
      const pending = entry ? [entry] : [];
      while (pending.length > 0) {
        const id = pending.pop()!;
        if (initialModules.has(id)) continue;
        initialModules.add(id);
        pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), firstScreen(), contentSecurityPolicy(), collectInitialModules()],
  base: "./",
  build: {
    target: "es2022",
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The entry stays in its own chunk: it awaits (top-level) the chunks it loads first, which import this one.
          groups: [
            { name: "app", test: (id: string) => initialModules.has(id) && !id.endsWith("/src/main.tsx") },
          ],
        },
      },
    },
  },
  worker: { format: "es" },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts"],
    environment: "node",
    reporters: ["default"],
  },
});
