/**
 * What the lab needs of the lessons before anything else: the lesson it opens on, and every lesson's id and title
 * (the lesson picker). The other lessons' scenarios are in `index.ts`, which the page loads on demand; a test
 * checks that `LESSON_ENTRIES` matches it.
 */
import type { Scenario } from "../schema";
import transformations from "./transformations.json";

/** A lesson in the gallery: what the picker shows. */
export interface LessonEntry {
  id: string;
  title: string;
}

export interface Lesson extends LessonEntry {
  scenario: Scenario;
}

/** The lesson the lab opens on (the first of the gallery). */
export const firstLesson: Lesson = {
  id: "transformations",
  title: transformations.title,
  scenario: transformations as unknown as Scenario,
};

/** Every lesson, in gallery order. */
export const LESSON_ENTRIES: readonly LessonEntry[] = [
  { id: firstLesson.id, title: firstLesson.title },
  { id: "branch-merge", title: "Branch and merge: routing payments" },
  { id: "keyed-partitioning", title: "Keys decide partitions: two producers, three partitions" },
  { id: "copartitioned-join", title: "A copartitioned join across two instances" },
  { id: "repartition-after-selectkey", title: "A repartition after selectKey" },
  { id: "wrong-partitioner-join", title: "A wrong partitioner silently misses join matches" },
  { id: "crash-recovery", title: "A crash: partitions move, and uncommitted work is done twice" },
  { id: "external-call", title: "An external call makes reprocessing give other results" },
  { id: "assignors-range", title: "Assignors compared: range" },
  { id: "assignors-roundrobin", title: "Assignors compared: roundrobin" },
  { id: "assignors-sticky", title: "Assignors compared: sticky" },
  { id: "assignors-cooperative-sticky", title: "Assignors compared: cooperative-sticky" },
  { id: "static-assignment", title: "Static assignment: when an instance dies, nobody takes over" },
  {
    id: "static-membership",
    title: "Static membership: a quick restart causes no rebalance, a slow one does",
  },
  { id: "idle-instances", title: "More instances than partitions: the extra ones stay idle" },
  { id: "tumbling-grace", title: "Tumbling windows and grace: late by one millisecond" },
  { id: "tumbling-flink", title: "The same windows under Flink: watermarks and allowed lateness" },
  { id: "scheduler-choice", title: "The scheduler chooses across partitions: head timestamp" },
  { id: "scheduler-round-robin", title: "The scheduler chooses across partitions: round-robin" },
  { id: "timestamp-event", title: "Event, ingestion and processing time: event time" },
  { id: "timestamp-ingestion", title: "Event, ingestion and processing time: ingestion time" },
  { id: "timestamp-processing", title: "Event, ingestion and processing time: processing time" },
  { id: "watermarks-parallel", title: "Watermarks in parallel: the slowest partition holds everyone back" },
  { id: "session-windows", title: "Session windows: sessions merge" },
  { id: "disconnect-late", title: "A producer disconnect makes records late" },
  { id: "crash-open-windows", title: "A crash during open windows: the window store is restored" },
  { id: "reprocessing-event-time", title: "Reprocessing vs near-real-time: event time" },
  { id: "reprocessing-processing-time", title: "Reprocessing vs near-real-time: processing time" },
  { id: "hopping-windows", title: "Hopping windows: one record, several windows" },
  { id: "sliding-windows", title: "Sliding windows: windows where the records are" },
];
