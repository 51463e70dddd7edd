/**
 * What a run path (fast or recording) hands the run loop, and what the loop hands back.
 */
import type { PartitionLog } from "../broker/partitionLog";
import type { SimulationModel } from "../model";
import type { Placement } from "../partitioning/placement";
import type { SeededRandom } from "../random/seededRandom";
import type { OperatorEnv, Processor } from "../topology/operatorEnv";
import type { FlinkWatermarkCode } from "./flinkWatermarkCode";
import type { RunRecorder } from "./runRecorder";

export interface ClusterRun {
  logs: PartitionLog[];
  /** Per instance index: the task ids it runs at the end. */
  assignment: string[][];
  recordsProduced: number;
  /** Per topic-partition: the committed offset at the end. */
  committed: number[];
}

export interface RunHooks {
  recorder: RunRecorder;
  /** Compiles the topology; returns one processor per node index. */
  compile(env: OperatorEnv): Processor[];
  /** Builds a producer's (or sink's) partitioner. */
  placement(
    spec: SimulationModel["producers"][number]["partitioner"],
    partitions: number,
    label: string,
    batchSizeBytes?: number,
  ): Placement;
  random(label: string): SeededRandom;
  /** A new, empty partition log in the path's layout; `expectedRecords` is a sizing hint. */
  createLog(expectedRecords: number): PartitionLog;
  /** Checked after every agenda item; throws to stop a runaway run. */
  checkLimits(): void;
  /** Told after every `PROGRESS_EVERY_RECORDS` records sent: records sent so far, and in all. */
  onProgress?: (recordsProduced: number, totalRecords: number) => void;
  /** Flink's watermark code; null when it is not loaded (a run with Flink semantics then stops with why). */
  flinkWatermarks: FlinkWatermarkCode | null;
}
