/**
 * Entry point: creates the lab for this page (opened on the URL's link or the first lesson) and renders it.
 * A link is untrusted, so the validator is loaded before it is opened; a lesson opens without waiting for it.
 * The validator, the other lessons and the lazy panels follow once the first screen is up, when the page is idle. When `index.html`
 * holds the first screen rendered at build time, it is painted first and replaced by the app's first render.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { browserEnvironment, createLab } from "./app/createLab";
import { pageServices } from "./app/pageServices";
import { fragmentOf } from "./app/urlSync";
import { App } from "./ui/App";
import { readHandedOverPlaces } from "./ui/flow/layoutPlacer";
import { LabProvider } from "./ui/LabContext";
import { LanguageProvider, loadCatalogue, pickLanguage } from "./ui/language";
import { preloadPanels } from "./ui/lazyPanels";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// index.html holds the first screen, rendered at build time (`src/firstScreen.tsx`): let the browser paint it
// before the lab is created and rendered.
if (root.firstElementChild)
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

// The first screen's lesson is laid out already: its places come with the page.
readHandedOverPlaces(document);

const language = pickLanguage(window.location.search, navigator.languages ?? [navigator.language]);
const page = pageServices();
// A link opens at its step: it needs the validator, the narration and the engine code it may use first.
const link = fragmentOf(window.location.hash) !== null;
await Promise.all([
  loadCatalogue(language),
  link ? page.validation() : null,
  link ? page.services.loadNarration() : null,
  link ? page.services.loadEngineLibrary() : null,
]);

const lab = createLab(browserEnvironment(), page.services);
createRoot(root).render(
  <StrictMode>
    <LanguageProvider initial={language}>
      <LabProvider lab={lab}>
        <App />
      </LabProvider>
    </LanguageProvider>
  </StrictMode>,
);
const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
whenIdle(() => {
  void page.validation();
  void page.services.loadNarration();
  void page.services.loadLessons(); // and the engine code only some scenarios need
  preloadPanels();
});
