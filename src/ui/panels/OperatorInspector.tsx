/**
 * The operator inspector: the selected operator (a node, or one task's copy of it) at the current frame — its kind
 * and settings as the scenario writes them, its counters (the total and each task's), per task the operator's
 * stream time or watermark, the windows a windowed operator holds, and the records waiting at a source, each a
 * button that opens the record in the record inspector. Escape or the close button closes it
 * (see `useKeyboardShortcuts`).
 */
import "./operatorInspector.css";
import { useMemo } from "react";
import type { OperatorSelection } from "../../app/operatorSelection";
import { type OperatorTaskView, type OperatorView, operatorView } from "../../app/operatorView";
import type { NodeCounters, Simulation, WindowFrame } from "../../engine";
import { formatJson } from "../../engine/core";
import { keyColorsOf, keyLabel } from "../keyColor";
import { useLabActions, useLabState } from "../LabContext";
import { t } from "../messages";
import { InspectorHead } from "./InspectorHead";

function timeText(timeMs: number | null | undefined): string {
  return timeMs === null || timeMs === undefined ? t("timeUnknown") : t("timeMs", { time: timeMs });
}

function CountersTable({ view }: { view: OperatorView }) {
  // As on the canvas: a windowed operator always shows its late count, another one only when it has some.
  const late = view.windowed || view.counters.late > 0;
  const time =
    view.time === "watermark"
      ? t("columnWatermark")
      : view.time === "streamTime"
        ? t("columnStreamTime")
        : null;
  const cells = (c: NodeCounters) => (
    <>
      <td>{c.in}</td>
      <td>{c.out}</td>
      <td>{c.dropped}</td>
      {late ? <td>{c.late}</td> : null}
    </>
  );
  return (
    <table className="operator-counters" data-testid="operator-counters">
      <thead>
        <tr>
          <th scope="col">{t("columnTask")}</th>
          <th scope="col">{t("counterIn")}</th>
          <th scope="col">{t("counterOut")}</th>
          <th scope="col">{t("counterDropped")}</th>
          {late ? <th scope="col">{t("counterLate")}</th> : null}
          {time ? <th scope="col">{time}</th> : null}
        </tr>
      </thead>
      <tbody>
        {view.tasks.map((task) => (
          <tr key={task.task} data-testid={`operator-task-${task.task}`}>
            <th scope="row">
              {task.instance
                ? t("operatorTaskOwner", { task: task.task, instance: task.instance })
                : task.task}
            </th>
            {cells(task.counters)}
            {time ? <td>{timeText(task.timeMs)}</td> : null}
          </tr>
        ))}
        {view.task === null ? (
          <tr className="operator-total" data-testid="operator-total">
            <th scope="row">{t("operatorAllTasks")}</th>
            {cells(view.counters)}
            {time ? <td /> : null}
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

function windowState(w: WindowFrame): string {
  const state = w.closed ? t("windowClosed") : t("windowOpen");
  return w.emissions > 0 ? `${state}, ${t("windowEmitted", { count: w.emissions })}` : state;
}

function WindowsTable({ tasks, showTask }: { tasks: OperatorTaskView[]; showTask: boolean }) {
  const rows = tasks.flatMap((task) => task.windows);
  if (rows.length === 0) return <p className="muted">{t("operatorNoWindows")}</p>;
  return (
    <table className="operator-windows" data-testid="operator-windows">
      <thead>
        <tr>
          {showTask ? <th scope="col">{t("columnTask")}</th> : null}
          <th scope="col">{t("fieldKey")}</th>
          <th scope="col">{t("columnWindow")}</th>
          <th scope="col">{t("fieldValue")}</th>
          <th scope="col">{t("columnWindowState")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((w) => {
          const bounds = `[${w.start}, ${w.end}${w.endInclusive ? "]" : ")"}`;
          return (
            <tr
              key={`${w.task} ${JSON.stringify(w.key)} ${bounds}`}
              className={w.closed ? "is-closed" : undefined}
            >
              {showTask ? <td>{w.task}</td> : null}
              <td>{keyLabel(w.key)}</td>
              <td className="mono">{bounds}</td>
              <td className="mono">{formatJson(w.value, 200)}</td>
              <td>{windowState(w)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Waiting({ simulation, tasks }: { simulation: Simulation; tasks: OperatorTaskView[] }) {
  const { recordSelected } = useLabActions();
  return (
    <ul className="operator-waiting" data-testid="operator-waiting">
      {tasks.flatMap((task) =>
        task.buffered.map(({ partition, records }) => (
          <li key={`${task.task} ${partition}`}>
            <span className="mono">{partition}</span>
            {records.length === 0 ? (
              <span className="muted"> {t("bufferEmpty")}</span>
            ) : (
              <span className="key-dots">
                {records.map(({ record, offset }) => {
                  const label = keyLabel(simulation.record(record).key);
                  return (
                    <button
                      type="button"
                      key={record}
                      className="key-dot"
                      style={{ background: keyColorsOf(simulation).of(simulation.record(record).key) }}
                      aria-label={t("recordChipLabel", { partition, offset, key: label })}
                      title={t("recordTitle", { offset, key: label })}
                      onClick={() => recordSelected(record)}
                    >
                      {label}
                    </button>
                  );
                })}
              </span>
            )}
          </li>
        )),
      )}
    </ul>
  );
}

export function OperatorInspector({ selection }: { selection: OperatorSelection }) {
  const shown = useLabState((s) => s.shown);
  const { operatorSelected } = useLabActions();
  const view = useMemo(
    () => (shown ? operatorView(shown.open.simulation, shown.open.scenario, shown.frame, selection) : null),
    [shown, selection],
  );
  if (!view || !shown) return null;
  const where = view.task === null ? view.node : t("copyTitle", { node: view.node, task: view.task });
  return (
    <section
      className="inspector operator-inspector"
      aria-label={t("operatorInspectorLabel")}
      data-testid="operator-inspector"
    >
      <InspectorHead
        title={t("operatorTitle")}
        where={where}
        closeLabel={t("operatorClose")}
        onClose={() => operatorSelected(null)}
      />
      <dl className="inspector-fields">
        <dt>{t("operatorKind")}</dt>
        <dd data-testid="operator-kind">{view.op}</dd>
        {view.settings.map((s) => (
          <div key={s.name} className="operator-setting">
            <dt>{s.name}</dt>
            <dd>{s.value}</dd>
          </div>
        ))}
      </dl>
      {view.generated ? <p className="muted operator-generated">{t("operatorGenerated")}</p> : null}
      <h3>{t("operatorCounters")}</h3>
      <CountersTable view={view} />
      {view.windowed ? (
        <>
          <h3>{t("operatorWindows")}</h3>
          <WindowsTable tasks={view.tasks} showTask={view.task === null && view.tasks.length > 1} />
        </>
      ) : null}
      {view.op === "source" ? (
        <>
          <h3>{t("operatorWaiting")}</h3>
          <Waiting simulation={shown.open.simulation} tasks={view.tasks} />
        </>
      ) : null}
    </section>
  );
}
