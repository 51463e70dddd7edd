/**
 * Flink's watermarks in the run loop. The periodic emitter runs every `autoWatermarkIntervalMs` of wall clock
 * while anything can still change (`SourceWatermarks`: one bounded-out-of-orderness generator per source
 * partition, idleness, the task's combined watermark). A windowed operator follows a keyBy, a shuffle, so every
 * source partition of its sub-topology is an input channel of the operator in every task (each upstream subtask
 * sends its watermark to every downstream one); its watermark is the minimum over the active channels
 * (`StatusWatermarkValve`), and when it advances the operator's windows may fire.
 *
 * The classes come from `FlinkWatermarkCode`, loaded on demand: this file imports only their types.
 */
import type { SimulationModel } from "../model";
import type { OperatorEnv } from "../topology/operatorEnv";
import type { TopologyGraph } from "../topology/topologyGraph";
import { watermarkChannel } from "../trace/traceLog";
import type { ClusterState } from "./clusterState";
import { AgendaKind } from "./eventQueue";
import type { FlinkWatermarkCode } from "./flinkWatermarkCode";
import type { SourceWatermarks, WatermarkListener } from "./sourceWatermarks";
import type { TaskTimes } from "./taskTimes";
import type { WindowStores } from "./windowStores";
import type { ValveInput, WindowWatermarks } from "./windowWatermarks";

export class WatermarkEmission {
  /** The source partitions' watermark generators; null unless the run has Flink semantics. */
  readonly sources: SourceWatermarks | null;
  private readonly windows: WindowWatermarks | null;
  private readonly listener: WatermarkListener;
  private readonly intervalMs: number;
  private readonly live: (tp: number) => boolean;

  constructor(
    model: SimulationModel,
    graph: TopologyGraph,
    private readonly cluster: ClusterState,
    times: TaskTimes,
    flink: FlinkWatermarkCode | null,
    private readonly stores: WindowStores,
    private readonly env: OperatorEnv,
    sourceOfTp: Int32Array,
  ) {
    const { tps, taskTps, recorder } = cluster;
    this.intervalMs = times.spec.watermarks.autoWatermarkIntervalMs;
    this.live = (tp) => cluster.live(tp);
    this.sources =
      flink === null
        ? null
        : new flink.SourceWatermarks(
            times.spec.watermarks,
            taskTps,
            tps.length,
            flink.repartitionUpstream(model, graph),
            graph.tasks.map((t) => t.id),
          );
    this.windows = flink === null ? null : new flink.WindowWatermarks(graph, stores.handles.keys());
    this.listener = {
      partitionWatermark: (tp, watermark, reason) => {
        recorder.watermark(-1 - tp, watermark, reason);
        this.toWindows(tp, (valve, slot) => valve.inputWatermark(slot, watermark));
      },
      partitionIdleness: (tp, idle, reason) => {
        recorder.partitionIdle(tp, idle, reason);
        this.toWindows(tp, (valve, slot) => (idle ? valve.markIdle(slot) : valve.markActive(slot)));
      },
      taskWatermark: (task, watermark, reason) => {
        const sources = new Set(taskTps[task]!.map((tp) => sourceOfTp[tp]!));
        const named = reason.replace(
          /channel (\d+)/g,
          (_m, slot: string) => tps[taskTps[task]![Number(slot)]!]!.name,
        );
        for (const node of sources) recorder.watermark(watermarkChannel(node, task), watermark, named);
      },
    };
  }

  /** Puts the emitter's first run on the agenda (Flink semantics only). */
  start(): void {
    if (this.sources !== null) this.cluster.agenda.schedule(this.intervalMs, AgendaKind.watermarkEmit, 0);
  }

  /** The periodic emitter's run at `now`; it runs again an interval later while anything can still change. */
  emit(): void {
    const sources = this.sources;
    if (sources === null) return;
    const { agenda, now } = this.cluster;
    const changed = sources.emit(now, this.live, this.listener);
    if (changed || agenda.size > 0 || sources.mayChange(this.live)) {
      agenda.schedule(now + this.intervalMs, AgendaKind.watermarkEmit, 0);
    }
  }

  /** The windowed operator's current watermark in `task`, or undefined when not under Flink. */
  windowWatermarkOf(node: number, task: number): number | undefined {
    return this.windows?.watermarkOf(node, task);
  }

  /** Feeds a source partition's change to the windowed operators reading it; fires the windows it advances. */
  private toWindows(tp: number, input: ValveInput): void {
    const { recorder, tps, taskTps } = this.cluster;
    this.windows?.input(tp, input, (node, task, watermark, reason) => {
      recorder.watermark(
        watermarkChannel(node, task),
        watermark,
        reason.replace(/channel \d+/g, tps[tp]!.name),
      );
      if (!this.cluster.live(taskTps[task]![0]!)) return;
      this.env.task = task;
      this.stores.handles.get(node)!.advanceWatermark(task, watermark);
    });
  }
}
