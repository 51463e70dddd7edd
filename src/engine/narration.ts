/**
 * The engine's narration on its own: what a page loads after its first screen, to narrate a run it opened with
 * `openSimulationWith` / `simulateWith` (everything else imports the engine from `index.ts`).
 */
export { narrate } from "./trace/narrate";
