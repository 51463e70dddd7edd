/**
 * The engine's public surface. Everything outside `src/engine` imports from here — except the page's first
 * download, which imports `core.ts` (this, without the narration and the code only some runs need).
 */
export * from "./core";
export { openSimulation } from "./openSimulation";
export { runFast } from "./runFast";
export { recordRun, simulate } from "./simulate";
// The window assigners: used by validation and the aggregation code, both loaded on demand by a page.
export * from "./windows";
