/**
 * A join matches records whose keys are equal as serialised bytes. Keys are JSON values here, so two keys are
 * equal when their JSON texts are: `"c7"` and `"c7"` match, `7` and `"7"` do not.
 */
import type { RecordKey } from "../model";

export function keyIdentity(key: RecordKey): string {
  return typeof key === "string" ? `s${key}` : `j${JSON.stringify(key)}`;
}
