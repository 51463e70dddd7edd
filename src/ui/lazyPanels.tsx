/**
 * Panels the first screen does not show — the record and operator inspectors, the keyboard shortcuts dialog, the
 * time view — load on their own, once the first screen is up (`preloadPanels`), so they are not part of the initial
 * download but open at once. So does the layout library, which the first lesson does without.
 */
import { lazy } from "react";
import { loadDagre } from "./flow/layoutPlacer";

const loadInspector = () => import("./panels/RecordInspector");
const loadShortcuts = () => import("./controls/ShortcutsDialog");
/** The side panel's time view (partition lanes, stream time, watermarks), behind its "Time" tab. */
const loadTimeLanes = () => import("./panels/TimeLanes");
const loadOperatorInspector = () => import("./panels/OperatorInspector");

export const LazyRecordInspector = lazy(() => loadInspector().then((m) => ({ default: m.RecordInspector })));
export const LazyOperatorInspector = lazy(() =>
  loadOperatorInspector().then((m) => ({ default: m.OperatorInspector })),
);
export const LazyShortcutsDialog = lazy(() => loadShortcuts().then((m) => ({ default: m.ShortcutsDialog })));
export const LazyTimeLanes = lazy(() => loadTimeLanes().then((m) => ({ default: m.TimeLanes })));

/** Starts loading the lazy panels (call once the first screen is painted). */
export function preloadPanels(): void {
  void loadDagre();
  void loadInspector();
  void loadShortcuts();
  void loadTimeLanes();
  void loadOperatorInspector();
}
