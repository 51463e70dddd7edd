import { describe, expect, it } from "vitest";
import { formatKey, type Simulation, simulate, type TraceEventKind, type TraceStep } from "../engine";
import keyedPartitioning from "../scenario/lessons/keyed-partitioning.json";
import transformations from "../scenario/lessons/transformations.json";
import { loadScenario } from "../scenario/loadScenario";
import {
  categoryOf,
  hasInteresting,
  INTERESTING_CATEGORIES,
  type InterestingCategory,
  indexKeysInPart,
  keysInTrace,
  nextInteresting,
  nextStepWithKey,
} from "./interestingSteps";

function lesson(json: unknown): Simulation {
  const loaded = loadScenario(json);
  if (!loaded.ok) throw new Error(`lesson did not load: ${JSON.stringify(loaded.errors)}`);
  return simulate(loaded.model);
}

/** Every 0-based step of `category`, by brute force. */
function stepsOf(simulation: Simulation, category: InterestingCategory): number[] {
  const steps: number[] = [];
  for (let i = 0; i < simulation.stepCount; i++)
    if (categoryOf(simulation.step(i)) === category) steps.push(i);
  return steps;
}

describe("categoryOf", () => {
  it("classifies drops, writes, buffering, commits, reprocessing and group changes", () => {
    const expected: [TraceEventKind, InterestingCategory | null][] = [
      ["recordFiltered", "drop"],
      ["recordUnmatched", "drop"],
      ["userFunctionFailed", "drop"],
      ["recordWritten", "write"],
      ["recordBuffered", "buffer"],
      ["offsetCommitted", "commit"],
      ["recordRefetched", "reprocess"],
      ["recordLate", "late"],
      ["recordToLateSideOutput", "late"],
      ["windowEmitted", "window"],
      ["windowClosed", "window"],
      ["recordProduced", null],
      ["recordAppended", null],
      ["recordFetched", null],
      ["recordProcessed", null],
      ["recordBranched", null],
    ];
    for (const [kind, category] of expected) {
      expect(categoryOf({ kind } as TraceStep), kind).toBe(category);
    }
  });

  it("classifies a rebalance start as a rebalance and crashes, stops and restarts as crashes", () => {
    const group = (event: Record<string, unknown>) =>
      ({ kind: "groupChanged", mode: "group", timeMs: 5, event }) as unknown as TraceStep;
    expect(categoryOf(group({ kind: "rebalanceStarted" }))).toBe("rebalance");
    expect(categoryOf(group({ kind: "memberCrashed" }))).toBe("crash");
    expect(categoryOf(group({ kind: "memberLeft" }))).toBe("crash");
    expect(categoryOf(group({ kind: "memberRestarted" }))).toBe("crash");
    expect(categoryOf(group({ kind: "generationCompleted" }))).toBeNull();
  });
});

describe("nextInteresting on the transformations lesson", () => {
  const simulation = lesson(transformations);
  const drops = stepsOf(simulation, "drop");
  const writes = stepsOf(simulation, "write");

  it("has drops and writes to find", () => {
    expect(drops.length).toBeGreaterThan(1);
    expect(writes.length).toBeGreaterThan(1);
  });

  it("jumps from the start to the first drop, whose narration says why", () => {
    const cursor = nextInteresting(simulation, 0, "next", ["drop"]);
    expect(cursor).toBe(drops[0]! + 1);
    const narration = simulation.narrate(cursor! - 1);
    expect(narration).toContain("is false");
    expect(narration).toContain("dropped");
  });

  it("walks every match forward and back again, never landing on the step already shown", () => {
    for (const category of INTERESTING_CATEGORIES) {
      const expected = stepsOf(simulation, category).map((i) => i + 1);
      const forward: number[] = [];
      for (let c = nextInteresting(simulation, 0, "next", [category]); c !== null; ) {
        forward.push(c);
        c = nextInteresting(simulation, c, "next", [category]);
      }
      expect(forward, category).toEqual(expected);
      const backward: number[] = [];
      for (let c = nextInteresting(simulation, simulation.stepCount, "previous", [category]); c !== null; ) {
        backward.push(c);
        c = nextInteresting(simulation, c, "previous", [category]);
      }
      // From the end, "previous" skips the last step itself when it is the one shown.
      const shownAtEnd = expected.at(-1) === simulation.stepCount;
      expect(backward.reverse(), category).toEqual(shownAtEnd ? expected.slice(0, -1) : expected);
    }
  });

  it("finds the nearest match from the middle, in either direction", () => {
    const middle = drops[1]! + 1; // showing the second drop
    expect(nextInteresting(simulation, middle, "previous", ["drop"])).toBe(drops[0]! + 1);
    expect(nextInteresting(simulation, middle, "next", ["drop"])).toBe(
      drops[2] === undefined ? null : drops[2] + 1,
    );
  });

  it("combines categories", () => {
    const first = Math.min(drops[0]!, writes[0]!);
    expect(nextInteresting(simulation, 0, "next", ["drop", "write"])).toBe(first + 1);
  });

  it("returns null with nothing that way, no categories, or at the ends", () => {
    expect(nextInteresting(simulation, 0, "previous", ["drop"])).toBeNull();
    expect(nextInteresting(simulation, 1, "previous", ["drop"])).toBeNull();
    expect(nextInteresting(simulation, drops[0]! + 1, "previous", ["drop"])).toBeNull();
    expect(nextInteresting(simulation, simulation.stepCount, "next", ["drop"])).toBeNull();
    expect(nextInteresting(simulation, 0, "next", [])).toBeNull();
  });

  it("clamps a cursor out of range", () => {
    expect(nextInteresting(simulation, -5, "next", ["drop"])).toBe(drops[0]! + 1);
    expect(nextInteresting(simulation, 1e9, "previous", ["drop"])).toBe(
      nextInteresting(simulation, simulation.stepCount, "previous", ["drop"]),
    );
  });

  it("says whether a match lies either way exactly when nextInteresting finds one, at every cursor", () => {
    for (const category of INTERESTING_CATEGORIES)
      for (let cursor = -1; cursor <= simulation.stepCount + 1; cursor++)
        for (const direction of ["next", "previous"] as const)
          expect(
            hasInteresting(simulation, cursor, direction, category),
            `${category} ${direction} ${cursor}`,
          ).toBe(nextInteresting(simulation, cursor, direction, [category]) !== null);
  });
});

