/**
 * `branch`: the record goes to the first branch whose predicate holds (`KStream#split`), else to the default branch,
 * else nowhere.
 */
import type { BranchNode } from "../../model";
import { stopOnValueLimit } from "../../values/valueLimitStop";
import type { Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";

export function branchOperator(
  node: BranchNode,
  { self, children, env, recorder }: OperatorBuild,
): Processor {
  const targets = node.branches.map((b) => fanOut(children(b.name), self));
  const fallback = node.defaultBranch === null ? null : fanOut(children(node.defaultBranch), self);
  const predicates = node.branches.map((b) => b.predicate);
  const ctx = env.context;
  return (k, v, t, id, from) => {
    ctx.key = k;
    ctx.value = v;
    ctx.timestamp = t;
    let match = -1;
    try {
      for (let i = 0; i < predicates.length && match < 0; i++) if (predicates[i]!(ctx)) match = i;
    } catch (error) {
      stopOnValueLimit(error, node, env.context);
      recorder.failed(id, from, error);
      return;
    }
    if (match < 0 && fallback === null) {
      recorder.unmatched(id, from);
      return;
    }
    recorder.branched(id, from, match < 0 ? predicates.length : match);
    (match < 0 ? fallback! : targets[match]!)(k, v, t, id, self);
  };
}
