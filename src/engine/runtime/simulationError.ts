/**
 * A scenario that cannot run to the end: a limit was reached or a producer's generator failed. The message names
 * the limit or the field, for the user.
 */
export class SimulationError extends Error {
  override readonly name = "SimulationError";
}
