/**
 * The view settings a share link carries besides the scenario and the step, as the codec's `<name>=<value>` parts:
 * `v` the canvas view (`physical`; the logical view is the default and is left out), `r` the selected record and
 * `n` the selected operator (`<node>` or `<node>@<task>`, see `operatorSelection.ts`). A link is untrusted: a
 * view or record that is not one of these is ignored, and the link still opens; an operator is kept as written (up
 * to a length) for the store to resolve against the topology and to report if it names nothing.
 */
import type { RecordId } from "../engine";
import { CANVAS_VIEWS, type CanvasView } from "./labState";

export interface ShareSettings {
  view: CanvasView;
  record: RecordId | null;
  /** An operator reference, unresolved. */
  operator: string | null;
}

export const DEFAULT_SHARE_SETTINGS: ShareSettings = { view: "logical", record: null, operator: null };

/** Longer operator references are cut here (the store then reports them as malformed). */
const OPERATOR_REF_MAX = 200;

/** The `extra` parts for `settings`: only what differs from the default. */
export function formatShareSettings(settings: ShareSettings): Record<string, string> {
  const extra: Record<string, string> = {};
  if (settings.view !== DEFAULT_SHARE_SETTINGS.view) extra.v = settings.view;
  if (settings.record !== null) extra.r = String(settings.record);
  if (settings.operator !== null) extra.n = settings.operator;
  return extra;
}

/** The settings in a link's `extra` parts; anything missing or malformed is the default. */
export function parseShareSettings(extra: Readonly<Record<string, string>> | undefined): ShareSettings {
  const view = extra?.v;
  const record = extra?.r;
  const operator = extra?.n;
  return {
    view: CANVAS_VIEWS.find((v) => v === view) ?? DEFAULT_SHARE_SETTINGS.view,
    record: record !== undefined && /^\d{1,9}$/.test(record) ? Number(record) : null,
    operator: operator === undefined || operator === "" ? null : operator.slice(0, OPERATOR_REF_MAX),
  };
}
