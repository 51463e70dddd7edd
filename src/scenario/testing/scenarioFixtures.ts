/**
 * Small valid scenarios for tests, as raw JSON-like input (what a file or a link would hold). Each call returns a
 * fresh object, so a test may break it freely.
 */

/** Topics `clicks` (3 partitions) and `clicks-out` (3); one producer; source → mapValues → sink. */
export function validScenarioInput(): Record<string, unknown> & {
  topics: Record<string, unknown>[];
  producers: Record<string, unknown>[];
  app: Record<string, unknown> & { topology: Record<string, unknown>[] };
} {
  return {
    version: 1,
    title: "Keyed partitioning",
    topics: [
      { name: "clicks", partitions: 3 },
      { name: "clicks-out", partitions: 3 },
    ],
    producers: [{ id: "web", topic: "clicks", records: [{ at: 0, key: "alice", value: { page: "/" } }] }],
    app: {
      id: "clicks-app",
      topology: [
        { id: "in", op: "source", topics: ["clicks"] },
        { id: "pages", op: "mapValues", from: "in", value: "value.page" },
        { id: "out", op: "sink", from: "pages", topic: "clicks-out" },
      ],
    },
  };
}

/** The same scenario with its topology replaced. */
export function withTopology(topology: Record<string, unknown>[]) {
  const scenario = validScenarioInput();
  scenario.app.topology = topology;
  return scenario;
}
