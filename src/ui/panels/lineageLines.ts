/**
 * What the inspector lists for a selected record: where it sits (its first append), and one line per step of its
 * lineage with a short summary of what happened to it there. Pure, so it is tested without rendering.
 */

import type { RecordSelection } from "../../app/labState";
import { formatJson, formatKey, type Simulation, type TraceStep } from "../../engine/core";
import { t } from "../messages";

export interface LineageLine {
  /** 0-based trace index; the cursor after it (what the step indicator shows) is `step + 1`. */
  step: number;
  summary: string;
  narration: string;
  /** The step that led to the cursor. */
  current: boolean;
  /** Not happened yet at the cursor. */
  future: boolean;
}

export interface InspectedRecord {
  partition: string;
  offset: number;
  key: string;
  value: string;
  timestampMs: number;
  appendTimeMs: number;
}

/** A short "what happened to the record" for a lineage step. */
export function lineageSummary(step: TraceStep): string {
  switch (step.kind) {
    case "recordProduced":
      return t("lineageProduced", { producer: step.producer, partition: `${step.topic}-${step.partition}` });
    case "recordBuffered":
      return t("lineageBuffered", { producer: step.producer });
    case "recordAppended":
      return t("lineageAppended", { partition: `${step.topic}-${step.partition}`, offset: step.offset });
    case "recordFetched":
      return t("lineageFetched", { instance: step.instance, task: step.task });
    case "recordRefetched":
      return t("lineageRefetched", { instance: step.instance, task: step.task });
    case "recordProcessed":
      return t("lineageProcessed", { node: step.node });
    case "recordFiltered":
      return t("lineageFiltered", { node: step.node });
    case "recordBranched":
      return t("lineageBranched", { node: step.node, branch: step.branch });
    case "recordUnmatched":
      return t("lineageUnmatched", { node: step.node });
    case "recordWritten":
      return t("lineageWritten", { node: step.node, partition: `${step.topic}-${step.partition}` });
    case "userFunctionFailed":
      return t("lineageFailed", { node: step.node });
    case "recordStored":
      return t("lineageStored", { node: step.node, task: step.task });
    case "recordJoined":
      return t("lineageJoined", { node: step.node, task: step.task });
    case "recordUnjoined":
      return t("lineageUnjoined", { node: step.node, task: step.task });
    // Not about a record, so never in a lineage; summarised anyway to keep the switch exhaustive.
    case "offsetCommitted":
      return t("lineageCommitted", { offset: step.offset, partition: `${step.topic}-${step.partition}` });
    case "positionReset":
      return t("lineageReset", { instance: step.instance, offset: step.offset });
    case "groupChanged":
      return t("lineageGroup", { kind: step.event.kind });
    case "recordSkipped":
      return t("lineageSkipped", { task: step.task, reason: step.reason });
    case "partitionChosen":
    case "taskIdled":
    case "streamTimeAdvanced":
    case "streamTimeRestored":
    case "watermarkAdvanced":
    case "partitionIdleChanged":
      return t("lineageTime", { kind: step.kind });
    case "windowUpdated":
    case "windowEmitted":
    case "recordLate":
    case "recordToLateSideOutput":
    case "sessionMerged":
    case "windowClosed":
    case "windowExpired":
    case "windowAggregationFailed":
    case "windowRecordSkipped":
    case "windowStoreRestored":
      return t("lineageWindow", { kind: step.kind, node: step.node });
    default: {
      const unknown: never = step;
      throw new Error(`unknown step ${JSON.stringify(unknown)}`);
    }
  }
}

/** One line per lineage step, marking the step that led to `cursor` and the ones still to come. */
export function lineageLines(
  simulation: Simulation,
  selection: RecordSelection,
  cursor: number,
): LineageLine[] {
  return selection.lineage.map((step) => ({
    step,
    summary: lineageSummary(simulation.step(step)),
    narration: simulation.narrate(step),
    current: step === cursor - 1,
    future: step >= cursor,
  }));
}

/** The selected record as it sits in its partition: found at the step that appended this very version. */
export function inspectedRecord(simulation: Simulation, selection: RecordSelection): InspectedRecord | null {
  for (const i of selection.lineage) {
    const step = simulation.step(i);
    if (step.kind !== "recordAppended" || step.record !== selection.record) continue;
    const version = simulation.record(selection.record);
    return {
      partition: `${step.topic}-${step.partition}`,
      offset: step.offset,
      key: formatKey(version.key),
      value: formatJson(version.value),
      timestampMs: version.timestamp,
      appendTimeMs: step.timeMs,
    };
  }
  return null;
}
