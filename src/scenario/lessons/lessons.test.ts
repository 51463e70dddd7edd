import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFast, simulate } from "../../engine";
import { loadScenario } from "../loadScenario";
import { DEFAULT_LESSON_ID, findLesson, firstLesson, LESSON_ENTRIES, lessons } from "./index";

// Golden traces: the narrated trace of every built-in lesson, checked in. After an intended change of behaviour,
// regenerate with `UPDATE_GOLDEN=1 npx vitest run src/scenario/lessons` and review the diff.
const goldenDir = join(import.meta.dirname, "__golden__");
const update = process.env.UPDATE_GOLDEN === "1";

function load(input: unknown) {
  const result = loadScenario(input);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  return result;
}

function narratedTrace(sim: ReturnType<typeof simulate>): string {
  const lines = [`digest ${sim.digest()}`, `steps ${sim.stepCount}`];
  for (let i = 0; i < sim.stepCount; i++) lines.push(`${i} ${sim.step(i).kind} ${sim.narrate(i)}`);
  return `${lines.join("\n")}\n`;
}

describe("built-in lessons", () => {
  it("include the default lesson and have unique ids", () => {
    expect(findLesson(DEFAULT_LESSON_ID)).toBeDefined();
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    expect(lessons.length).toBeGreaterThanOrEqual(3);
  });

  for (const lesson of lessons) {
    describe(lesson.id, () => {
      it("is a valid scenario", () => {
        const result = loadScenario(lesson.scenario);
        expect(result.ok ? [] : result.errors).toEqual([]);
      });

      it("gives a byte-identical trace twice and after a JSON round trip", () => {
        const first = simulate(load(lesson.scenario).model);
        const second = simulate(load(lesson.scenario).model);
        const roundTripped = simulate(load(JSON.parse(JSON.stringify(lesson.scenario))).model);
        expect(second.digest()).toBe(first.digest());
        expect(roundTripped.digest()).toBe(first.digest());
        expect(narratedTrace(roundTripped)).toBe(narratedTrace(first));
      });

      it("writes the same output on the fast path as on the recording path", () => {
        const { model } = load(lesson.scenario);
        const sim = simulate(model);
        const fast = runFast(model);
        for (const [topic, partitions] of Object.entries(sim.logs)) {
          const recorded = partitions.map((entries) =>
            entries.map((e) => {
              const r = sim.record(e.record);
              return [r.key, r.value, r.timestamp];
            }),
          );
          const fastOut = fast.logs[topic]!.map((p) =>
            p.keys.map((k, o) => [k, p.values[o], p.timestamps[o]]),
          );
          expect(fastOut).toEqual(recorded);
        }
      });

      it("matches its golden trace", () => {
        const actual = narratedTrace(simulate(load(lesson.scenario).model));
        const file = join(goldenDir, `${lesson.id}.trace.txt`);
        if (update || !existsSync(file)) {
          mkdirSync(goldenDir, { recursive: true });
          writeFileSync(file, actual);
          if (!update) throw new Error(`wrote missing golden trace ${file}; review and commit it`);
        }
        expect(actual).toBe(readFileSync(file, "utf8"));
      });
    });
  }
});

describe("LESSON_ENTRIES", () => {
  it("lists every lesson, in gallery order, with its scenario's title", () => {
    expect(LESSON_ENTRIES).toEqual(lessons.map(({ id, title }) => ({ id, title })));
    for (const lesson of lessons) expect(lesson.title).toBe(lesson.scenario.title);
    expect(lessons[0]).toBe(firstLesson);
  });
});
