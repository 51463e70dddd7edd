/**
 * Where each record chip of a partition lane starts: chip `o` (offset o) spans `[offsets[o], offsets[o + 1])`, each
 * as wide as its offset and whole key need (`chipWidth`). A log only grows, so the final log's offsets serve every
 * frame (at a frame the lane is `offsets[logEnd]` long). Computed once per lane and simulation, when the lane is
 * first rendered.
 */
import type { Simulation } from "../../engine";
import { keyLabel } from "../keyColor";
import { chipWidth } from "./nodeMetrics";

const offsetsBySimulation = new WeakMap<Simulation, Map<string, Float64Array>>();

export function laneOffsets(simulation: Simulation, topic: string, partition: number): Float64Array {
  let lanes = offsetsBySimulation.get(simulation);
  if (!lanes) {
    lanes = new Map();
    offsetsBySimulation.set(simulation, lanes);
  }
  const name = `${topic}-${partition}`;
  let offsets = lanes.get(name);
  if (!offsets) {
    const log = simulation.logs[topic]?.[partition] ?? [];
    offsets = new Float64Array(log.length + 1);
    for (let o = 0; o < log.length; o++) {
      const { key, reprocessed } = simulation.record(log[o]!.record);
      offsets[o + 1] = offsets[o]! + chipWidth(o, keyLabel(key), reprocessed);
    }
    lanes.set(name, offsets);
  }
  return offsets;
}
