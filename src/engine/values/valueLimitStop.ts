/**
 * What an operator does when a user function broke a value limit: the run stops, with a {@link SimulationError}
 * naming the node, the record being processed and the limit. Any other user-function failure only skips the record
 * (Kafka Streams' `LogAndContinueExceptionHandler`). A limit is the lab's, not the user's logic: skipping would hide
 * it, and every following record would likely pay for building a value just as large before failing too — much as
 * a Kafka producer's `RecordTooLargeException` fails a Streams application under the default
 * `ProductionExceptionHandler` instead of being skipped.
 */
import type { RecordContext } from "../model";
import { SimulationError } from "../runtime/simulationError";
import { formatKey } from "../trace/formatRecord";
import { ValueLimitError } from "./valueLimits";

/** Throws the run-stopping error when `error` broke a value limit; returns otherwise (the record is skipped). */
export function stopOnValueLimit(
  error: unknown,
  node: { readonly id: string; readonly op: string },
  record: RecordContext,
): void {
  if (!(error instanceof ValueLimitError)) return;
  throw valueLimitStopped(error, node, record);
}

/** The run-stopping error for a value limit broken at `node` on the record `record` (source partition, offset). */
export function valueLimitStopped(
  error: ValueLimitError,
  node: { readonly id: string; readonly op: string },
  record: RecordContext,
): SimulationError {
  return new SimulationError(
    `node "${node.id}" (${node.op}), on the record at ${record.topic}-${record.partition} offset ${record.offset} (key ${formatKey(record.key)}): ${error.message}`,
  );
}
