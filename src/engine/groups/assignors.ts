/**
 * The built-in assignors by `partition.assignment.strategy` name, like the consumer's
 * `ConsumerPartitionAssignor#getAssignorInstances` resolving `range`, `roundrobin`, `sticky` and
 * `cooperative-sticky`.
 */
import type { AssignorName, PartitionAssignor } from "./assignor";
import { cooperativeStickyAssignor } from "./cooperativeStickyAssignor";
import { rangeAssignor } from "./rangeAssignor";
import { roundRobinAssignor } from "./roundRobinAssignor";
import { stickyAssignor } from "./stickyAssignor";

export const assignors: Readonly<Record<AssignorName, PartitionAssignor>> = {
  range: rangeAssignor,
  roundrobin: roundRobinAssignor,
  sticky: stickyAssignor,
  "cooperative-sticky": cooperativeStickyAssignor,
};

export const assignorNames: readonly AssignorName[] = ["range", "roundrobin", "sticky", "cooperative-sticky"];

/** The assignor with this name, or `undefined` for an unknown name. */
export function findAssignor(name: string): PartitionAssignor | undefined {
  return (assignorNames as readonly string[]).includes(name) ? assignors[name as AssignorName] : undefined;
}
