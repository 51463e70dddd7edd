/** `merge`: records of every input pass on unchanged, in the order they arrive (`KStream#merge`). */
import type { MergeNode } from "../../model";
import type { Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";

export function mergeOperator(_node: MergeNode, { self, children, recorder }: OperatorBuild): Processor {
  const next = fanOut(children(null), self);
  return (k, v, t, id, from) => {
    recorder.processed(id, from);
    next(k, v, t, id, self);
  };
}
