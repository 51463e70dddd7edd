/**
 * Aggregates: what a windowed aggregation folds the records of one window into. Each is an initial value, an `add`
 * (Kafka's `Aggregator`, Flink's `AggregateFunction#add`) and a `merge` for merging session windows (Kafka's
 * `Merger`, Flink's `AggregateFunction#merge`). User functions are plain callbacks on {@link Json}; the caller turns a
 * thrown error into an output of kind `failed` (see {@link attempt}).
 */
import type { Json } from "../model";
import { checkValue, formatCount, MAX_COLLECTED_TOTAL, ValueLimitError } from "../values/valueLimits";

/** The value a record contributes to the aggregate, from its key, value and timestamp (e.g. a field, an expression). */
export type AggregateInput = (key: Json, value: Json, timestamp: number) => Json;

/** `reduce`: combines the aggregate so far with the next input (Kafka's `Reducer`, Flink's `ReduceFunction`). */
export type Reducer = (aggregate: Json, value: Json) => Json;

/**
 * What to compute per window:
 * - `count`: the number of records (Kafka's `count()`: initializer `0`, adder `agg + 1`);
 * - `sum`, `min`, `max`: of the numbers `input` returns (a non-number fails the record);
 * - `reduce`: `reducer(aggregate, input)`, the first input being the aggregate (`null` before it, as Kafka's
 *   `reduce` keeps `null` until the first record);
 * - `collect`: the list of inputs, in processing order.
 * `input` defaults to the record value where it is optional.
 */
export type AggregateSpec =
  | { readonly kind: "count" }
  | { readonly kind: "sum"; readonly input: AggregateInput }
  | { readonly kind: "min"; readonly input: AggregateInput }
  | { readonly kind: "max"; readonly input: AggregateInput }
  | { readonly kind: "reduce"; readonly reducer: Reducer; readonly input?: AggregateInput }
  | { readonly kind: "collect"; readonly input?: AggregateInput };

export type AggregateKind = AggregateSpec["kind"];

/** One aggregate's functions. Every one of them may throw (user code, or a non-numeric input to `sum`). */
export interface Aggregator {
  readonly kind: AggregateKind;
  initial(): Json;
  input(key: Json, value: Json, timestamp: number): Json;
  add(aggregate: Json, input: Json): Json;
  merge(left: Json, right: Json): Json;
}

const recordValue: AggregateInput = (_key, value) => value;

/** The aggregator for `spec`. */
export function aggregatorFor(spec: AggregateSpec): Aggregator {
  switch (spec.kind) {
    case "count":
      return {
        kind: "count",
        initial: () => 0,
        input: () => 1,
        add: (aggregate) => (aggregate as number) + 1,
        merge: (left, right) => (left as number) + (right as number),
      };
    case "sum":
      return {
        kind: "sum",
        initial: () => 0,
        input: (key, value, timestamp) => requireNumber("sum", spec.input(key, value, timestamp)),
        add: (aggregate, input) => (aggregate as number) + (input as number),
        merge: (left, right) => (left as number) + (right as number),
      };
    case "min":
    case "max": {
      const pick = spec.kind === "min" ? Math.min : Math.max;
      const combine = (left: Json, right: Json): Json =>
        left === null ? right : right === null ? left : pick(left as number, right as number);
      return {
        kind: spec.kind,
        initial: () => null,
        input: (key, value, timestamp) => requireNumber(spec.kind, spec.input(key, value, timestamp)),
        add: combine,
        merge: combine,
      };
    }
    case "reduce": {
      const reduce = (left: Json, right: Json): Json =>
        left === null ? right : right === null ? left : requireJson("reduce", spec.reducer(left, right));
      const input = spec.input ?? recordValue;
      return {
        kind: "reduce",
        initial: () => null,
        input: (key, value, timestamp) => requireJson("the input", input(key, value, timestamp)),
        add: reduce,
        // Kafka's `SessionWindowedKStreamImpl#reduce` merges sessions with the reducer itself.
        merge: reduce,
      };
    }
    case "collect": {
      const input = spec.input ?? recordValue;
      const lists = new CollectedLists();
      return {
        kind: "collect",
        initial: () => [],
        input: (key, value, timestamp) => requireJson("the input", input(key, value, timestamp)),
        add: (aggregate, value) => lists.join(aggregate as Json[], [value]),
        merge: (left, right) => lists.join(left as Json[], right as Json[]),
      };
    }
    default:
      return unreachable(spec);
  }
}

function requireNumber(what: string, value: Json): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(
      `${what} needs a number, got ${value === undefined ? "undefined" : JSON.stringify(value)}`,
    );
  }
  return value;
}

function requireJson(what: string, value: Json): Json {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") {
    throw new TypeError(`${what} returned ${typeof value}, not a JSON value`);
  }
  return value;
}

function unreachable(value: never): never {
  throw new Error(`unknown aggregate ${JSON.stringify(value)}`);
}

/**
 * The lists of one `collect` aggregator. Every update makes a new list — the previous one may still be referenced
 * by an output, the trace or a committed snapshot, so it is never changed — which costs the list's length. Over a
 * window of n records that is n²/2, so the lists one aggregator makes are bounded together
 * ({@link MAX_COLLECTED_TOTAL}), as well as each list by the value limits: past either, a {@link ValueLimitError}
 * stops the run instead of letting it grow quadratically.
 */
class CollectedLists {
  #made = 0;

  join(left: Json[], right: Json[]): Json[] {
    const length = left.length + right.length;
    this.#made += length;
    if (this.#made > MAX_COLLECTED_TOTAL) {
      throw new ValueLimitError(
        `collect: the lists of this window store hold more than ${formatCount(MAX_COLLECTED_TOTAL)} values in total (the limit; every update makes a new list of all the values so far: use fewer records per window, or count, sum or reduce)`,
      );
    }
    const out = left.slice();
    for (let i = 0; i < right.length; i++) out.push(right[i]!);
    return checkValue(out, "collect");
  }
}

/** The outcome of calling user code: its value, or the error message. */
export type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

/**
 * Runs `f`, catching what it throws: user functions must never throw out of the engine — except past a value limit
 * ({@link ValueLimitError}), which stops the run (the operator names the node and the record).
 */
export function attempt<T>(f: () => T): Attempt<T> {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    if (error instanceof ValueLimitError) throw error;
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
