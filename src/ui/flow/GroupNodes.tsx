/**
 * The physical view's containers: an instance (its name, colour and whether it runs) holding its tasks, each task a
 * box labelled with its id. A stopped instance is drawn dashed and says so; the tasks nobody owns sit in a grey
 * "unassigned" group.
 */
import type { NodeProps } from "@xyflow/react";
import type { CSSProperties } from "react";
import { t } from "../messages";
import { instanceColor } from "../panels/instanceColor";
import type { InstanceGroupData, LabNode, TaskGroupData } from "./layoutTopology";

export function InstanceGroupNode({ data }: NodeProps<Extract<LabNode, { type: "instance" }>>) {
  const { instance, index, running, stopped, tasks } = data as InstanceGroupData;
  const color = instanceColor(index);
  const state = instance === null ? "unassigned" : running ? "running" : "stopped";
  return (
    <div
      className={`instance-group is-${state}`}
      data-testid={`group-${instance ?? "unassigned"}`}
      style={{ "--instance": color } as CSSProperties}
    >
      <span className="instance-group-label">
        <span className="instance-group-swatch" aria-hidden="true" />
        {instance ?? t("groupUnassigned")}
        {instance !== null ? (
          <span className="instance-group-state">
            {running
              ? `● ${t("instanceRunning")}`
              : stopped === "crashed"
                ? `✕ ${t("instanceCrashed")}`
                : stopped === "left"
                  ? `○ ${t("instanceStopped")}`
                  : `○ ${t("instanceNotStarted")}`}
          </span>
        ) : null}
        {tasks === 0 ? <span className="instance-group-state">{t("instanceNoTasks")}</span> : null}
      </span>
    </div>
  );
}

export function TaskGroupNode({ data }: NodeProps<Extract<LabNode, { type: "task" }>>) {
  const { task } = data as TaskGroupData;
  return (
    <div className="task-group" data-testid={`task-group-${task}`}>
      <span className="task-group-label">{t("taskLabel", { task })}</span>
    </div>
  );
}
