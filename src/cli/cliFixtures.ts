/**
 * Scenario texts for the command-line tests: one small valid scenario and variations that break it.
 */

export const TINY_SCENARIO = {
  version: 1,
  title: "Tiny doubling pipeline",
  seed: 3,
  topics: [
    { name: "numbers", partitions: 2 },
    { name: "doubled", partitions: 1 },
  ],
  producers: [
    {
      id: "counter",
      topic: "numbers",
      records: [
        { at: 0, key: "alice", value: 1 },
        { at: 10, key: "bob", value: 2, timestamp: 5 },
        { at: 20, key: "alice", value: 3 },
      ],
    },
  ],
  app: {
    id: "doubler",
    topology: [
      { id: "numbers-in", op: "source", topics: ["numbers"] },
      { id: "double", op: "mapValues", from: "numbers-in", value: "value * 2" },
      { id: "small", op: "filter", from: "double", predicate: "value < 6" },
      { id: "out", op: "sink", from: "small", topic: "doubled" },
    ],
  },
};

export const TINY_TEXT = JSON.stringify(TINY_SCENARIO, null, 2);

/** Three independent mistakes: a negative seed, a misspelt field, a sink to an undeclared topic. */
export const INVALID_TEXT = JSON.stringify({
  ...TINY_SCENARIO,
  seed: -1,
  producers: [{ ...TINY_SCENARIO.producers[0], topci: "numbers" }],
  app: {
    ...TINY_SCENARIO.app,
    topology: [
      ...TINY_SCENARIO.app.topology.slice(0, 3),
      { id: "out", op: "sink", from: "small", topic: "nowhere" },
    ],
  },
});

/** A trailing comma on line 3. */
export const SYNTAX_ERROR_TEXT = '{\n  "version": 1,\n  "title": "x",\n}\n';

/** The tiny scenario with a step limit it cannot stay under. */
export const STEP_LIMITED_TEXT = JSON.stringify({ ...TINY_SCENARIO, limits: { maxSteps: 5 } });
