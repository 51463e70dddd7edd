/**
 * Records in flight at a frame: sent by a producer but not yet in a log (disconnected, or on the network), or in
 * a log that the application reads but not yet processed (waiting to be fetched, or fetched and waiting). Records
 * in output topics are at rest and not counted.
 */
import type { Frame } from "../engine";

export interface InFlightCount {
  /** Sent, not appended yet. */
  sending: number;
  /** Appended to a partition a task reads, not processed yet. */
  waiting: number;
}

export function recordsInFlight(frame: Frame): InFlightCount {
  let sending = 0;
  for (const records of Object.values(frame.producerBuffers)) sending += records.length;
  let waiting = 0;
  for (const task of frame.tasks)
    for (const p of task.partitions) waiting += Math.max(0, p.logEnd - p.processed);
  return { sending, waiting };
}
