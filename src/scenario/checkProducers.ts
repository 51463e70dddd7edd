/**
 * Semantic checks on topics and producers: unique names, declared topics, explicit partitions that exist,
 * disconnect windows that don't overlap, generator schedules that end in time, and the total record count.
 */
import { HARD_LIMITS, MAX_WALL_CLOCK_MS, SCENARIO_DEFAULTS } from "./defaults";
import { declaredList, findDuplicates } from "./duplicates";
import type { ScenarioProducer } from "./producerSchema";
import { appendErrors, formatPath, type ScenarioError } from "./scenarioError";
import type { ScenarioParts } from "./scenarioParts";

/** `unknown topic "x" (declared: a, b)`, or `null` when the topic exists or the topic list is incomplete. */
export function unknownTopicMessage(parts: ScenarioParts, topic: string): string | null {
  if (!parts.topicsComplete || parts.topics.some((t) => t.value.name === topic)) return null;
  return `unknown topic ${JSON.stringify(topic)} (declared: ${declaredList(parts.topics.map((t) => t.value.name))})`;
}

function checkTopicNames(parts: ScenarioParts): ScenarioError[] {
  return findDuplicates(parts.topics, (topic) => topic.name).map((d) => ({
    path: formatPath(["topics", d.index, "name"]),
    message: `duplicate topic name ${JSON.stringify(d.name)} (also topics[${d.firstIndex}])`,
  }));
}

function checkPartitions(parts: ScenarioParts, producer: ScenarioProducer, index: number): ScenarioError[] {
  const topic = parts.topics.find((t) => t.value.name === producer.topic)?.value;
  if (topic === undefined) return [];
  const errors: ScenarioError[] = [];
  (producer.records ?? []).forEach((record, r) => {
    if (record.partition === undefined || record.partition < topic.partitions) return;
    const count = topic.partitions === 1 ? "1 partition" : `${topic.partitions} partitions`;
    errors.push({
      path: formatPath(["producers", index, "records", r, "partition"]),
      message: `partition ${record.partition} is out of range: topic ${JSON.stringify(topic.name)} has ${count} (0..${topic.partitions - 1})`,
    });
  });
  return errors;
}

function checkDisconnections(producer: ScenarioProducer, index: number): ScenarioError[] {
  const windows = (producer.disconnected ?? []).map((window, i) => ({ ...window, i }));
  const byStart = [...windows].sort((a, b) => a.fromMs - b.fromMs || a.i - b.i);
  const errors: ScenarioError[] = [];
  let latest: (typeof windows)[number] | undefined;
  for (const window of byStart) {
    if (latest !== undefined && window.fromMs < latest.toMs) {
      const [earlier, later] = window.i > latest.i ? [latest, window] : [window, latest];
      errors.push({
        path: formatPath(["producers", index, "disconnected", later.i]),
        message: `overlaps disconnected[${earlier.i}] ([${earlier.fromMs}, ${earlier.toMs}))`,
      });
    }
    if (latest === undefined || window.toMs > latest.toMs) latest = window;
  }
  return errors;
}

function checkGeneratorEnd(producer: ScenarioProducer, index: number): ScenarioError[] {
  const generate = producer.generate;
  if (generate === undefined) return [];
  const lastSendMs =
    (generate.startMs ?? SCENARIO_DEFAULTS.generate.startMs) + (generate.count - 1) * generate.everyMs;
  if (lastSendMs <= MAX_WALL_CLOCK_MS) return [];
  return [
    {
      path: formatPath(["producers", index, "generate"]),
      message: `the last record would be sent at ${lastSendMs} ms (startMs + (count - 1) × everyMs), after the latest allowed time ${MAX_WALL_CLOCK_MS} ms`,
    },
  ];
}

function checkRecordCount(parts: ScenarioParts): ScenarioError[] {
  if (!parts.limitsKnown) return [];
  const maxRecords = parts.limits?.maxRecords ?? SCENARIO_DEFAULTS.limits.maxRecords;
  let total = 0;
  for (const { value } of parts.producers)
    total += (value.records?.length ?? 0) + (value.generate?.count ?? 0);
  if (total <= maxRecords) return [];
  const hint =
    maxRecords < HARD_LIMITS.maxRecords
      ? `; raise limits.maxRecords (up to ${HARD_LIMITS.maxRecords}) or send fewer`
      : "; send fewer records";
  return [
    {
      path: "producers",
      message: `the producers send ${total} records (explicit + generated), more than limits.maxRecords = ${maxRecords}${hint}`,
    },
  ];
}

export function checkProducers(parts: ScenarioParts): ScenarioError[] {
  const errors = checkTopicNames(parts);
  for (const d of findDuplicates(parts.producers, (producer) => producer.id)) {
    errors.push({
      path: formatPath(["producers", d.index, "id"]),
      message: `duplicate producer id ${JSON.stringify(d.name)} (also producers[${d.firstIndex}])`,
    });
  }
  for (const { index, value: producer } of parts.producers) {
    const unknownTopic = unknownTopicMessage(parts, producer.topic);
    if (unknownTopic !== null)
      errors.push({ path: formatPath(["producers", index, "topic"]), message: unknownTopic });
    appendErrors(
      errors,
      checkPartitions(parts, producer, index),
      checkDisconnections(producer, index),
      checkGeneratorEnd(producer, index),
    );
  }
  appendErrors(errors, checkRecordCount(parts));
  return errors;
}
