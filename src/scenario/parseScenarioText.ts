/**
 * From the text of a scenario (a file, the editor buffer) to a validated scenario. The text always comes back, so
 * an editor showing errors never loses what the user typed.
 */
import { parseJsonText } from "./jsonText";
import type { ScenarioError } from "./scenarioError";
import type { Scenario } from "./schema";
import { validateScenario } from "./validate";

export type ParseTextResult =
  | { ok: true; scenario: Scenario; text: string }
  | { ok: false; errors: ScenarioError[]; text: string };

export function parseScenarioText(text: string): ParseTextResult {
  const parsed = parseJsonText(text, "the scenario text");
  if (!parsed.ok) return { ok: false, errors: [{ path: parsed.path ?? "", message: parsed.message }], text };
  const validated = validateScenario(parsed.value);
  return validated.ok
    ? { ok: true, scenario: validated.scenario, text }
    : { ok: false, errors: validated.errors, text };
}
