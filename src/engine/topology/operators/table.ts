/**
 * `table` (`KTableSource`): a record of the table's topic is a row update; a null key cannot be stored, otherwise
 * the row is upserted (a null value deletes it). The rows live in each `joinTable`'s per-task copy, updated by what
 * the table forwards.
 */
import { UnjoinedReason } from "../../joins/streamStreamJoin";
import type { TableNode } from "../../model";
import type { Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";

export function tableOperator(_node: TableNode, { self, children, recorder }: OperatorBuild): Processor {
  const next = fanOut(children(null), self);
  return (k, v, t, id, from) => {
    // As at a source: the extracted timestamp becomes the record's timestamp, a new version when it differs.
    const out = recorder.sourced(k, v, t, id);
    if (k === null) {
      recorder.unjoined(out, from, UnjoinedReason.nullKey);
      return;
    }
    recorder.stored(out, from);
    next(k, v, t, out, self);
  };
}
