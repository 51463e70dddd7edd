import { describe, expect, it } from "vitest";
import { RecordLog } from "../broker/partitionLog";
import type { SimulationModel } from "../model";
import { model, sink, source } from "../testing/modelFixtures";
import { DEFAULT_TIME } from "../timeModel";
import { buildTopologyGraph } from "../topology/topologyGraph";
import { ClusterState } from "./clusterState";
import { NextRecord } from "./nextRecord";
import { silentRecorder } from "./runRecorder";
import { TaskTimes } from "./taskTimes";

/** One task reading partition 0 of `left` and of `right`, with the given time settings. */
function oneTaskOfTwoPartitions(time: Partial<typeof DEFAULT_TIME> = {}): SimulationModel {
  return model(
    [
      { name: "left", partitions: 1 },
      { name: "right", partitions: 1 },
      { name: "out", partitions: 1 },
    ],
    [],
    [source("in", ["left", "right"]), sink("s", "in", "out")],
    { time: { ...DEFAULT_TIME, ...time } },
  );
}

function setUp(m: SimulationModel) {
  const graph = buildTopologyGraph(m);
  const cluster = new ClusterState(m, graph, silentRecorder, (n) => new RecordLog(n));
  const times = new TaskTimes(m, cluster.tps.length, graph.tasks.length);
  const next = new NextRecord(cluster, times);
  const left = graph.firstTopicPartition.left!;
  const right = graph.firstTopicPartition.right!;
  /** Appends records with these timestamps to `tp` and fetches them all. */
  const fetch = (tp: number, ...timestamps: number[]) => {
    for (const ts of timestamps) cluster.append(tp, "k", ts, ts, -1);
    cluster.position[tp] = cluster.logs[tp]!.endOffset;
    times.fetchedLag[tp] = 0;
  };
  return { cluster, times, next, left, right, fetch };
}

describe("which record a task processes next", () => {
  it("should choose the partition whose head record has the smallest timestamp", () => {
    const { next, left, right, fetch } = setUp(oneTaskOfTwoPartitions());
    fetch(left, 50, 10);
    fetch(right, 20);
    expect(next.choose(0)).toBe(right);
    expect(next.chosenTs).toBe(20);
  });

  it("should never reorder records within a partition", () => {
    const { next, cluster, left, right, fetch } = setUp(oneTaskOfTwoPartitions());
    fetch(left, 50, 10);
    fetch(right);
    expect(next.choose(0)).toBe(left);
    expect(next.chosenTs).toBe(50);
    cluster.consumed[left] = 1;
    expect(next.choose(0)).toBe(left);
    expect(next.chosenTs).toBe(10);
  });

  it("should wait for a partition the last fetch said has data on the broker", () => {
    const { next, times, left, right, fetch } = setUp(oneTaskOfTwoPartitions());
    fetch(right, 20);
    // The left partition was never fetched: its lag is unknown.
    expect(next.readyToProcess(0, [left, right])).toBeNull();
    times.fetchedLag[left] = 0;
    // max.task.idle.ms 0: an empty partition with nothing on the broker does not hold the task back.
    expect(next.readyToProcess(0, [left, right])).toEqual({ empty: [left], enforced: true });
  });

  it("should wait max.task.idle.ms for an empty partition, then process around it", () => {
    const { next, cluster, left, right, fetch } = setUp(oneTaskOfTwoPartitions({ maxTaskIdleMs: 100 }));
    fetch(left);
    fetch(right, 20);
    cluster.now = 1000;
    expect(next.choose(0)).toBe(-1);
    // The task's wake-up is on the agenda at the deadline.
    expect(cluster.agenda.peek()?.timeMs).toBe(1100);
    cluster.now = 1100;
    expect(next.choose(0)).toBe(right);
  });

  it("should skip a record whose extracted timestamp is unusable", () => {
    const { next, cluster, left, fetch } = setUp(oneTaskOfTwoPartitions());
    fetch(left, -5, 30);
    expect(next.headOf(left)).toBe(30);
    expect(cluster.consumed[left]).toBe(1);
  });
});
