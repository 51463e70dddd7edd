/**
 * The windows of the frame state: what a windowed operator holds after each of its outputs, replayed from the
 * trace with the same lifecycle as its core (`aggregation/`).
 */
import type { WindowOutput } from "../aggregation/windowOutput";
import type { RestoredWindow } from "../trace/traceLog";

/** A window in the frame state: node and task indexes, and what a `WindowFrame` shows. */
export interface WindowEntry extends RestoredWindow {
  node: number;
  task: number;
}

function windowId(node: number, task: number, key: unknown, start: number, end: number): string {
  return `${node}|${task}|${JSON.stringify(key)}|${start}|${end}`;
}

/** The windows a windowed operator holds after one of its outputs (the same lifecycle as its core). */
export function applyWindowOutput(
  windows: Map<string, WindowEntry>,
  node: number,
  task: number,
  output: WindowOutput,
): void {
  if (output.window === null) return;
  const id = windowId(node, task, output.key, output.window.start, output.window.end);
  const entry = windows.get(id);
  switch (output.kind) {
    case "updated":
      if (entry) entry.value = output.value;
      else {
        windows.set(id, {
          node,
          task,
          key: output.key,
          start: output.window.start,
          end: output.window.end,
          endInclusive: output.window.endInclusive,
          value: output.value,
          closed: false,
          emissions: 0,
        });
      }
      break;
    case "emitted":
      if (entry) {
        entry.emissions++;
        if (output.accumulation === "discarding") entry.value = null;
      }
      break;
    case "windowClosed":
      // Kafka keeps a closed window until retention drops it; Flink cleans its state.
      if (output.time.semantics === "flink") windows.delete(id);
      else if (entry) entry.closed = true;
      break;
    case "sessionMerged":
    case "expired":
      windows.delete(id);
      break;
    case "late":
    case "lateSideOutput":
    case "failed":
      break;
    default: {
      const unknown: never = output;
      throw new Error(`unknown window output ${JSON.stringify(unknown)}`);
    }
  }
}

/** A task's windows of one node after its window store is restored: exactly the restored ones. */
export function restoreWindows(
  windows: Map<string, WindowEntry>,
  node: number,
  task: number,
  open: readonly RestoredWindow[],
): void {
  const prefix = `${node}|${task}|`;
  for (const id of [...windows.keys()]) if (id.startsWith(prefix)) windows.delete(id);
  for (const w of open) windows.set(windowId(node, task, w.key, w.start, w.end), { ...w, node, task });
}
