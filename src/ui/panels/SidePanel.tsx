/**
 * The record inspector when a record is selected, then the cluster at this frame: each task (instance, task id, its
 * stream time and operator watermarks, and per source partition the consumer position, the committed offset and the
 * records fetched but not yet processed), then each producer's buffer.
 */
import "./panels.css";
import type { RecordId, Simulation, TaskFrame, WindowFrame } from "../../engine";
import { keyColor, keyLabel } from "../keyColor";
import { useLabState } from "../LabContext";
import { t } from "../messages";
import { RecordInspector } from "./RecordInspector";

function KeyDots({ simulation, records }: { simulation: Simulation; records: readonly RecordId[] }) {
  return (
    <span className="key-dots">
      {records.slice(0, 8).map((id) => {
        const { key } = simulation.record(id);
        return (
          <span key={id} className="key-dot" style={{ background: keyColor(key) }}>
            {keyLabel(key)}
          </span>
        );
      })}
      {records.length > 8 ? (
        <span className="key-more">{t("olderRecords", { count: records.length - 8 })}</span>
      ) : null}
    </span>
  );
}

function timeText(timeMs: number | null): string {
  return timeMs === null ? t("timeUnknown") : t("timeMs", { time: timeMs });
}

/** The task's stream time and, under Flink, each operator's watermark in it. */
function TaskTime({ task }: { task: TaskFrame }) {
  const watermarks = Object.entries(task.watermarks);
  return (
    <p className="task-time muted" data-testid={`task-time-${task.id}`}>
      {t("streamTime", { time: timeText(task.streamTimeMs) })}
      {Object.entries(task.operatorStreamTimes).map(([node, time]) => (
        <span key={`st-${node}`}> · {t("operatorStreamTime", { node, time: timeText(time) })}</span>
      ))}
      {watermarks.map(([node, watermark]) => (
        <span key={node}> · {t("operatorWatermark", { node, time: timeText(watermark) })}</span>
      ))}
    </p>
  );
}

/** The windows the task's windowed operators hold: node, bounds, key and current aggregate. */
function TaskWindows({ windows }: { windows: readonly WindowFrame[] }) {
  if (windows.length === 0) return null;
  return (
    <ul className="task-windows" data-testid="task-windows">
      {windows.map((w) => {
        const bounds = `[${w.start}, ${w.end}${w.endInclusive ? "]" : ")"}`;
        const flags = [
          w.closed ? t("windowClosed") : null,
          w.emissions > 0 ? t("windowEmitted", { count: w.emissions }) : null,
        ]
          .filter((f) => f !== null)
          .join(", ");
        return (
          <li key={`${w.node} ${JSON.stringify(w.key)} ${bounds}`}>
            {t("windowLine", { node: w.node, bounds, key: keyLabel(w.key), value: JSON.stringify(w.value) })}
            {flags === "" ? null : <span className="muted"> ({flags})</span>}
          </li>
        );
      })}
    </ul>
  );
}

function TaskCard({
  task,
  simulation,
  windows,
}: {
  task: TaskFrame;
  simulation: Simulation;
  windows: readonly WindowFrame[];
}) {
  return (
    <article className="task" data-testid={`task-${task.id}`}>
      <h3>{t("taskHeading", { task: task.id, instance: task.instance ?? t("nobody") })}</h3>
      <TaskTime task={task} />
      <TaskWindows windows={windows} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t("columnPartition")}</th>
            <th scope="col">{t("columnPosition")}</th>
            <th scope="col">{t("columnCommitted")}</th>
            <th scope="col">{t("columnBuffered")}</th>
          </tr>
        </thead>
        <tbody>
          {task.partitions.map((p) => {
            const name = `${p.topic}-${p.partition}`;
            const buffered = task.buffered[name] ?? [];
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{p.position}</td>
                <td>{p.committed}</td>
                <td>
                  {buffered.length}
                  {buffered.length > 0 ? <KeyDots simulation={simulation} records={buffered} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}

export function SidePanel() {
  const simulation = useLabState((s) => s.open?.simulation ?? null);
  const frame = useLabState((s) => s.frame);
  const description = useLabState((s) => s.open?.scenario.description ?? null);
  const selection = useLabState((s) => s.selection);
  if (!simulation || !frame) return null;
  const producers = Object.entries(frame.producerBuffers);
  return (
    <aside className="side-panel" aria-label={t("sidePanelLabel")}>
      {selection ? <RecordInspector simulation={simulation} selection={selection} /> : null}
      <section>
        <h2>{t("tasksTitle")}</h2>
        {frame.tasks.length === 0 ? <p className="muted">{t("noTasks")}</p> : null}
        {frame.tasks.map((task) => (
          <TaskCard
            key={task.id}
            task={task}
            simulation={simulation}
            windows={frame.windows.filter((w) => w.task === task.id)}
          />
        ))}
      </section>
      <section>
        <h2>{t("producersTitle")}</h2>
        <ul className="producer-buffers">
          {producers.map(([id, records]) => (
            <li key={id} data-testid={`buffer-${id}`}>
              <span className="producer-name">{id}</span>
              <span className="muted">
                {records.length === 0 ? t("bufferEmpty") : t("bufferCount", { count: records.length })}
              </span>
              {records.length > 0 ? <KeyDots simulation={simulation} records={records} /> : null}
            </li>
          ))}
        </ul>
      </section>
      {description ? (
        <section>
          <h2>{t("scenarioAbout")}</h2>
          <p className="about">{description}</p>
        </section>
      ) : null}
    </aside>
  );
}
