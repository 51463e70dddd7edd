/**
 * The cluster at this frame: every instance (running or not, its member id and its tasks, colour-coded), every
 * task with its owner and, per source partition, the consumer position, the committed offset, the lag and the
 * records fetched but not yet processed; then the group's generations up to this step (who owns what, what was
 * revoked and assigned, and why) and the crashes, stops and restarts, each a link to its step. Tasks that changed
 * owner in the latest generation pulse, so a rebalance is seen moving them.
 */
import { useMemo } from "react";
import type {
  Frame,
  GenerationSummary,
  LifecycleEvent,
  RecordId,
  Simulation,
  TaskFrame,
  WindowFrame,
} from "../../engine/core";
import { useLabActions } from "../LabContext";
import { t } from "../messages";
import { WindowedList } from "../windowing/WindowedList";
import { instanceColor } from "./instanceColor";
import { KeyDots } from "./KeyDots";
import { TaskTime, TaskWindows } from "./TaskTime";

export interface ClusterView {
  /** Generations completed before the cursor, oldest first. */
  generations: GenerationSummary[];
  /** Crashes, stops and restarts before the cursor. */
  lifecycle: LifecycleEvent[];
  /** Per instance name: how it last stopped, while it is not running. */
  stoppedBy: Record<string, "crashed" | "left" | "notStarted">;
  /** Tasks whose owner in the latest generation differs from the one before. */
  moved: Set<string>;
}

/** What the panel shows at `cursor`, from the simulation's group history (pure: tested without rendering). */
export function clusterView(simulation: Simulation, frame: Frame): ClusterView {
  const history = simulation.groupHistory();
  const generations = history.generations.filter((g) => g.step < frame.cursor);
  const lifecycle = history.lifecycle.filter((l) => l.step < frame.cursor);
  const stoppedBy: ClusterView["stoppedBy"] = {};
  for (const instance of frame.instances) {
    if (instance.running) continue;
    // A session expiry is the coordinator noticing, not how the process stopped.
    const last = lifecycle.filter((l) => l.instance === instance.name && l.kind !== "sessionExpired").at(-1);
    stoppedBy[instance.name] =
      last?.kind === "crashed" ? "crashed" : last === undefined ? "notStarted" : "left";
  }
  // Moved: owned by another instance than in the generation before (under eager everyone re-receives everything).
  const moved = new Set<string>();
  const latest = generations.at(-1);
  const before = generations.at(-2);
  if (latest !== undefined && before !== undefined) {
    const ownerBefore = new Map(
      before.members.flatMap((m) => m.tasks.map((id) => [id, m.instance] as const)),
    );
    for (const member of latest.members) {
      for (const id of member.tasks) if (ownerBefore.get(id) !== member.instance) moved.add(id);
    }
  }
  return { generations, lifecycle, stoppedBy, moved };
}

const taskKey = (task: TaskFrame) => task.id;
/** A task row's height before it is measured: its heading, time line and table (a row per partition). */
const taskHeight = (task: TaskFrame) => 110 + 24 * task.partitions.length;

function instanceIndex(name: string | null): number {
  return name === null ? -1 : Number(name.slice("instance-".length)) - 1;
}

function TaskChip({ id, owner, moved }: { id: string; owner: string | null; moved: boolean }) {
  return (
    <span
      className={`task-chip${moved ? " is-moved" : ""}`}
      style={{ borderColor: instanceColor(instanceIndex(owner)) }}
      data-testid={`task-chip-${id}`}
    >
      {id}
    </span>
  );
}

