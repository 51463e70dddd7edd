/**
 * A moving record's cue (`FlightCue`): which partition it belongs to and which instance runs its task, read off
 * the flight's anchors and the frame.
 */
import type { Flight } from "../../app/flight";
import type { Frame } from "../../engine/core";
import type { KeyColors } from "../keyColor";
import { instanceColor } from "../panels/instanceColor";
import type { FlightCue } from "./drawFlight";

/**
 * The partition a flight's record is in (a lane it lands in or leaves, else its task's partition) and the colour of
 * the instance running its task at `frame` (the cluster panel's colours, by the instance's place in the frame).
 */
export function flightCue(flight: Flight, frame: Frame | null, keyColors: KeyColors): FlightCue {
  let partition: number | null = null;
  let task: string | null = null;
  for (const anchor of flight.path) {
    if (anchor.kind === "partition") partition = anchor.partition;
    else if (anchor.kind === "node" && anchor.task) task = anchor.task;
  }
  if (partition === null && task !== null) partition = Number(task.slice(task.lastIndexOf("_") + 1));
  const owner = task === null ? null : (frame?.tasks.find((t) => t.id === task)?.instance ?? null);
  const index = owner === null ? -1 : (frame?.instances.findIndex((i) => i.name === owner) ?? -1);
  return { partition, instanceColor: index >= 0 ? instanceColor(index) : null, keyColors };
}
