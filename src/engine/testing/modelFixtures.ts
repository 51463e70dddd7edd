/**
 * Small builders for engine tests: a model written directly in TypeScript, with user logic as plain functions,
 * so engine tests do not depend on the scenario layer.
 */
import {
  DEFAULT_LIMITS,
  defaultGroup,
  type ExplicitRecordSpec,
  type Json,
  type ProducerSpec,
  type RecordKey,
  type SimulationModel,
  type TopicSpec,
  type TopologyNode,
} from "../model";

export function record(atMs: number, key: RecordKey, value: Json, extra: Partial<ExplicitRecordSpec> = {}) {
  return { atMs, key, value, timestamp: atMs, ...extra };
}

export function producer(
  id: string,
  topic: string,
  records: ExplicitRecordSpec[],
  extra: Partial<ProducerSpec> = {},
) {
  return {
    id,
    topic,
    delayMs: 0,
    disconnected: [],
    partitioner: { kind: "default" },
    batchSizeBytes: 16384,
    records,
    generate: null,
    ...extra,
  } satisfies ProducerSpec;
}

export function model(
  topics: TopicSpec[],
  producers: ProducerSpec[],
  topology: TopologyNode[],
  app: Partial<SimulationModel["app"]> = {},
): SimulationModel {
  return {
    title: "test",
    seed: 1,
    topics,
    producers,
    app: {
      id: "app",
      instances: 1,
      pollIntervalMs: 100,
      maxPollRecords: 500,
      commitIntervalMs: 1000,
      topology,
      faults: [],
      ...app,
      group: app.group ?? defaultGroup(app.instances ?? 1),
    },
    limits: DEFAULT_LIMITS,
  };
}

export const source = (id: string, topics: string[]): TopologyNode => ({
  id,
  op: "source",
  topics,
  inputs: [],
});
export const sink = (id: string, from: string, topic: string): TopologyNode => ({
  id,
  op: "sink",
  topic,
  partitioner: { kind: "default" },
  inputs: [{ node: from }],
});
