/**
 * The object a joiner expression reads (`key`, `left`, `right`, `timestamp`), one per join node and reused for
 * every call, like the record context of the other operators.
 */
import type { JoinContext } from "../model";

export function joinContext(): JoinContext {
  return {
    key: null,
    value: null,
    timestamp: 0,
    partition: 0,
    offset: 0,
    topic: "",
    left: null,
    right: null,
  };
}
