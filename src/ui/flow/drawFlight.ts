/**
 * Paints one flight on the overlay canvas: a dot in the key's colour with the key as a label, moving along its
 * path with a fading trail. What happened is shown by shape as well as colour: a ripple on the lane for a record
 * appended to a log (in the key's colour) or polled from it (in ink), pause bars for a record held by a
 * disconnected producer, and a cross over a hollow, fading dot for a dropped record.
 */
import type { Tween } from "../../app/playback";
import { type KeyColors, keyColorsFor, keyInitial, keyLabel } from "../keyColor";
import { t } from "../messages";
import { type Point, pointAlong } from "./flightPath";

/** React Flow's viewport transform: translate x, translate y, zoom. */
export type Transform = readonly [number, number, number];

export interface Painted {
  /** Records drawn (0 or 1). */
  drawn: number;
  /** Records drawn moving (not yet arrived). */
  inFlight: number;
}

const DROP_COLOR = "#b91c1c";
const INK = "#0f172a";

function toScreen(p: Point, [tx, ty, zoom]: Transform): Point {
  return { x: p.x * zoom + tx, y: p.y * zoom + ty };
}

/** The key in a small white pill above the record, readable over nodes and edges. */
const LABEL_FONT = '600 12px system-ui, -apple-system, "Segoe UI", sans-serif';
/** Label widths by text: measuring (and setting a font to measure with) costs more than drawing the label. */
const labelWidths = new Map<string, number>();
const LABEL_WIDTHS_KEPT = 512;

function labelWidth(ctx: CanvasRenderingContext2D, text: string): number {
  let width = labelWidths.get(text);
  if (width === undefined) {
    if (labelWidths.size >= LABEL_WIDTHS_KEPT) labelWidths.clear();
    width = ctx.measureText(text).width;
    labelWidths.set(text, width);
  }
  return width;
}

function label(ctx: CanvasRenderingContext2D, text: string, at: Point, radius: number, color: string) {
  if (ctx.font !== LABEL_FONT) ctx.font = LABEL_FONT;
  const width = labelWidth(ctx, text) + 10;
  const height = 18;
  const x = at.x - width / 2;
  const y = at.y - radius - 5 - height;
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, 9);
  ctx.fillStyle = "rgba(255,255,255,0.96)";
  ctx.fill();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillStyle = INK;
  ctx.fillText(text, at.x, y + height / 2 + 0.5);
}

