/** The open scenario's key colours (`keyColor.ts`), for components inside the lab. */
import { type KeyColors, keyColorsFor, keyColorsOf } from "./keyColor";
import { useLabState } from "./LabContext";

const NO_SCENARIO = keyColorsFor([]);

export function useKeyColors(): KeyColors {
  const simulation = useLabState((s) => s.shown?.open.simulation ?? null);
  return simulation ? keyColorsOf(simulation) : NO_SCENARIO;
}
