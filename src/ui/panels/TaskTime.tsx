/**
 * Time at a glance for one task: its stream time (per windowed operator too) and, under Flink, each operator's
 * watermark; and the windows its windowed operators hold.
 */
import type { TaskFrame, WindowFrame } from "../../engine";
import { formatJson } from "../../engine/core";
import { keyLabel } from "../keyColor";
import { t } from "../messages";

function timeText(timeMs: number | null): string {
  return timeMs === null ? t("timeUnknown") : t("timeMs", { time: timeMs });
}

/** The task's stream time and, under Flink, each operator's watermark in it. */
export function TaskTime({ task }: { task: TaskFrame }) {
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
export function TaskWindows({ windows }: { windows: readonly WindowFrame[] }) {
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
            {t("windowLine", { node: w.node, bounds, key: keyLabel(w.key), value: formatJson(w.value, 200) })}
            {flags === "" ? null : <span className="muted"> ({flags})</span>}
          </li>
        );
      })}
    </ul>
  );
}