function initial(ctx: CanvasRenderingContext2D, text: string, at: Point, radius: number) {
  ctx.font = `700 ${Math.round(radius * 1.25)}px system-ui, -apple-system, "Segoe UI", sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillStyle = "#ffffff";
  ctx.fillText(text, at.x, at.y + 0.5);
}

function cross(ctx: CanvasRenderingContext2D, at: Point, size: number) {
  ctx.strokeStyle = DROP_COLOR;
  ctx.lineWidth = 3;
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.moveTo(at.x - size, at.y - size);
  ctx.lineTo(at.x + size, at.y + size);
  ctx.moveTo(at.x + size, at.y - size);
  ctx.lineTo(at.x - size, at.y + size);
  ctx.stroke();
}

function ring(ctx: CanvasRenderingContext2D, at: Point, radius: number, color: string, alpha: number) {
  ctx.globalAlpha = alpha;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.arc(at.x, at.y, radius, 0, Math.PI * 2);
  ctx.stroke();
  ctx.globalAlpha = 1;
}

/**
 * Where a flight's record belongs: its partition (the label says `alice · p1`) and the colour of the instance that
 * runs its task (a ring around the dot); null when the step has none (a producer's send has no instance).
 */
export interface FlightCue {
  partition: number | null;
  instanceColor: string | null;
  /** The scenario's key colours. */
  keyColors: KeyColors;
}

const NO_CUE: FlightCue = { partition: null, instanceColor: null, keyColors: keyColorsFor([]) };

/** Clears the canvas (in CSS pixels) and paints the tween's flight along `path` (flow coordinates). */
export function drawFlight(
  ctx: CanvasRenderingContext2D,
  size: { width: number; height: number },
  tween: Tween,
  path: readonly Point[],
  transform: Transform,
  cue: FlightCue = NO_CUE,
): Painted {
  ctx.clearRect(0, 0, size.width, size.height);
  const { flight, progress } = tween;
  if (!flight || path.length === 0) return { drawn: 0, inFlight: 0 };

  const radius = Math.max(5, Math.min(10, 8 * transform[2]));
  const screen = path.map((p) => toScreen(p, transform));
  const at = pointAlong(screen, progress);
  const moving = progress < 1 && screen.length > 1;
  // Travelling, a record shows the key it had; arrived, the key the node gave it (`bob → lamp` after a re-key).
  const rekeyed = keyLabel(flight.resultKey) !== keyLabel(flight.key);
  const shownKey = moving ? flight.key : flight.resultKey;
  const color = cue.keyColors.of(shownKey);
  const key =
    moving || !rekeyed ? keyLabel(flight.key) : `${keyLabel(flight.key)} → ${keyLabel(flight.resultKey)}`;
  const text = cue.partition === null ? key : t("flightCue", { key, partition: cue.partition });

  // A trail behind a moving record, fading towards its tail.
  if (moving) {
    const tail = pointAlong(screen, Math.max(0, progress - 0.35));
    const gradient = ctx.createLinearGradient(tail.x, tail.y, at.x, at.y);
    gradient.addColorStop(0, "rgba(255,255,255,0)");
    gradient.addColorStop(1, color);
    ctx.strokeStyle = gradient;
    ctx.lineWidth = radius * 0.9;
    ctx.lineCap = "round";
    ctx.beginPath();
    ctx.moveTo(tail.x, tail.y);
    const steps = 12;
    for (let i = 1; i <= steps; i++) {
      const p = pointAlong(screen, Math.max(0, progress - 0.35) + (Math.min(progress, 0.35) * i) / steps);
      ctx.lineTo(p.x, p.y);
    }
    ctx.stroke();
  }

  // A record landing in a log, or polled from one: a ripple on the lane (the lane's record chip shows the key).
  if (flight.outcome === "appended" || flight.outcome === "fetched") {
    const ink = flight.outcome === "appended" ? color : INK;
    ring(ctx, at, radius + 2 + 10 * progress, ink, 0.95 - 0.45 * progress);
    ring(ctx, at, radius * 0.6, ink, 0.9);
    return { drawn: 1, inFlight: 0 };
  }

  const dropped = flight.outcome === "dropped";
  const arrivedDrop = dropped && progress >= 0.75;
  ctx.globalAlpha = arrivedDrop ? 1 - 0.45 * Math.min(1, (progress - 0.75) / 0.25) : 1;
  ctx.beginPath();
  ctx.arc(at.x, at.y, radius, 0, Math.PI * 2);
  if (arrivedDrop) {
    ctx.fillStyle = "#ffffff";
    ctx.fill();
    ctx.setLineDash([3, 3]);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2.5;
    ctx.stroke();
    ctx.setLineDash([]);
  } else {
    ctx.fillStyle = color;
    ctx.fill();
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 2;
    ctx.stroke();
    // The key's initial on the dot: two keys are told apart without telling their colours apart.
    if (radius >= 7) initial(ctx, keyInitial(keyLabel(shownKey)), at, radius);
  }
  ctx.globalAlpha = 1;
  // The instance that runs the record's task: a ring in its colour (the cluster panel's).
  if (cue.instanceColor !== null) ring(ctx, at, radius + 3, cue.instanceColor, 0.95);
  // Reprocessed after a failover: a dashed ring outside, so a duplicate is told apart by shape, not colour.
  if (flight.reprocessed) {
    ctx.setLineDash([2, 2]);
    ring(ctx, at, radius + (cue.instanceColor !== null ? 6.5 : 4), INK, 0.9);
    ctx.setLineDash([]);
  }

  switch (flight.outcome) {
    case "held":
      ctx.fillStyle = INK;
      ctx.fillRect(at.x + radius + 4, at.y - 6, 3, 12);
      ctx.fillRect(at.x + radius + 10, at.y - 6, 3, 12);
      break;
    case "dropped":
      if (arrivedDrop) cross(ctx, at, radius * 0.9);
      break;
    case "moved":
      break;
    default: {
      const unknown: never = flight.outcome;
      return unknown;
    }
  }
  label(ctx, text, at, radius, color);
  return { drawn: 1, inFlight: moving ? 1 : 0 };
}
