/**
 * Panels the first screen does not show — the record inspector and the keyboard shortcuts dialog — load on their
 * own, once the first screen is up (`preloadPanels`), so they are not part of the initial download but open at once.
 */
import { lazy } from "react";

const loadInspector = () => import("./panels/RecordInspector");
const loadShortcuts = () => import("./controls/ShortcutsDialog");
/** The side panel's time view (partition lanes, stream time, watermarks), behind its "Time" tab. */
const loadTimeLanes = () => import("./panels/TimeLanes");

export const LazyRecordInspector = lazy(() => loadInspector().then((m) => ({ default: m.RecordInspector })));
export const LazyShortcutsDialog = lazy(() => loadShortcuts().then((m) => ({ default: m.ShortcutsDialog })));
export const LazyTimeLanes = lazy(() => loadTimeLanes().then((m) => ({ default: m.TimeLanes })));

/** Starts loading the lazy panels (call once the first screen is painted). */
export function preloadPanels(): void {
  void loadInspector();
  void loadShortcuts();
  void loadTimeLanes();
}
