/**
 * The physical view's data: the topology expanded per task, the tasks grouped by the instance that owns them at a
 * frame. Kafka Streams runs a copy of a sub-topology's processors in each of its tasks (`StreamTask`), and a task
 * runs on the instance the group assignment gave it; tasks nobody owns (before the first generation, or while they
 * move) form the "unassigned" group. Read straight off the frame: the view decides nothing.
 */
import type { Frame, Simulation } from "../engine";

export interface PhysicalTask {
  /** `<subtopology>_<partition>`. */
  id: string;
  subtopology: number;
  partition: number;
  /** The ids of the nodes this task runs a copy of, in topology order. */
  nodes: string[];
}

export interface PhysicalGroup {
  /** `instance-<n>`, or null for the tasks nobody owns. */
  instance: string | null;
  /** Its index in the frame's instances (for its colour), -1 for the unassigned group. */
  index: number;
  running: boolean;
  /** Why it is not running: it crashed, it left (shut down), or it has not started yet; null while it runs. */
  stopped: "crashed" | "left" | "notStarted" | null;
  tasks: PhysicalTask[];
}

/** The groups at `frame`: every instance (a stopped one too, so it is seen stopped), then the unassigned tasks. */
export function physicalGroups(simulation: Simulation, frame: Frame): PhysicalGroup[] {
  const { graph } = simulation;
  const spec = new Map(graph.tasks.map((t) => [t.id, t]));
  const physical = (id: string): PhysicalTask | null => {
    const task = spec.get(id);
    if (!task) return null;
    const nodes = graph.nodes.filter((n) => n.subtopology === task.subtopology).map((n) => n.id);
    return { id, subtopology: task.subtopology, partition: task.partition, nodes };
  };
  const owned = new Map<string, string[]>();
  const unassigned: string[] = [];
  for (const task of frame.tasks) {
    if (task.instance === null) unassigned.push(task.id);
    else owned.set(task.instance, [...(owned.get(task.instance) ?? []), task.id]);
  }
  const groups: PhysicalGroup[] = [];
  const lifecycle = simulation.groupHistory().lifecycle;
  const stoppedBy = (name: string): PhysicalGroup["stopped"] => {
    // How it last stopped, before this frame; a session expiry is the coordinator noticing, not the process.
    let last: string | null = null;
    for (const event of lifecycle)
      if (event.step < frame.cursor && event.instance === name && event.kind !== "sessionExpired")
        last = event.kind;
    return last === "crashed" ? "crashed" : last === null ? "notStarted" : "left";
  };
  frame.instances.forEach((instance, index) => {
    const tasks = (owned.get(instance.name) ?? []).map(physical).filter((t) => t !== null);
    groups.push({
      instance: instance.name,
      index,
      running: instance.running,
      stopped: instance.running ? null : stoppedBy(instance.name),
      tasks: sortTasks(tasks),
    });
  });
  if (unassigned.length > 0) {
    const tasks = unassigned.map(physical).filter((t) => t !== null);
    groups.push({ instance: null, index: -1, running: false, stopped: null, tasks: sortTasks(tasks) });
  }
  return groups;
}

function sortTasks(tasks: PhysicalTask[]): PhysicalTask[] {
  return tasks.sort((a, b) => a.subtopology - b.subtopology || a.partition - b.partition);
}

/**
 * What the physical layout depends on: which instance owns which task, and which instances are shown. Equal keys
 * mean the same layout, so the canvas only moves when ownership changes.
 */
export function ownershipKey(groups: readonly PhysicalGroup[]): string {
  return groups
    .map(
      (g) => `${g.instance ?? "-"}${g.stopped ? `(${g.stopped})` : ""}:${g.tasks.map((t) => t.id).join(",")}`,
    )
    .join("|");
}
