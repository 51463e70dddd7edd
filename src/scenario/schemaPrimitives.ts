/**
 * Building blocks shared by the scenario schema's parts: names, ids, times and expressions.
 *
 * Terms: a *Kafka name* is what Kafka accepts as a topic or application id (1–100 of `A–Z a–z 0–9 . _ -`, and
 * not `.` or `..`; Kafka's `Topic.validate`). A *node id* names an operator in the topology; it has no dots so
 * that `"split.small"` (node `split`, branch `small`) is unambiguous.
 */
import { MAX_EXPRESSION_LENGTH, MAX_WALL_CLOCK_MS } from "./defaults";
import { z } from "./zod";

const KAFKA_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** A topic name or application id, as Kafka's `Topic.validate` accepts it. */
export function kafkaName(description: string) {
  return z
    .string()
    .regex(KAFKA_NAME, { error: 'must be 1–100 characters from A–Z, a–z, 0–9, ".", "_" and "-"' })
    .refine((name) => name !== "." && name !== "..", { error: 'cannot be "." or ".."' })
    .describe(description);
}

export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/** A topology node id or branch name: a letter or `_`, then up to 63 letters, digits, `_` or `-`. */
export function nodeId(description: string) {
  return z
    .string()
    .regex(NODE_ID_PATTERN, {
      error: 'must start with a letter or "_", followed by up to 63 letters, digits, "_" or "-" (no dots)',
    })
    .describe(description);
}

/** A reference to a node's output: `"node"`, or `"node.branch"` for one output of a `branch` node. */
export const nodeRefSchema = z
  .string()
  .min(1)
  .max(200)
  .describe(
    'The node to read from: its id, or "<branchNodeId>.<branchName>" for one output of a branch node.',
  );

/** A wall-clock instant in ms: an integer from 0 to 2^31 - 1. */
export function wallClockMs(description: string) {
  return z.number().int().min(0).max(MAX_WALL_CLOCK_MS).describe(description);
}

/** A duration in ms: an integer from 0 to `max`. */
export function durationMs(max: number, description: string) {
  return z.number().int().min(0).max(max).describe(description);
}

/** Source text in the expression language (see docs/scenarios.md); compiled and checked by the validator. */
export function expression(description: string) {
  return z.string().min(1).max(MAX_EXPRESSION_LENGTH).describe(description);
}

/**
 * Where a producer or sink sends each record: Kafka's default partitioner, or an expression returning a partition
 * number (taken modulo the partition count).
 */
export const partitionerSchema = z
  .union([
    z
      .literal("default")
      .describe("Kafka's default: explicit partition, else murmur2(key), else sticky for null keys."),
    z
      .strictObject({
        expression: expression(
          "Returns the partition for the record; taken modulo the partition count. Variables: key, value, timestamp, partition, offset, topic.",
        ),
      })
      .describe("A custom partitioner written as an expression."),
  ])
  .describe('"default" (Kafka\'s partitioner) or { "expression": "..." } (a custom one).');

/**
 * Makes a field optional and records the value used in its absence, so the JSON Schema shows it. The default is
 * applied by `compileScenario`, not by parsing: a validated scenario keeps exactly the fields its author wrote.
 */
export function withDefault<T extends z.ZodType>(schema: T, value: unknown) {
  return schema.optional().meta({ default: value });
}
