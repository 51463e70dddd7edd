/**
 * `windowedAggregate`: a windowed count, sum, reduce… per key (Kafka Streams `KStreamWindowAggregate` and friends,
 * Flink's `WindowOperator`). Each task has its own aggregation core (`windowedTasks.ts`, `aggregation/`), which
 * says what each record or watermark did: a window updated, emitted, closed or expired, a record late. A forwarded
 * result is a new record `{ start, end, value }` under the record's key; late records can go to the `late` branch.
 */
import type { WindowOutput } from "../../aggregation/windowOutput";
import type { WindowedAggregateNode } from "../../model";
import { SimulationError } from "../../runtime/simulationError";
import type { Processor } from "../operatorEnv";
import { WindowedTasks, windowResult } from "../windowedTasks";
import { fanOut, type OperatorBuild } from "./operatorBuild";

export function windowedAggregateOperator(
  node: WindowedAggregateNode,
  { self, children, env, recorder, windowedAggregation }: OperatorBuild,
): Processor {
  const next = fanOut(children(null), self);
  const late = fanOut(children("late"), self);
  if (!windowedAggregation) {
    throw new SimulationError(
      `app.topology[${self}] "${node.id}": the windowed aggregation code is still loading; open the scenario again`,
    );
  }
  const tasks = new WindowedTasks(node, windowedAggregation);
  /** Each output, recorded with the core's reason; a forwarded result goes on as a new record version. */
  const forward = (outputs: WindowOutput[], id: number, t: number) => {
    const task = env.task;
    for (const out of outputs) {
      if (out.kind === "lateSideOutput") {
        recorder.windowOutput(out, id, task, id);
        late(out.record.key, out.record.value, out.record.timestamp, id, self);
        continue;
      }
      const result = windowResult(out, t);
      if (result === null) {
        recorder.windowOutput(out, id, task, id);
        continue;
      }
      const version = recorder.derive(result.key, result.value, result.timestamp, id);
      recorder.windowOutput(out, version, task, id);
      next(result.key, result.value, result.timestamp, version, self);
    }
  };
  env.registerWindowed(self, {
    advanceWatermark: (task, watermark) => forward(tasks.core(task).advanceWatermark(watermark), -1, 0),
    snapshot: (task) => tasks.snapshot(task),
    restore: (task, snapshot) => tasks.restore(task, snapshot),
  });
  return (k, v, t, id) =>
    forward(tasks.process(env.task, { key: k, value: v, timestamp: t }, env.context), id, t);
}
