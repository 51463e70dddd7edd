/**
 * The consumer group in the run loop: scheduled instance inputs (join, leave, crash, restart) go to the group
 * driver (`groupDriver.ts`, which decides membership, generations and assignments), and what it reports is applied
 * here to the instances and their tasks — who runs, who owns which task, and what each task keeps or drops
 * (`taskHandover.ts`).
 */
import type { TopicPartition } from "../groups/assignor";
import type { CoordinatorEvent } from "../groups/coordinator";
import type { InstanceFault, SimulationModel } from "../model";
import type { TopologyGraph } from "../topology/topologyGraph";
import type { ClusterState } from "./clusterState";
import type { Commits } from "./commits";
import { AgendaKind } from "./eventQueue";
import { createGroupDriver, type GroupDriver, instanceMemberName, taskIndexOfUnit } from "./groupDriver";
import type { TaskHandover } from "./taskHandover";

export class GroupEvents {
  private readonly driver: GroupDriver;
  private readonly instanceIndex = new Map<string, number>();
  private readonly faults: readonly InstanceFault[];
  /** The group's next session or rebalance deadline on the agenda (undefined: none). */
  private deadline: number | undefined;

  constructor(
    model: SimulationModel,
    private readonly graph: TopologyGraph,
    private readonly cluster: ClusterState,
    private readonly handover: TaskHandover,
    private readonly commits: Commits,
  ) {
    this.driver = createGroupDriver(model, graph);
    for (let i = 0; i < cluster.instanceCount; i++) this.instanceIndex.set(instanceMemberName(i), i);
    this.faults = model.app.faults;
  }

  /** Puts the scheduled inputs on the agenda, one item per instant. */
  scheduleFaults(): void {
    const faults = this.faults;
    faults.forEach((fault, i) => {
      if (i === 0 || faults[i - 1]!.atMs !== fault.atMs) {
        this.cluster.agenda.schedule(fault.atMs, AgendaKind.fault, i);
      }
    });
  }

  /** The group forms at 0 with every instance that does not join later. */
  start(): void {
    const startsLater = new Set(this.faults.filter((f) => f.action === "join").map((f) => f.instance));
    const starting: number[] = [];
    for (let i = 0; i < this.cluster.instanceCount; i++) if (!startsLater.has(i)) starting.push(i);
    this.apply(this.driver.start(starting));
  }

  /** The scheduled inputs due at the instant of input `first`. */
  input(first: number): void {
    const faults = this.faults;
    const due: InstanceFault[] = [];
    for (let i = first; i < faults.length && faults[i]!.atMs === faults[first]!.atMs; i++)
      due.push(faults[i]!);
    for (const fault of due) {
      // A graceful shutdown commits first (`KafkaStreams#close` → `TaskManager#shutdown` commits).
      if (fault.action === "leave" && this.cluster.running[fault.instance]) {
        this.commits.commitTasks(fault.instance, this.cluster.ownership.byInstance[fault.instance]!);
      }
    }
    this.apply(this.driver.input(due, this.cluster.now));
  }

  /** A group deadline on the agenda came due (only the latest one scheduled counts). */
  deadlineReached(atMs: number): void {
    if (atMs !== this.deadline) return;
    this.deadline = undefined;
    this.apply(this.driver.advanceTo(this.cluster.now));
  }

  private tasksOf(units: readonly TopicPartition[]): number[] {
    return units.map((unit) => taskIndexOfUnit(this.graph, unit)).filter((t) => t >= 0);
  }

  /** Applies the group's events to instances and tasks, in order. */
  private apply(events: CoordinatorEvent[]): void {
    const { running, ownership, recorder } = this.cluster;
    const handover = this.handover;
    const setOwner = (task: number, instance: number) => ownership.set(task, instance);
    for (const event of events) {
      const instance = "instance" in event ? (this.instanceIndex.get(event.instance) ?? -1) : -1;
      const generation = "generation" in event ? event.generation : -1;
      recorder.group(instance, generation, { mode: this.driver.mode, event });
      switch (event.kind) {
        case "memberJoined":
        case "memberRestarted":
          running[instance] = 1;
          break;
        case "memberCrashed":
          // The process is gone, and with it what it fetched but had not processed.
          running[instance] = 0;
          for (const task of ownership.byInstance[instance]!) handover.resetTask(instance, task, false);
          break;
        case "memberLeft":
          // Committed before it left (see `input`); a dynamic member is out of the group, a static one keeps
          // its tasks, unconsumed, until it returns or its session expires (KIP-345).
          running[instance] = 0;
          for (const task of [...ownership.byInstance[instance]!]) {
            handover.resetTask(instance, task, false);
            if (event.leaveGroupSent) setOwner(task, -1);
          }
          break;
        case "sessionExpired":
          for (const task of this.tasksOf(event.partitions))
            if (ownership.ofTask[task] === instance) setOwner(task, -1);
          break;
        case "partitionsRevoked": {
          // Kafka Streams commits the tasks it gives up (`TaskManager#handleRevocation`); a member that is not
          // running cannot.
          const tasks = this.tasksOf(event.partitions);
          if (event.running && running[instance]) this.commits.commitTasks(instance, tasks);
          for (const task of tasks) {
            if (running[instance]) handover.resetTask(instance, task, false);
            if (ownership.ofTask[task] === instance) setOwner(task, -1);
          }
          break;
        }
        case "partitionsAssigned": {
          // Static assignment has no join: being assigned is how its instance starts.
          if (event.running) running[instance] = 1;
          const tasks = this.tasksOf(event.partitions);
          for (const task of tasks) setOwner(task, instance);
          if (running[instance]) handover.resume(instance, tasks);
          break;
        }
        case "staticMemberRejoined":
          // Back within its session with its old tasks; its in-memory progress died with the process.
          running[instance] = 1;
          handover.resume(instance, this.tasksOf(event.partitions));
          break;
        case "generationCompleted":
        case "heartbeatsStopped":
        case "rebalanceStarted":
        case "inputIgnored":
          break;
        default: {
          const unknown: never = event;
          throw new Error(`unknown group event ${JSON.stringify(unknown)}`);
        }
      }
    }
    const next = this.driver.nextDeadline();
    if (next !== this.deadline) {
      this.deadline = next;
      if (next !== undefined) this.cluster.agenda.schedule(next, AgendaKind.groupDeadline, 0);
    }
  }
}
