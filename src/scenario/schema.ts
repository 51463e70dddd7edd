/**
 * The scenario format, version 1, as a zod schema: the single source of truth for validation, the TypeScript
 * types, the JSON Schema (`npm run schema` → docs/scenario.schema.json) and the reference docs.
 *
 * A *scenario* is untrusted data (a file, the editor, a share link): topics, the producers writing to them, and one
 * application (a consumer group running a topology). Every object is strict — an unknown field is an error, so a
 * typo never silently does nothing. Optional fields stay absent after validation; `compileScenario` applies the
 * defaults from `defaults.ts`.
 */
import {
  HARD_LIMITS,
  MAX_FAULTS,
  MAX_PRODUCERS,
  MAX_TOPICS,
  MAX_TOPOLOGY_NODES,
  SCENARIO_DEFAULTS,
} from "./defaults";
import { faultSchema, groupSchema } from "./groupSchema";
import { producerSchema } from "./producerSchema";
import { kafkaName, withDefault } from "./schemaPrimitives";
import { timeSchema } from "./timeSchema";
import { topologyNodeSchema } from "./topologySchema";
import { CURRENT_SCENARIO_VERSION } from "./version";
import { z } from "./zod";

export const topicSchema = z
  .strictObject({
    name: kafkaName("Topic name, unique among topics."),
    partitions: z.number().int().min(1).max(64).describe("Number of partitions (1–64)."),
  })
  .describe("A topic on the broker: an append-only log split into partitions.");

export const appSchema = z
  .strictObject({
    id: kafkaName("The application id (Kafka Streams application.id; also the consumer group id)."),
    instances: withDefault(
      z
        .number()
        .int()
        .min(1)
        .max(16)
        .describe("Application instances: members of the consumer group (1–16)."),
      SCENARIO_DEFAULTS.app.instances,
    ),
    pollIntervalMs: withDefault(
      z
        .number()
        .int()
        .min(1)
        .max(60_000)
        .describe("An instance polls at every multiple of this interval (ms)."),
      SCENARIO_DEFAULTS.app.pollIntervalMs,
    ),
    maxPollRecords: withDefault(
      z
        .number()
        .int()
        .min(1)
        .max(100_000)
        .describe("Kafka's max.poll.records: records returned by one poll at most."),
      SCENARIO_DEFAULTS.app.maxPollRecords,
    ),
    commitIntervalMs: withDefault(
      z
        .number()
        .int()
        .min(1)
        .max(86_400_000)
        .describe("Kafka Streams commit.interval.ms: how often offsets are committed."),
      SCENARIO_DEFAULTS.app.commitIntervalMs,
    ),
    group: groupSchema.optional(),
    time: timeSchema.optional(),
    faults: z
      .array(faultSchema)
      .max(MAX_FAULTS)
      .optional()
      .describe("Scheduled joins, leaves, crashes and restarts of instances."),
    topology: z
      .array(topologyNodeSchema)
      .min(1)
      .max(MAX_TOPOLOGY_NODES)
      .describe("The operators, in any order: each reads its `from`; at least one source."),
  })
  .describe("The stream-processing application: a consumer group of instances running one topology.");

export const limitsSchema = z
  .strictObject({
    maxRecords: withDefault(
      z
        .number()
        .int()
        .min(1)
        .max(HARD_LIMITS.maxRecords)
        .describe(
          `Most records the producers may send in total (explicit + generated); at most ${HARD_LIMITS.maxRecords}.`,
        ),
      SCENARIO_DEFAULTS.limits.maxRecords,
    ),
    maxSteps: withDefault(
      z
        .number()
        .int()
        .min(1)
        .max(HARD_LIMITS.maxSteps)
        .describe(
          `Most simulation steps before the run stops with an error; at most ${HARD_LIMITS.maxSteps}.`,
        ),
      SCENARIO_DEFAULTS.limits.maxSteps,
    ),
  })
  .describe("Safety limits that turn a runaway scenario into an error instead of a hang.");

export const scenarioSchema = z
  .strictObject({
    $schema: z
      .string()
      .max(2_000)
      .optional()
      .describe("Optional link to the JSON Schema, for editors. Ignored."),
    version: z.literal(CURRENT_SCENARIO_VERSION).describe("Scenario format version."),
    title: z
      .string()
      .min(1)
      .max(120)
      .describe("Shown in the header and the lesson gallery (1–120 characters)."),
    description: z
      .string()
      .max(2_000)
      .optional()
      .describe("What the scenario shows (up to 2000 characters)."),
    seed: withDefault(
      z
        .number()
        .int()
        .min(0)
        .max(4_294_967_295)
        .describe("Seed of every random choice (generators, jitter)."),
      SCENARIO_DEFAULTS.seed,
    ),
    topics: z.array(topicSchema).min(1).max(MAX_TOPICS).describe("The topics on the broker."),
    producers: z.array(producerSchema).max(MAX_PRODUCERS).describe("Producers writing records to topics."),
    app: appSchema,
    limits: limitsSchema.optional(),
  })
  .describe("A Topolab scenario: topics, producers and a stream-processing application.");

/** A validated scenario, exactly as written (optional fields stay absent). */
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioTopic = z.infer<typeof topicSchema>;
export type ScenarioApp = z.infer<typeof appSchema>;
export type ScenarioLimits = z.infer<typeof limitsSchema>;

export type { ScenarioFault, ScenarioGroup } from "./groupSchema";
export type {
  ScenarioDisconnectWindow,
  ScenarioExplicitRecord,
  ScenarioGenerator,
  ScenarioProducer,
  ScenarioWeightedKey,
} from "./producerSchema";
export type { ScenarioTime } from "./timeSchema";
export type { ScenarioBranchNode, ScenarioNode, ScenarioOp } from "./topologySchema";
