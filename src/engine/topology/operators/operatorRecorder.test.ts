import { describe, expect, it } from "vitest";
import { TaskStateRegistry } from "../../joins/taskStateRegistry";
import type { Json, RecordKey, TopologyNode } from "../../model";
import { StepKind, TraceLog } from "../../trace/traceLog";
import type { OperatorEnv, Processor } from "../operatorEnv";
import { compileOperator } from "./compileOperator";
import { type OperatorRecorder, SilentOperatorRecorder, TracedOperatorRecorder } from "./operatorRecorder";

function env(): OperatorEnv {
  return {
    context: { key: null, value: null, timestamp: 0, partition: 0, offset: 0, topic: "in" },
    wallClockMs: () => 0,
    nodeIndex: () => 0,
    taskState: new TaskStateRegistry(),
    task: 0,
    registerWindowed() {},
    sinkPlacement: () => () => 0,
    sinkAppend: () => 0,
  };
}

/** Compiles `node` as node 1 with `recorder`, feeds it `values` (ids 0, 1, …) from node 0, returns what it forwards. */
function run(node: TopologyNode, recorder: OperatorRecorder, values: Json[]) {
  const forwarded: { key: RecordKey; value: Json; id: number }[] = [];
  const child: Processor = (key, value, _t, id) => {
    forwarded.push({ key, value, id });
  };
  const processor = compileOperator(node, {
    self: 1,
    children: () => [child],
    env: env(),
    recorder,
    windowedAggregation: null,
  });
  values.forEach((value, id) => {
    processor("k", value, 10 * id, id, 0);
  });
  return forwarded;
}

const double: TopologyNode = {
  id: "double",
  op: "mapValues",
  inputs: [{ node: "src" }],
  value: (r) => (r.value as number) * 2,
};
const evens: TopologyNode = {
  id: "evens",
  op: "filter",
  inputs: [{ node: "src" }],
  predicate: (r) => (r.value as number) % 2 === 0,
};

describe("one operator definition, two recorders", () => {
  it("forwards the same records whichever recorder it is built with", () => {
    for (const node of [double, evens]) {
      const trace = new TraceLog();
      for (let i = 0; i < 3; i++) trace.addVersion("k", i, 10 * i, -1, -1);
      const traced = run(node, new TracedOperatorRecorder(trace, 1), [0, 1, 2]);
      const silent = run(node, new SilentOperatorRecorder(), [0, 1, 2]);
      expect(silent.map(({ key, value }) => ({ key, value }))).toEqual(
        traced.map(({ key, value }) => ({ key, value })),
      );
    }
  });

  it("records a step per arrival and a new version per changed record on the recording path only", () => {
    const trace = new TraceLog();
    for (let i = 0; i < 2; i++) trace.addVersion("k", i, 10 * i, -1, -1);
    const traced = run(double, new TracedOperatorRecorder(trace, 1), [0, 1]);
    expect(traced.map((r) => r.id)).toEqual([2, 3]);
    expect(Array.from(trace.parents.subarray(2, 4))).toEqual([0, 1]);
    expect(Array.from(trace.kinds.subarray(0, trace.length))).toEqual([
      StepKind.recordProcessed,
      StepKind.recordProcessed,
    ]);
    // The fast path keeps the input's id: nothing is recorded, so there is no version to point at.
    expect(run(double, new SilentOperatorRecorder(), [0, 1]).map((r) => r.id)).toEqual([0, 1]);
  });

  it("records a filtered record as filtered, not processed", () => {
    const trace = new TraceLog();
    for (let i = 0; i < 2; i++) trace.addVersion("k", i, 10 * i, -1, -1);
    run(evens, new TracedOperatorRecorder(trace, 1), [0, 1]);
    expect(Array.from(trace.kinds.subarray(0, trace.length))).toEqual([
      StepKind.recordProcessed,
      StepKind.recordFiltered,
    ]);
  });
});
