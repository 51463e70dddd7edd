import react from "@vitejs/plugin-react";
import { createServer, type Plugin } from "vite";
import { defineConfig } from "vitest/config";

/** The canvas of a 1440 × 900 window (the side panel, the header, the playback and narration bars around it). */
const FIRST_SCREEN_CANVAS = { width: 1140, height: 728 };

/**
 * Renders the first screen into `index.html` at build time (`src/firstScreen.tsx`): the page shows the lesson it
 * opens on before any JavaScript has run. Two inline scripts follow it: one drops it when the page will show
 * something else (a share link, another language), one fits its canvas to the window (before the first paint, without holding up the parser).
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
          return html.replace(
            '<div id="root"></div>',
            `<div id="root"><div class="first-screen" inert>${screen.html}</div></div>\n    <script>${guard}</script>`,
          );
        } finally {
          await server.close();
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), firstScreen()],
  base: "./",
  build: { target: "es2022", sourcemap: true },
  worker: { format: "es" },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts"],
    environment: "node",
    reporters: ["default"],
  },
});
