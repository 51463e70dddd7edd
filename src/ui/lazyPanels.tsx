/**
 * Panels the first screen does not show — the record and operator inspectors and the keyboard shortcuts dialog —
 * load on their own, once the first screen is up (`preloadPanels`), so they are not part of the initial download
 * but open at once.
 */
import { lazy } from "react";

const loadInspector = () => import("./panels/RecordInspector");
const loadShortcuts = () => import("./controls/ShortcutsDialog");
const loadOperatorInspector = () => import("./panels/OperatorInspector");

export const LazyRecordInspector = lazy(() => loadInspector().then((m) => ({ default: m.RecordInspector })));
export const LazyOperatorInspector = lazy(() =>
  loadOperatorInspector().then((m) => ({ default: m.OperatorInspector })),
);
export const LazyShortcutsDialog = lazy(() => loadShortcuts().then((m) => ({ default: m.ShortcutsDialog })));

/** Starts loading the lazy panels (call once the first screen is painted). */
export function preloadPanels(): void {
  void loadInspector();
  void loadShortcuts();
  void loadOperatorInspector();
}
