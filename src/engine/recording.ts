/**
 * The recording path: runs a model and records every step into a columnar trace (`recordRunWith`), then serves
 * decoded steps, narration and frames for any cursor (`openSimulationWith`). The two halves meet in a
 * {@link RecordedRun}, plain data, so the run can happen on another thread than the one that reads it.
 *
 * The code only some runs need (`EngineLibrary`) and the narration are parameters here: `simulate.ts` wires in the
 * engine's own, a page loads them on demand.
 */
import { VersionLog } from "./broker/partitionLog";
import type { SimulationModel } from "./model";
import { createPlacement } from "./partitioning/placement";
import { totalRecords } from "./producer/totalRecords";
import { SeededRandom } from "./random/seededRandom";
import { type Narrator, openSimulationWith } from "./recordedSimulation";
import type { FlinkWatermarkCode } from "./runtime/flinkWatermarkCode";
import { runCluster } from "./runtime/runCluster";
import { SimulationError } from "./runtime/simulationError";
import type { Simulation } from "./simulation";
import type { Processor } from "./topology/operatorEnv";
import { compileOperator } from "./topology/operators/compileOperator";
import { TracedOperatorRecorder } from "./topology/operators/operatorRecorder";
import { buildTopologyGraph } from "./topology/topologyGraph";
import type { WindowedAggregationFactory } from "./topology/windowedTasks";
import type { RecordedRun } from "./trace/recordedRun";
import { TraceLog } from "./trace/traceLog";
import { traceRecorder } from "./trace/traceRecorder";

/** Compiles the topology in reverse topological order so every node's children exist first. */
export function compileTopology(
  model: SimulationModel,
  graph: ReturnType<typeof buildTopologyGraph>,
  compileNode: (index: number, children: (branch: string | null) => Processor[]) => Processor,
): Processor[] {
  const processors: Processor[] = new Array(graph.nodes.length);
  for (let i = model.app.topology.length - 1; i >= 0; i--) {
    const kids = graph.children[i]!;
    processors[i] = compileNode(i, (branch) =>
      kids.filter((k) => k.branch === branch).map((k) => processors[k.node]!),
    );
  }
  return processors;
}

/**
 * A rough size of the trace, to size its columns once: every record is produced, appended, fetched, usually
 * advances its task's stream time, and visits each node; transforming nodes and sinks add a record version each. Capped by the step limit.
 */
function expectedTraceSize(model: SimulationModel): [steps: number, versions: number, timeRuns: number] {
  const records = totalRecords(model);
  const nodes = model.app.topology;
  const sinks = nodes.filter((n) => n.op === "sink").length;
  const transforming = nodes.filter(
    (n) => n.op === "map" || n.op === "mapValues" || n.op === "selectKey" || n.op === "enrich",
  ).length;
  // Produced, appended, fetched, a stream-time step when it advances (most records), then each node.
  const steps = Math.min(model.limits.maxSteps + 1, records * (4 + nodes.length + sinks) + 64);
  // The wall clock moves about once per record sent (sends at the same instant share a run).
  return [steps, records * (1 + transforming + sinks) + 64, Math.min(steps, records + 64)];
}

export interface RecordOptions {
  /**
   * Told now and then while the run goes (between two happenings of the run, once at least
   * {@link PROGRESS_EVERY_STEPS} steps were recorded since the last time): records sent so far, records in all, and
   * steps recorded so far (which `limits.maxSteps` bounds, however few records there are).
   */
  onProgress?: (done: number, total: number, steps: number) => void;
}

/** How many trace steps at least pass between two {@link RecordOptions.onProgress} calls. */
export const PROGRESS_EVERY_STEPS = 50_000;

/**
 * `simulate`, narrated by `narrator`, with the code of `library`: for a page that loads the narration and the code
 * only some scenarios need after its first screen (`narration.ts`, `aggregation/index.ts`).
 */
export function simulateWith(model: SimulationModel, narrator: Narrator, library: EngineLibrary): Simulation {
  return openSimulationWith(model, recordRunWith(model, {}, false, library), narrator);
}

/** The recording run; `copy` as in `TraceLog#toRecorded`. */
/**
 * Code a run may need that not every scenario does: what `simulateWith` is given, and `simulate` / `recordRun`
 * always have. A page loads it on demand; a run that needs what is missing fails with a SimulationError.
 */
export interface EngineLibrary {
  /** Windowed aggregation cores (`createWindowedAggregation`), for `windowedAggregate` nodes. */
  windowedAggregation: WindowedAggregationFactory | null;
  /** Flink's watermark code, for `app.time.semantics: flink`. */
  flinkWatermarks: FlinkWatermarkCode | null;
}

/**
 * Runs `model` on the recording path with `library` and returns what it recorded. With `copy`, its typed arrays
 * each own a buffer of exactly their length (ready to transfer to another thread).
 */
export function recordRunWith(
  model: SimulationModel,
  options: RecordOptions,
  copy: boolean,
  library: EngineLibrary,
): RecordedRun {
  const graph = buildTopologyGraph(model);
  const trace = new TraceLog(...expectedTraceSize(model));
  const root = new SeededRandom(model.seed);
  const maxSteps = model.limits.maxSteps;
  const progress = options.onProgress && progressEvery(trace, totalRecords(model), options.onProgress);
  const run = runCluster(model, graph, {
    recorder: traceRecorder(trace),
    compile: (env) =>
      compileTopology(model, graph, (i, children) =>
        compileOperator(model.app.topology[i]!, {
          self: i,
          children,
          env,
          recorder: new TracedOperatorRecorder(trace, i),
          windowedAggregation: library.windowedAggregation,
        }),
      ),
    placement: (spec, partitions, label, batchSizeBytes) =>
      createPlacement(spec, partitions, root.fork(label), batchSizeBytes),
    random: (label) => root.fork(label),
    createLog: (expectedRecords) => new VersionLog(trace, expectedRecords),
    checkLimits: () => {
      if (trace.length > maxSteps) {
        throw new SimulationError(
          `the run passed ${maxSteps} steps (limits.maxSteps); raise the limit or shorten the scenario`,
        );
      }
      progress?.check();
    },
    onProgress: progress?.recordsSent,
    flinkWatermarks: library.flinkWatermarks,
  });
  return {
    trace: trace.toRecorded(copy),
    logs: (run.logs as VersionLog[]).map((log) => log.toRecorded(copy)),
    assignment: run.assignment,
  };
}

/**
 * Passes progress on when at least {@link PROGRESS_EVERY_STEPS} steps were recorded since it last did: checked
 * after every happening of the run, so a few records that fan out into many steps are reported too.
 */
function progressEvery(trace: TraceLog, total: number, onProgress: NonNullable<RecordOptions["onProgress"]>) {
  let nextAt = PROGRESS_EVERY_STEPS;
  let sent = 0;
  return {
    recordsSent: (done: number) => {
      sent = done;
    },
    check: () => {
      if (trace.length < nextAt) return;
      nextAt = trace.length + PROGRESS_EVERY_STEPS;
      onProgress(sent, total, trace.length);
    },
  };
}
