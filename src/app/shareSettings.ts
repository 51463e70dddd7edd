/**
 * The view settings a share link carries besides the scenario and the step, as the codec's `<name>=<value>` parts:
 * `v` the canvas view (`physical`; the logical view is the default and is left out) and `r` the selected record.
 * A link is untrusted: a value that is not one of these is ignored, and the link still opens.
 */
import type { RecordId } from "../engine";
import { CANVAS_VIEWS, type CanvasView } from "./labState";

export interface ShareSettings {
  view: CanvasView;
  record: RecordId | null;
}

export const DEFAULT_SHARE_SETTINGS: ShareSettings = { view: "logical", record: null };

/** The `extra` parts for `settings`: only what differs from the default. */
export function formatShareSettings(settings: ShareSettings): Record<string, string> {
  const extra: Record<string, string> = {};
  if (settings.view !== DEFAULT_SHARE_SETTINGS.view) extra.v = settings.view;
  if (settings.record !== null) extra.r = String(settings.record);
  return extra;
}

/** The settings in a link's `extra` parts; anything missing or malformed is the default. */
export function parseShareSettings(extra: Readonly<Record<string, string>> | undefined): ShareSettings {
  const view = extra?.v;
  const record = extra?.r;
  return {
    view: CANVAS_VIEWS.find((v) => v === view) ?? DEFAULT_SHARE_SETTINGS.view,
    record: record !== undefined && /^\d{1,9}$/.test(record) ? Number(record) : null,
  };
}
