/**
 * The canvas's size when it cannot be measured: rendering the first screen at build time (`src/firstScreen.tsx`),
 * where React Flow needs a width and a height to fit the view. Null in the browser, which measures the canvas.
 */
import { createContext } from "react";

export interface CanvasSize {
  width: number;
  height: number;
}

export const CanvasSizeContext = createContext<CanvasSize | null>(null);
