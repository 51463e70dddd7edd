/**
 * Turns a validated scenario into the engine's `SimulationModel`: defaults filled in, references normalised, the
 * topology in topological order, records in send order, and every expression compiled to a function.
 */
import type {
  AssignmentStrategy,
  ExplicitRecordSpec,
  GeneratorSpec,
  GroupSpec,
  InstanceFault,
  ProducerSpec,
  RecordKey,
  SchedulerSpec,
  SimulationModel,
  TimeSpec,
  TimestampExtractorSpec,
  TopicSpec,
  TopologyNode,
  WeightedKey,
} from "../engine/model";
import { compileNode, compilePartitioner } from "./compileNode";
import { SCENARIO_DEFAULTS, TIME_DEFAULTS } from "./defaults";
import type { ScenarioExplicitRecord, ScenarioGenerator, ScenarioProducer } from "./producerSchema";
import { planRepartitions } from "./repartitionPlan";
import type { Scenario } from "./schema";
import { parseNodeReference, topologicalOrder } from "./topologyGraph";
import { compileRecordFunction, compileTaskOwner } from "./userFunctions";

function compileRecord(record: ScenarioExplicitRecord): ExplicitRecordSpec {
  const spec: ExplicitRecordSpec = {
    atMs: record.at,
    key: record.key ?? null,
    value: record.value ?? null,
    timestamp: record.timestamp ?? record.at,
  };
  if (record.partition !== undefined) spec.partition = record.partition;
  return spec;
}

function compileGenerator(generate: ScenarioGenerator): GeneratorSpec {
  const keys: WeightedKey[] = generate.keys.map((choice) =>
    typeof choice === "object" && choice !== null
      ? { key: choice.key as RecordKey, weight: choice.weight }
      : { key: choice, weight: 1 },
  );
  return {
    count: generate.count,
    startMs: generate.startMs ?? SCENARIO_DEFAULTS.generate.startMs,
    everyMs: generate.everyMs,
    keys,
    jitterMs: generate.jitterMs ?? SCENARIO_DEFAULTS.generate.jitterMs,
    value: generate.value === undefined ? null : compileRecordFunction(generate.value, "generator"),
  };
}

/** Records are sent in order of `at`; records with the same `at` keep their written order (a stable sort). */
function compileProducer(producer: ScenarioProducer): ProducerSpec {
  const records = (producer.records ?? []).map(compileRecord).sort((a, b) => a.atMs - b.atMs);
  const disconnected = (producer.disconnected ?? [])
    .map((window) => ({ fromMs: window.fromMs, toMs: window.toMs }))
    .sort((a, b) => a.fromMs - b.fromMs);
  return {
    id: producer.id,
    topic: producer.topic,
    delayMs: producer.delayMs ?? SCENARIO_DEFAULTS.producer.delayMs,
    disconnected,
    partitioner: compilePartitioner(producer.partitioner),
    batchSizeBytes: producer.batchSizeBytes ?? SCENARIO_DEFAULTS.producer.batchSizeBytes,
    records,
    generate: producer.generate === undefined ? null : compileGenerator(producer.generate),
  };
}

/**
 * Compiles a scenario that `validateScenario` accepted. Throws on a scenario that did not pass validation (an
 * expression that does not compile); use `loadScenario` for untrusted input.
 */
export function compileScenario(scenario: Scenario): SimulationModel {
  const { topics, topology } = expandRepartitions(scenario);
  return {
    title: scenario.title,
    seed: scenario.seed ?? SCENARIO_DEFAULTS.seed,
    topics,
    producers: scenario.producers.map(compileProducer),
    app: {
      id: scenario.app.id,
      instances: scenario.app.instances ?? SCENARIO_DEFAULTS.app.instances,
      pollIntervalMs: scenario.app.pollIntervalMs ?? SCENARIO_DEFAULTS.app.pollIntervalMs,
      maxPollRecords: scenario.app.maxPollRecords ?? SCENARIO_DEFAULTS.app.maxPollRecords,
      commitIntervalMs: scenario.app.commitIntervalMs ?? SCENARIO_DEFAULTS.app.commitIntervalMs,
      group: compileGroup(scenario),
      faults: compileFaults(scenario),
      time: compileTime(scenario),
      topology,
    },
    limits: {
      maxRecords: scenario.limits?.maxRecords ?? SCENARIO_DEFAULTS.limits.maxRecords,
      maxSteps: scenario.limits?.maxSteps ?? SCENARIO_DEFAULTS.limits.maxSteps,
    },
  };
}

