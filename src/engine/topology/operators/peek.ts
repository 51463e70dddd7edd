/**
 * `peek`: records pass on unchanged (`KStream#peek`); an optional label is evaluated on the record for the
 * narration, on the recording path only.
 */
import type { PeekNode } from "../../model";
import type { Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";
import { labelText } from "./operatorRecorder";

export function peekOperator(node: PeekNode, { self, children, env, recorder }: OperatorBuild): Processor {
  const next = fanOut(children(null), self);
  const ctx = env.context;
  const label = recorder.detailed ? node.label : null;
  return (k, v, t, id, from) => {
    recorder.processed(id, from);
    if (label !== null) {
      ctx.key = k;
      ctx.value = v;
      ctx.timestamp = t;
      recorder.note(labelText(label, ctx));
    }
    next(k, v, t, id, self);
  };
}
