/**
 * The canvas layer above the flow where records move. It repaints when playback's tween advances, when the
 * viewport pans or zooms, and when it is resized; it keeps no time of its own. For tests and tools it exposes what
 * it painted: `data-drawn` (records on the canvas), `data-in-flight` (records still moving) and `data-step` (the
 * trace step whose flight is shown).
 */
import { useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { Flight } from "../../app/flight";
import type { Tween } from "../../app/playback";
import { keyColorsFor, keyColorsOf } from "../keyColor";
import { useLab } from "../LabContext";
import { drawFlight } from "./drawFlight";
import { flightCue } from "./flightCue";
import { flightPolyline, type Point } from "./flightPath";
import type { Box } from "./layoutTopology";

export function FlightOverlay({ boxes }: { boxes: Map<string, Box> }) {
  const { playback, store } = useLab();
  const flow = useStoreApi();
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const size = { width: 0, height: 0 };
    let pathOf: { flight: Flight | null; points: Point[] } = { flight: null, points: [] };

    const paint = (tween: Tween = playback.tween()) => {
      if (pathOf.flight !== tween.flight) {
        pathOf = { flight: tween.flight, points: tween.flight ? flightPolyline(tween.flight, boxes) : [] };
      }
      const { shown } = store.getState();
      const keyColors = shown ? keyColorsOf(shown.open.simulation) : keyColorsFor([]);
      const cue = tween.flight ? flightCue(tween.flight, shown?.frame ?? null, keyColors) : undefined;
      const painted = drawFlight(ctx, size, tween, pathOf.points, flow.getState().transform, cue);
      canvas.dataset.drawn = String(painted.drawn);
      canvas.dataset.inFlight = String(painted.inFlight);
      canvas.dataset.step = tween.flight ? String(tween.flight.step) : "";
    };

    const resize = () => {
      const parent = canvas.parentElement;
      if (!parent) return;
      const ratio = window.devicePixelRatio || 1;
      size.width = parent.clientWidth;
      size.height = parent.clientHeight;
      canvas.width = Math.round(size.width * ratio);
      canvas.height = Math.round(size.height * ratio);
      canvas.style.width = `${size.width}px`;
      canvas.style.height = `${size.height}px`;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      paint();
    };

    const observer = new ResizeObserver(resize);
    if (canvas.parentElement) observer.observe(canvas.parentElement);
    const stopTween = playback.subscribeTween(paint);
    const stopViewport = flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform) paint();
    });
    resize();
    return () => {
      observer.disconnect();
      stopTween();
      stopViewport();
    };
  }, [boxes, playback, flow, store]);

  return <canvas ref={canvasRef} className="flight-overlay" data-testid="flight-overlay" />;
}
