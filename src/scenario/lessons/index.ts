/**
 * The built-in lessons: scenarios as data, checked against the schema when first used. Each teaches one idea of
 * chapters 5–6 of *Building Event-Driven Microservices* and opens in the lab by its id.
 */
import type { Scenario } from "../schema";
import branchMerge from "./branch-merge.json";
import copartitionedJoin from "./copartitioned-join.json";
import keyedPartitioning from "./keyed-partitioning.json";
import repartitionAfterSelectKey from "./repartition-after-selectkey.json";
import transformations from "./transformations.json";
import wrongPartitionerJoin from "./wrong-partitioner-join.json";

export interface Lesson {
  id: string;
  title: string;
  scenario: Scenario;
}

/** In gallery order. The first is the one the lab opens on. */
export const lessons: Lesson[] = [
  { id: "transformations", scenario: transformations as unknown as Scenario },
  { id: "branch-merge", scenario: branchMerge as unknown as Scenario },
  { id: "keyed-partitioning", scenario: keyedPartitioning as unknown as Scenario },
  { id: "copartitioned-join", scenario: copartitionedJoin as unknown as Scenario },
  { id: "repartition-after-selectkey", scenario: repartitionAfterSelectKey as unknown as Scenario },
  { id: "wrong-partitioner-join", scenario: wrongPartitionerJoin as unknown as Scenario },
].map((l) => ({ ...l, title: l.scenario.title }));

export const DEFAULT_LESSON_ID = "transformations";

export function findLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
