/**
 * Compiles the scenario's expressions (user logic: map, filter, key selection, partitioners, generated values) into
 * the engine's `RecordFunction`s, and checks them for the validator.
 *
 * A *scope* fixes the variables an expression may use: `record` expressions run on a record in the topology or a
 * partitioner (key, value, timestamp, partition, offset, topic); `generator` expressions compute a generated
 * record's value (key, value = the sequence number, timestamp); `joiner` expressions combine two joined values
 * (key, left, right).
 */
import type { Json, RecordContext, RecordFunction, TaskOwnerFunction } from "../engine/model";
import { compileExpression, describeExpressionError } from "./expression";

export const RECORD_VARIABLES = ["key", "value", "timestamp", "partition", "offset", "topic"] as const;
export const GENERATOR_VARIABLES = ["key", "value", "timestamp"] as const;
/** A joiner sees the join key and both values (Kafka's `ValueJoinerWithKey`). */
export const JOINER_VARIABLES = ["key", "left", "right"] as const;

/** A custom assignor's `owner` expression: the task being assigned and the size of the group. */
export const GROUP_VARIABLES = ["task", "subtopology", "partition", "members", "topics"] as const;

/** An `enrich` expression: the record, and `now`, the wall-clock time the external service answers at. */
export const ENRICH_VARIABLES = [...RECORD_VARIABLES, "now"] as const;
/** A windowed aggregation's reducer: the aggregate so far and the next input. */
export const REDUCER_VARIABLES = ["aggregate", "value"] as const;

export type ExpressionScope = "record" | "generator" | "joiner" | "group" | "enrich" | "reducer";

const VARIABLES: Record<ExpressionScope, readonly string[]> = {
  record: RECORD_VARIABLES,
  generator: GENERATOR_VARIABLES,
  group: GROUP_VARIABLES,
  enrich: ENRICH_VARIABLES,
  joiner: JOINER_VARIABLES,
  reducer: REDUCER_VARIABLES,
};

type Compiled = { ok: true; fn: (context: Record<string, unknown>) => Json } | { ok: false; message: string };

function compile(source: string, scope: ExpressionScope): Compiled {
  try {
    const result = compileExpression(source, { variables: VARIABLES[scope] });
    return result.ok
      ? { ok: true, fn: result.fn }
      : { ok: false, message: describeExpressionError(source, result.error) };
  } catch (error) {
    // The compiler reports bad expressions as results; a throw is a bug there, but must not escape validation.
    return {
      ok: false,
      message: `could not compile: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Checks that an expression compiles in its scope. Returns the problem (`at 7: unknown name "vlue" ...`, where 7
 * is the 1-based character position in the expression) or `null`.
 */
export function expressionProblem(source: string, scope: ExpressionScope): string | null {
  const compiled = compile(source, scope);
  return compiled.ok ? null : compiled.message;
}

/**
 * Compiles an expression into a `RecordFunction`. The engine's `RecordContext` has exactly the variables' names as
 * fields, so the compiled function takes it as its variables object as it is: no wrapper, no allocation per call.
 * Errors while it runs are thrown as `UserFunctionError`s by the compiled function itself. Throws when the
 * expression does not compile: callers validate first.
 */
export function compileRecordFunction(source: string, scope: ExpressionScope): RecordFunction<Json> {
  const compiled = compile(source, scope);
  if (!compiled.ok)
    throw new Error(`expression ${JSON.stringify(source)} does not compile: ${compiled.message}`);
  return compiled.fn as unknown as (record: RecordContext) => Json;
}

/** Compiles a custom assignor's `owner` expression; the engine's `TaskOwnerContext` is its variables object. */
export function compileTaskOwner(source: string): TaskOwnerFunction {
  const compiled = compile(source, "group");
  if (!compiled.ok)
    throw new Error(`expression ${JSON.stringify(source)} does not compile: ${compiled.message}`);
  return compiled.fn as unknown as TaskOwnerFunction;
}

/** Compiles a reducer expression (`aggregate`, `value`) into the aggregation core's `Reducer`. */
export function compileReducer(source: string): (aggregate: Json, value: Json) => Json {
  const compiled = compile(source, "reducer");
  if (!compiled.ok)
    throw new Error(`expression ${JSON.stringify(source)} does not compile: ${compiled.message}`);
  const fn = compiled.fn;
  return (aggregate, value) => fn({ aggregate, value });
}