/** The keys of the record versions a step names, by brute force over its fields. */
function keysOfStep(simulation: Simulation, step: TraceStep): string[] {
  const ids = ["input" in step ? step.input : undefined, "record" in step ? step.record : undefined].filter(
    (id): id is number => typeof id === "number",
  );
  return ids.map((id) => formatKey(simulation.record(id).key));
}

describe("jumping by record key on the keyed-partitioning lesson", () => {
  const simulation = lesson(keyedPartitioning);
  const keys = keysInTrace(simulation);
  const touching = (key: string) => {
    const steps: number[] = [];
    for (let i = 0; i < simulation.stepCount; i++)
      if (keysOfStep(simulation, simulation.step(i)).includes(key)) steps.push(i);
    return steps;
  };

  it("lists each key of the trace once, in order of first appearance, the null key included", () => {
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain("alice");
    expect(keys).toContain("null");
    const firstSeen = keys.map((key) => touching(key)[0]!);
    expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
    expect(keysInTrace(simulation, 2)).toEqual(keys.slice(0, 2));
  });

  it("walks every step touching each key, forward and back, as a brute-force scan finds them", () => {
    for (const key of keys) {
      const expected = touching(key).map((i) => i + 1);
      const forward: number[] = [];
      for (let c = nextStepWithKey(simulation, 0, "next", key); c !== null; ) {
        forward.push(c);
        c = nextStepWithKey(simulation, c, "next", key);
      }
      expect(forward, key).toEqual(expected);
      const backward: number[] = [];
      for (let c = nextStepWithKey(simulation, simulation.stepCount + 1, "previous", key); c !== null; ) {
        backward.push(c);
        c = nextStepWithKey(simulation, c, "previous", key);
      }
      const shownAtEnd = expected.at(-1) === simulation.stepCount;
      expect(backward.reverse(), key).toEqual(shownAtEnd ? expected.slice(0, -1) : expected);
    }
  });

  it("counts a re-keying step as touching both the old and the new key", () => {
    const rekeyed = [...Array(simulation.stepCount).keys()].find((i) => {
      const stepKeys = keysOfStep(simulation, simulation.step(i));
      return stepKeys.length === 2 && stepKeys[0] !== stepKeys[1];
    });
    expect(rekeyed).toBeDefined();
    const [before, after] = keysOfStep(simulation, simulation.step(rekeyed!));
    for (const key of [before!, after!]) {
      expect(nextStepWithKey(simulation, rekeyed!, "next", key)).toBe(rekeyed! + 1);
    }
  });

  it("indexes the same keys and steps in slices as in one go", () => {
    const sliced = lesson(keyedPartitioning);
    let slices = 1;
    while (!indexKeysInPart(sliced, 7)) slices++;
    expect(slices).toBe(Math.ceil(sliced.stepCount / 7));
    expect(keysInTrace(sliced)).toEqual(keys);
    for (const key of keys) {
      expect(nextStepWithKey(sliced, 0, "next", key)).toBe(nextStepWithKey(simulation, 0, "next", key));
    }
  });

  it("finds nothing for a key that is not in the trace", () => {
    expect(nextStepWithKey(simulation, 0, "next", "nobody")).toBeNull();
    expect(nextStepWithKey(simulation, simulation.stepCount, "previous", "nobody")).toBeNull();
  });
});
