/**
 * The side panel's place for the operator inspector: the inspector (loaded on demand) while an operator is
 * selected, or what was wrong with the operator a share link named, with a button to dismiss it.
 */
import { Suspense } from "react";
import type { OperatorRefProblem } from "../../app/operatorSelection";
import { useLabActions, useLabState } from "../LabContext";
import { LazyOperatorInspector } from "../lazyPanels";
import { t } from "../messages";

function problemText(problem: OperatorRefProblem): string {
  switch (problem.kind) {
    case "malformed":
      return t("operatorMalformed", { ref: problem.ref });
    case "unknownNode":
      return t("operatorUnknownNode", { node: problem.node });
    case "unknownTask":
      return t("operatorUnknownTask", { node: problem.node, task: problem.task });
    default: {
      const unknown: never = problem;
      throw new Error(`unknown operator problem ${JSON.stringify(unknown)}`);
    }
  }
}

export function OperatorSlot() {
  const operator = useLabState((s) => s.operator);
  const problem = useLabState((s) => s.operatorProblem);
  const { operatorSelected } = useLabActions();
  if (problem) {
    return (
      <section className="operator-problem" role="alert" data-testid="operator-problem">
        <h2>{t("operatorProblemTitle")}</h2>
        <p>{problemText(problem)}</p>
        <button type="button" onClick={() => operatorSelected(null)}>
          {t("operatorProblemDismiss")}
        </button>
      </section>
    );
  }
  if (!operator) return null;
  return (
    <Suspense fallback={null}>
      <LazyOperatorInspector selection={operator} />
    </Suspense>
  );
}