function compileGroup(scenario: Scenario): GroupSpec {
  const { app } = scenario;
  const instances = app.instances ?? SCENARIO_DEFAULTS.app.instances;
  const group = app.group ?? {};
  const assignor = group.assignor ?? SCENARIO_DEFAULTS.group.assignor;
  let strategy: AssignmentStrategy;
  if (assignor === "static") {
    strategy = {
      kind: "static",
      units: Array.from({ length: instances }, (_, i) => group.assignment?.[`instance-${i + 1}`] ?? []),
    };
  } else if (assignor === "custom" && group.assignment !== undefined) {
    strategy = {
      kind: "customTable",
      units: Array.from({ length: instances }, (_, i) => group.assignment?.[`instance-${i + 1}`] ?? []),
    };
  } else if (assignor === "custom") {
    const source = group.owner ?? "0";
    strategy = { kind: "custom", source, owner: compileTaskOwner(source) };
  } else {
    strategy = { kind: "assignor", assignor };
  }
  return {
    strategy,
    protocol: group.protocol ?? null,
    sessionTimeoutMs: group.sessionTimeoutMs ?? SCENARIO_DEFAULTS.group.sessionTimeoutMs,
    heartbeatIntervalMs: group.heartbeatIntervalMs ?? SCENARIO_DEFAULTS.group.heartbeatIntervalMs,
    groupInstanceIds: Array.from({ length: instances }, (_, i) =>
      group.staticMembership === true ? `${app.id}-${i + 1}` : null,
    ),
  };
}

/** Instance inputs in time order (a stable sort keeps the written order of simultaneous ones). */
function compileFaults(scenario: Scenario): InstanceFault[] {
  return (scenario.app.faults ?? [])
    .map((fault) => ({
      atMs: fault.at,
      instance: Number(fault.instance.slice("instance-".length)) - 1,
      action: fault.action,
    }))
    .sort((a, b) => a.atMs - b.atMs);
}

/**
 * The scenario's topology with its repartitions made explicit (see `planRepartitions`): each repartition is a
 * writer into an internal topic and a source reading it back, and the internal topics join the declared ones.
 * Nodes come out in topological order.
 */
function expandRepartitions(scenario: Scenario): { topics: TopicSpec[]; topology: TopologyNode[] } {
  const declared = scenario.topics.map((topic) => ({ name: topic.name, partitions: topic.partitions }));
  const plan = planRepartitions(scenario.app.id, declared, scenario.app.topology);
  const nodes: TopologyNode[] = scenario.app.topology.map((node, i) => ({
    ...compileNode(node, scenario.app.time?.semantics ?? TIME_DEFAULTS.semantics),
    inputs: plan.references[i]!.map(parseNodeReference),
  }));
  const topics: TopicSpec[] = [...declared];
  for (const r of plan.repartitions) {
    topics.push({ name: r.topic, partitions: r.partitions, internal: "repartition" });
    if (r.explicit) {
      const writer = nodes.find((n) => n.id === r.writer);
      if (writer?.op === "repartition") writer.topic = r.topic;
    } else {
      nodes.push({
        op: "repartition",
        id: r.writer,
        inputs: [parseNodeReference(r.writerInput)],
        topic: r.topic,
        causedBy: r.causedBy,
      });
    }
    nodes.push({ op: "source", id: r.reader, inputs: [], topics: [r.topic] });
  }
  const order = topologicalOrder(
    nodes.map((n) => ({ id: n.id, inputs: n.inputs.map((input) => input.node) })),
  );
  return { topics, topology: order.map((i) => nodes[i]!) };
}

function compileTime(scenario: Scenario): TimeSpec {
  const time = scenario.app.time ?? {};
  const written = time.timestamp ?? TIME_DEFAULTS.timestamp;
  let timestamp: TimestampExtractorSpec;
  if (typeof written === "string") timestamp = { kind: written };
  else if ("field" in written) timestamp = { kind: "field", field: written.field };
  else
    timestamp = {
      kind: "expression",
      source: written.expression,
      extract: compileRecordFunction(written.expression, "record"),
    };
  const order = time.scheduler ?? TIME_DEFAULTS.scheduler;
  const scheduler: SchedulerSpec =
    typeof order === "string"
      ? { kind: order }
      : { kind: "custom", source: order.expression, rank: compileRecordFunction(order.expression, "record") };
  const watermarks = time.watermarks ?? {};
  return {
    semantics: time.semantics ?? TIME_DEFAULTS.semantics,
    timestamp,
    scheduler,
    maxTaskIdleMs: time.maxTaskIdleMs ?? TIME_DEFAULTS.maxTaskIdleMs,
    watermarks: {
      outOfOrdernessMs: watermarks.outOfOrdernessMs ?? TIME_DEFAULTS.watermarks.outOfOrdernessMs,
      autoWatermarkIntervalMs:
        watermarks.autoWatermarkIntervalMs ?? TIME_DEFAULTS.watermarks.autoWatermarkIntervalMs,
      idlenessMs: watermarks.idlenessMs ?? null,
    },
  };
}
