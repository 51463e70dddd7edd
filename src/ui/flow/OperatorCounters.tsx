/**
 * An operator node's live counters: records in, forwarded out, dropped and — for a windowed operator, or whenever
 * there are some — late. A logical node shows its totals over every task; a task's copy in the physical view shows
 * that task's own.
 */
import type { NodeCounters, OperatorKind } from "../../engine";
import { t } from "../messages";

/** Kinds that drop records by design: their dropped counter shows even at 0. */
const DROPPING: ReadonlySet<OperatorKind> = new Set(["filter", "branch", "joinTable", "join"]);

/** Whether a node of `op` with these counters shows its late counter. */
export function showsLate(op: OperatorKind, counters: NodeCounters): boolean {
  return op === "windowedAggregate" || counters.late > 0;
}

/** The counters as one sentence, for a title or an accessible name. */
export function countersText(counters: NodeCounters): string {
  return t("countersTitle", { ...counters });
}

export function OperatorCounters({
  op,
  counters,
  testId,
}: {
  op: OperatorKind;
  counters: NodeCounters;
  /** `<node>` or `<node>@<task>`: suffix of each counter's test id. */
  testId: string;
}) {
  return (
    <div className="op-counters">
      <span className="counter" data-testid={`counter-in-${testId}`}>
        <b>{counters.in}</b> {t("counterIn")}
      </span>
      <span className="counter" data-testid={`counter-out-${testId}`}>
        <b>{counters.out}</b> {t("counterOut")}
      </span>
      {counters.dropped > 0 || DROPPING.has(op) ? (
        <span className="counter counter-dropped" data-testid={`counter-dropped-${testId}`}>
          <b>{counters.dropped}</b> {t("counterDropped")}
        </span>
      ) : null}
      {showsLate(op, counters) ? (
        <span className="counter counter-late" data-testid={`counter-late-${testId}`}>
          <b>{counters.late}</b> {t("counterLate")}
        </span>
      ) : null}
    </div>
  );
}
