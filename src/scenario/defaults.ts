/**
 * Defaults and bounds of the scenario format, in one place: the zod schema shows them in the JSON Schema,
 * `compileScenario` fills them in, and the docs quote them.
 */
import { MAX_VALUE_DEPTH } from "../engine/values/valueLimits";

/** The latest wall-clock instant a scenario may schedule anything at: 2^31 - 1 ms (about 24.8 days). */
export const MAX_WALL_CLOCK_MS = 2 ** 31 - 1;

/** The largest JSON text (scenario file, editor buffer, decompressed share link) accepted: 2 MB. */
export const MAX_SCENARIO_TEXT_BYTES = 2 * 1024 * 1024;

/** Hard caps on `limits`: a scenario may lower them, never raise them (the engine's `DEFAULT_LIMITS`). */
export const HARD_LIMITS = { maxRecords: 2_000_000, maxSteps: 40_000_000 } as const;

/** Values used when a scenario leaves an optional field out. */
export const SCENARIO_DEFAULTS = {
  seed: 1,
  producer: {
    delayMs: 0,
    /** Kafka producer `batch.size`. */
    batchSizeBytes: 16_384,
  },
  generate: { startMs: 0, jitterMs: 0 },
  app: {
    instances: 1,
    pollIntervalMs: 100,
    /** Kafka consumer `max.poll.records`. */
    maxPollRecords: 500,
    /** Kafka Streams `commit.interval.ms` (at-least-once default). */
    commitIntervalMs: 30_000,
  },
  /** Kafka consumer defaults: range (first of partition.assignment.strategy), 45 s sessions, 3 s heartbeats. */
  group: { assignor: "range", sessionTimeoutMs: 45_000, heartbeatIntervalMs: 3_000 },
  limits: { maxRecords: 100_000, maxSteps: 2_000_000 },
} as const;

/** Most scheduled instance inputs (`app.faults`) a scenario may hold. */
export const MAX_FAULTS = 1_000;

/** Longest lists a scenario may hold. */
export const MAX_TOPICS = 100;
export const MAX_PRODUCERS = 100;
export const MAX_TOPOLOGY_NODES = 1_000;

/** Longest expression source accepted (the expression compiler's `MAX_SOURCE_LENGTH`; checked by a test). */
export const MAX_EXPRESSION_LENGTH = 2_000;

/** Deepest nesting of arrays and objects accepted inside a record key or value. */
export const MAX_JSON_DEPTH = MAX_VALUE_DEPTH;

/** Defaults of `app.time` (here, not beside its schema, so compiling a lesson does not load the validator). */
export const TIME_DEFAULTS = {
  semantics: "kafka-streams",
  timestamp: "event",
  scheduler: "timestamp",
  maxTaskIdleMs: 0,
  watermarks: { outOfOrdernessMs: 0, autoWatermarkIntervalMs: 200 },
} as const;
