/**
 * The built-in lessons: scenarios as data, checked against the schema when first used. Each teaches one idea of
 * chapters 5–6 of *Building Event-Driven Microservices* and opens in the lab by its id.
 */
import type { Scenario } from "../schema";
import assignorsRange from "./assignors-range.json";
import branchMerge from "./branch-merge.json";
import copartitionedJoin from "./copartitioned-join.json";
import crashOpenWindows from "./crash-open-windows.json";
import crashRecovery from "./crash-recovery.json";
import disconnectLate from "./disconnect-late.json";
import externalCall from "./external-call.json";
import hoppingWindows from "./hopping-windows.json";
import idleInstances from "./idle-instances.json";
import keyedPartitioning from "./keyed-partitioning.json";
import repartitionAfterSelectKey from "./repartition-after-selectkey.json";
import reprocessing from "./reprocessing.json";
import schedulerChoice from "./scheduler-choice.json";
import sessionWindows from "./session-windows.json";
import slidingWindows from "./sliding-windows.json";
import staticAssignment from "./static-assignment.json";
import staticMembership from "./static-membership.json";
import timestampKinds from "./timestamp-kinds.json";
import tumblingFlink from "./tumbling-flink.json";
import tumblingGrace from "./tumbling-grace.json";
import watermarksParallel from "./watermarks-parallel.json";
import wrongPartitionerJoin from "./wrong-partitioner-join.json";

const ROUND_ROBIN =
  "The round-robin assignor deals tasks one by one over the members in order, from scratch at every rebalance: " +
  "balanced, but most tasks change owner when membership changes.";
const STICKY =
  "The sticky assignor balances the group while keeping as many tasks as possible with their previous owner: " +
  "after a change only the tasks needed for balance move (eager protocol: everyone still revokes first).";
const COOPERATIVE =
  "The cooperative-sticky assignor computes the sticky result but rebalances incrementally (KIP-429): members " +
  "keep processing the tasks that stay, only moving tasks are revoked, and a follow-up rebalance hands them over.";

import { firstLesson, type Lesson } from "./firstLesson";

export type { Lesson, LessonEntry } from "./firstLesson";
export { firstLesson, LESSON_ENTRIES } from "./firstLesson";

/** In gallery order. The first is the one the lab opens on. */
export const lessons: Lesson[] = [
  firstLesson,
  { id: "branch-merge", scenario: branchMerge as unknown as Scenario },
  { id: "keyed-partitioning", scenario: keyedPartitioning as unknown as Scenario },
  { id: "copartitioned-join", scenario: copartitionedJoin as unknown as Scenario },
  { id: "repartition-after-selectkey", scenario: repartitionAfterSelectKey as unknown as Scenario },
  { id: "wrong-partitioner-join", scenario: wrongPartitionerJoin as unknown as Scenario },
  { id: "crash-recovery", scenario: crashRecovery as unknown as Scenario },
  { id: "external-call", scenario: externalCall as unknown as Scenario },
  { id: "assignors-range", scenario: assignorsRange as unknown as Scenario },
  { id: "assignors-roundrobin", scenario: withAssignor("roundrobin", ROUND_ROBIN) },
  { id: "assignors-sticky", scenario: withAssignor("sticky", STICKY) },
  { id: "assignors-cooperative-sticky", scenario: withAssignor("cooperative-sticky", COOPERATIVE) },
  { id: "static-assignment", scenario: staticAssignment as unknown as Scenario },
  { id: "static-membership", scenario: staticMembership as unknown as Scenario },
  { id: "idle-instances", scenario: idleInstances as unknown as Scenario },
  { id: "tumbling-grace", scenario: tumblingGrace as unknown as Scenario },
  { id: "tumbling-flink", scenario: tumblingFlink as unknown as Scenario },
  { id: "scheduler-choice", scenario: schedulerChoice as unknown as Scenario },
  {
    id: "scheduler-round-robin",
    scenario: withTime(schedulerChoice, "The scheduler chooses across partitions: round-robin", {
      scheduler: "round-robin",
    }),
  },
  { id: "timestamp-event", scenario: timestampKinds as unknown as Scenario },
  {
    id: "timestamp-ingestion",
    scenario: withTime(timestampKinds, "Event, ingestion and processing time: ingestion time", {
      timestamp: "ingestion",
    }),
  },
  {
    id: "timestamp-processing",
    scenario: withTime(timestampKinds, "Event, ingestion and processing time: processing time", {
      timestamp: "processing",
    }),
  },
  { id: "watermarks-parallel", scenario: watermarksParallel as unknown as Scenario },
  { id: "session-windows", scenario: sessionWindows as unknown as Scenario },
  { id: "disconnect-late", scenario: disconnectLate as unknown as Scenario },
  { id: "crash-open-windows", scenario: crashOpenWindows as unknown as Scenario },
  { id: "reprocessing-event-time", scenario: reprocessing as unknown as Scenario },
  {
    id: "reprocessing-processing-time",
    scenario: withTime(reprocessing, "Reprocessing vs near-real-time: processing time", {
      timestamp: "processing",
    }),
  },
  { id: "hopping-windows", scenario: hoppingWindows as unknown as Scenario },
  { id: "sliding-windows", scenario: slidingWindows as unknown as Scenario },
].map((l) => ("title" in l ? l : { ...l, title: l.scenario.title }));

export const DEFAULT_LESSON_ID = "transformations";

export function findLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}

/** A time lesson with other time settings: the same data, the same description, another title. */
function withTime(lesson: unknown, title: string, time: NonNullable<Scenario["app"]["time"]>): Scenario {
  const base = lesson as Scenario;
  return { ...base, title, app: { ...base.app, time: { ...base.app.time, ...time } } };
}

/** The assignor comparison with another assignor: the same data and membership changes. */
function withAssignor(assignor: "roundrobin" | "sticky" | "cooperative-sticky", rule: string): Scenario {
  const base = assignorsRange as unknown as Scenario;
  const description = (base.description ?? "").replace(
    /^(.*?at 5 s\. ).*?(Open the .*)$/s,
    (_match, setup: string, rest: string) => `${setup}${rule} ${rest}`,
  );
  return {
    ...base,
    title: `Assignors compared: ${assignor}`,
    description,
    app: { ...base.app, group: { ...base.app.group, assignor } },
  };
}
