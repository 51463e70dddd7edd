/**
 * Validation of untrusted scenarios — share links and user input — with the zod schema and every check behind it.
 * The page loads this module on demand (`pageServices`), so the first screen of a built-in lesson does not wait for
 * the validator.
 */
import { decodeShareFragment, loadScenario } from "../scenario";
import type { LabServices } from "./labServices";

export const untrustedInput: Pick<LabServices, "load" | "decodeLink"> = {
  load: loadScenario,
  decodeLink: (fragment) => decodeShareFragment(fragment),
};
