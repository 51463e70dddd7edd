/**
 * The physical view's viewport: the whole drawing when it fits at 1:1 or larger (centred, at most `MAX_ZOOM`), else
 * 1:1 from its top-left corner — where the input topics and the first instance are — so the nodes' smallest text
 * (11 px) is never drawn smaller than 11 px. The user pans or zooms out for the rest (the minimap shows all of it).
 * Room is kept along the bottom edge for the legend.
 */
import type { Box } from "./layoutTopology";

const PAD = 24;
/** Room along the top for the view switch, and along the bottom for the legend. */
const SWITCH_ROOM = 48;
const LEGEND_ROOM = 64;
const MAX_ZOOM = 1.1;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export function boundsOf(boxes: Iterable<Box>): Box {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return left > right
    ? { x: 0, y: 0, width: 0, height: 0 }
    : { x: left, y: top, width: right - left, height: bottom - top };
}

/** The viewport (React Flow's translate and zoom) for a drawing within `bounds` on a canvas `width` × `height`. */
export function readableViewport(bounds: Box, width: number, height: number): Viewport {
  const roomX = width - 2 * PAD;
  const roomY = height - SWITCH_ROOM - LEGEND_ROOM;
  const fit = Math.min(roomX / Math.max(1, bounds.width), roomY / Math.max(1, bounds.height));
  const zoom = Math.min(MAX_ZOOM, Math.max(1, fit));
  const drawnWidth = bounds.width * zoom;
  const drawnHeight = bounds.height * zoom;
  const x = (drawnWidth <= roomX ? PAD + (roomX - drawnWidth) / 2 : PAD) - bounds.x * zoom;
  const y = (drawnHeight <= roomY ? SWITCH_ROOM + (roomY - drawnHeight) / 2 : SWITCH_ROOM) - bounds.y * zoom;
  return { x, y, zoom };
}
