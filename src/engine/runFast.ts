/**
 * The fast path: the same run as {@link simulate} with nothing recorded, for large runs and the benchmark. Its
 * operators are the recording path's, built with a recorder that keeps nothing (`SilentOperatorRecorder`).
 */
import { createWindowedAggregation } from "./aggregation";
import { RecordLog } from "./broker/partitionLog";
import type { SimulationModel } from "./model";
import { createPlacement } from "./partitioning/placement";
import { SeededRandom } from "./random/seededRandom";
import { compileTopology } from "./recording";
import { FLINK_WATERMARK_CODE } from "./runtime/flinkWatermarkCode";
import { runCluster } from "./runtime/runCluster";
import { silentRecorder } from "./runtime/runRecorder";
import type { FastRun, PartitionContents } from "./simulation";
import { compileOperator } from "./topology/operators/compileOperator";
import { SilentOperatorRecorder } from "./topology/operators/operatorRecorder";
import { buildTopologyGraph } from "./topology/topologyGraph";

export function runFast(model: SimulationModel): FastRun {
  const graph = buildTopologyGraph(model);
  const root = new SeededRandom(model.seed);
  const recorder = new SilentOperatorRecorder();
  const run = runCluster(model, graph, {
    recorder: silentRecorder,
    compile: (env) =>
      compileTopology(model, graph, (i, children) =>
        compileOperator(model.app.topology[i]!, {
          self: i,
          children,
          env,
          recorder,
          windowedAggregation: createWindowedAggregation,
        }),
      ),
    placement: (spec, partitions, label, batchSizeBytes) =>
      createPlacement(spec, partitions, root.fork(label), batchSizeBytes),
    random: (label) => root.fork(label),
    createLog: (expectedRecords) => new RecordLog(expectedRecords),
    checkLimits: () => {},
    flinkWatermarks: FLINK_WATERMARK_CODE,
  });
  const logs: Record<string, PartitionContents[]> = {};
  for (const topic of graph.topics) {
    const first = graph.firstTopicPartition[topic.name]!;
    logs[topic.name] = (run.logs as RecordLog[]).slice(first, first + topic.partitions);
  }
  return { logs, recordsProduced: run.recordsProduced };
}