function TaskRow({
  task,
  simulation,
  moved,
  windows,
}: {
  task: TaskFrame;
  simulation: Simulation;
  moved: boolean;
  windows: readonly WindowFrame[];
}) {
  return (
    <article
      className={`task${task.consumed ? "" : " is-unconsumed"}`}
      data-testid={`task-${task.id}`}
      style={{ borderLeftColor: instanceColor(instanceIndex(task.instance)) }}
    >
      <h3>
        <TaskChip id={task.id} owner={task.instance} moved={moved} />{" "}
        {task.instance === null
          ? t("taskUnowned")
          : task.consumed
            ? t("taskOwner", { instance: task.instance })
            : t("taskOwnerStopped", { instance: task.instance })}
      </h3>
      <TaskTime task={task} />
      <TaskWindows windows={windows} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t("columnPartition")}</th>
            <th scope="col" title={t("columnPositionHelp")}>
              {t("columnPosition")}
            </th>
            <th scope="col" title={t("columnCommittedHelp")}>
              {t("columnCommitted")}
            </th>
            <th scope="col" title={t("columnLagHelp")}>
              {t("columnLag")}
            </th>
            <th scope="col" title={t("columnBufferedHelp")}>
              {t("columnBuffered")}
            </th>
          </tr>
        </thead>
        <tbody>
          {task.partitions.map((p) => {
            const name = `${p.topic}-${p.partition}`;
            const buffered: readonly RecordId[] = task.buffered[name] ?? [];
            return (
              <tr key={name}>
                <th scope="row" className="partition-name" title={name}>
                  {name}
                </th>
                <td>{p.position}</td>
                <td>{p.committed}</td>
                <td data-testid={`lag-${name}`}>{p.logEnd - p.committed}</td>
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

export function ClusterPanel({ simulation, frame }: { simulation: Simulation; frame: Frame }) {
  const { goTo } = useLabActions();
  const view = useMemo(() => clusterView(simulation, frame), [simulation, frame]);
  const generationText =
    view.generations.length === 0 ? t("noGeneration") : t("generationNow", { generation: frame.generation });
  return (
    <section aria-labelledby="cluster-title" data-testid="cluster-panel">
      <h2 id="cluster-title">{t("clusterTitle")}</h2>
      <p className="muted" data-testid="generation">
        {generationText}
      </p>
      <ul className="instances">
        {frame.instances.map((instance, i) => {
          const stopped = view.stoppedBy[instance.name];
          const status = instance.running
            ? t("instanceRunning")
            : stopped === "crashed"
              ? t("instanceCrashed")
              : stopped === "left"
                ? t("instanceStopped")
                : t("instanceNotStarted");
          return (
            <li
              key={instance.name}
              className={`instance${instance.running ? "" : " is-down"}`}
              style={{ borderColor: instanceColor(i) }}
              data-testid={`instance-${instance.name}`}
            >
              <span className="instance-name">
                <span
                  className="instance-swatch"
                  style={{ background: instanceColor(i) }}
                  aria-hidden="true"
                />
                {instance.name}
              </span>
              <span
                className={`instance-status status-${instance.running ? "running" : (stopped ?? "notStarted")}`}
              >
                {stopped === "crashed" ? "✕ " : instance.running ? "● " : "○ "}
                {status}
              </span>
              {instance.memberId !== "" && instance.memberId !== instance.name ? (
                <span className="muted">{t("memberId", { member: instance.memberId })}</span>
              ) : null}
              <span className="instance-tasks">
                {instance.tasks.length === 0 ? (
                  <span className="muted">{instance.running ? t("instanceIdle") : t("instanceNoTasks")}</span>
                ) : (
                  instance.tasks.map((id) => (
                    <TaskChip key={id} id={id} owner={instance.name} moved={view.moved.has(id)} />
                  ))
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {/* A scenario may have hundreds of tasks: only those in view are rendered. */}
      <WindowedList
        items={frame.tasks}
        itemKey={taskKey}
        estimateHeight={taskHeight}
        testId="task-list"
        renderItem={(task) => (
          <TaskRow
            task={task}
            simulation={simulation}
            moved={view.moved.has(task.id)}
            windows={frame.windows.filter((w) => w.task === task.id)}
          />
        )}
      />
      {view.generations.length > 0 || view.lifecycle.length > 0 ? (
        <>
          <h3 className="history-title">{t("historyTitle")}</h3>
          <ol className="group-history" data-testid="group-history">
            {historyItems(view).map((item) => (
              <li key={`${item.step}-${item.text}`}>
                <button type="button" className="link-button" onClick={() => goTo(item.step + 1)}>
                  {t("atTime", { time: item.atMs })}
                </button>{" "}
                {item.text}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

const LIFECYCLE_MESSAGE = {
  joined: "historyJoined",
  crashed: "historyCrashed",
  left: "historyLeft",
  restarted: "historyRestarted",
  sessionExpired: "historySessionExpired",
} as const;

/** Generations and lifecycle events merged in step order, newest first, as lines. */
function historyItems(view: ClusterView): { step: number; atMs: number; text: string }[] {
  const items = [
    ...view.generations.map((g) => ({
      step: g.step,
      atMs: g.atMs,
      text: t("historyGeneration", {
        generation: g.generation,
        reason: g.triggeredBy === null ? g.reason : `${g.reason}: ${g.triggeredBy}`,
        owners: g.members.map((m) => `${m.memberId} ${m.tasks.join(" ") || "—"}`).join("; "),
      }),
    })),
    ...view.lifecycle
      .filter((l) => !(l.kind === "joined" && l.atMs === 0))
      .map((l) => ({
        step: l.step,
        atMs: l.atMs,
        text: t(LIFECYCLE_MESSAGE[l.kind], { instance: l.instance }),
      })),
  ];
  return items.sort((a, b) => b.step - a.step);
}
