/**
 * One way to change a scenario in the lab. Forms, the canvas, the source editor, the time chart's drags and the
 * lessons' "try this" all describe a change as a {@link ScenarioEdit}; the lab applies it to the working document,
 * keeps the document before it (undo / redo), validates the result and re-simulates it. An edit that leaves the
 * document invalid is kept (its errors are shown at their paths) while the last valid run stays on screen.
 */
import type { Scenario } from "../../scenario/schema";

export interface ScenarioEdit {
  /**
   * What the edit did, in the user's words, for the undo button's title and the list of changes
   * (e.g. `grace of "count" → 2,000 ms`, `record added to "orders"`).
   */
  readonly label: string;
  /** The document after the edit. Pure: never mutates `scenario`, never throws for a well-formed document. */
  apply(scenario: Scenario): Scenario;
}
