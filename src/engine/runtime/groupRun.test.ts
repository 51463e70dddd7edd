import { describe, expect, it } from "vitest";
import type { GroupSpec, InstanceFault, SimulationModel, TraceStep } from "../index";
import { defaultGroup } from "../model";
import { runFast } from "../runFast";
import { simulate } from "../simulate";
import { model, producer, record, sink, source } from "../testing/modelFixtures";

const topology = [source("src", ["in"]), sink("s", "src", "out")];
const topics = (partitions: number) => [
  { name: "in", partitions },
  { name: "out", partitions: 1 },
];

/** One record every 500 ms on each partition, for `seconds` seconds. */
function records(partitions: number, seconds: number) {
  const list = [];
  for (let at = 0; at < seconds * 1000; at += 500) {
    for (let p = 0; p < partitions; p++) list.push(record(at, `k${p}`, at, { partition: p }));
  }
  return list;
}

function group(instances: number, extra: Partial<GroupSpec> = {}): GroupSpec {
  return { ...defaultGroup(instances), sessionTimeoutMs: 6000, heartbeatIntervalMs: 2000, ...extra };
}

function build(
  partitions: number,
  instances: number,
  faults: InstanceFault[],
  extra: Partial<GroupSpec> = {},
  seconds = 12,
): SimulationModel {
  return model(topics(partitions), [producer("p", "in", records(partitions, seconds))], topology, {
    instances,
    commitIntervalMs: 2000,
    group: group(instances, extra),
    faults,
  });
}

function steps(sim: ReturnType<typeof simulate>): TraceStep[] {
  return Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
}

function groupEvents(sim: ReturnType<typeof simulate>) {
  return steps(sim).flatMap((s) => (s.kind === "groupChanged" ? [{ ...s.event, timeMs: s.timeMs }] : []));
}

/** Values written to `out`, with whether each was a reprocessing. */
function written(sim: ReturnType<typeof simulate>) {
  return sim.logs.out![0]!.map((e) => {
    const r = sim.record(e.record);
    return { value: r.value as number, reprocessed: r.reprocessed };
  });
}

describe("consumer groups in the run loop", () => {
  it("forms one generation when the instances start together", () => {
    const sim = simulate(build(4, 2, []));
    const history = sim.groupHistory();
    expect(history.generations).toHaveLength(1);
    expect(history.generations[0]!.members.map((m) => [m.instance, m.tasks])).toEqual([
      ["instance-1", ["0_0", "0_1"]],
      ["instance-2", ["0_2", "0_3"]],
    ]);
  });

  it("moves a crashed instance's tasks only when its session expires, and reprocesses uncommitted records", () => {
    const sim = simulate(build(2, 2, [{ atMs: 3500, instance: 1, action: "crash" }]));
    const events = groupEvents(sim);
    const expired = events.find((e) => e.kind === "sessionExpired")!;
    // Last heartbeat at 2000 (generation 1 completed at 0, heartbeats every 2000 ms) + session.timeout.ms 6000.
    expect(expired.timeMs).toBe(8000);
    const generation2 = sim.groupHistory().generations[1]!;
    expect(generation2.members.map((m) => [m.instance, m.tasks])).toEqual([["instance-1", ["0_0", "0_1"]]]);
    // At 2000 instance-2 polls (the record sent at 2000 included), then commits offset 5; it processes 2500 and
    // 3000 and crashes at 3500, before its next commit: those two are written twice.
    const out = written(sim);
    const duplicated = out.filter((w) => w.reprocessed).map((w) => w.value);
    expect(duplicated).toEqual([2500, 3000]);
    for (const value of duplicated) expect(out.filter((w) => w.value === value)).toHaveLength(3);
    const reset = steps(sim).find((s) => s.kind === "positionReset" && s.reason === "resumeFromCommit")!;
    expect(reset).toMatchObject({ instance: "instance-1", topic: "in", partition: 1, offset: 5 });
    expect(sim.narrate(reset.step)).toContain("Offsets 5–6 were processed before but never committed");
  });

  it("loses nothing and repeats nothing when an instance leaves gracefully", () => {
    const sim = simulate(build(2, 2, [{ atMs: 3500, instance: 1, action: "leave" }]));
    const out = written(sim);
    expect(out.some((w) => w.reprocessed)).toBe(false);
    expect(new Set(out.map((w) => `${w.value}`)).size * 2).toBe(out.length);
    const leftAt = groupEvents(sim).find((e) => e.kind === "memberLeft")!;
    expect(leftAt.timeMs).toBe(3500);
    const commitsBeforeLeaving = steps(sim).filter(
      (s) => s.kind === "offsetCommitted" && s.instance === "instance-2" && s.timeMs === 3500,
    );
    expect(commitsBeforeLeaving.map((s) => s.kind === "offsetCommitted" && s.offset)).toEqual([7]);
  });

  it("lets nobody take over with static assignment, and resumes from the commit on restart", () => {
    const faults: InstanceFault[] = [
      { atMs: 3500, instance: 1, action: "crash" },
      { atMs: 9000, instance: 1, action: "restart" },
    ];
    const sim = simulate(build(2, 2, faults, { strategy: { kind: "static", units: [["in-0"], ["0_1"]] } }));
    expect(sim.groupHistory().generations).toEqual([]);
    const fetchedBetween = steps(sim).filter(
      (s) =>
        (s.kind === "recordFetched" || s.kind === "recordRefetched") &&
        s.partition === 1 &&
        s.timeMs > 3500 &&
        s.timeMs < 9000,
    );
    expect(fetchedBetween).toEqual([]);
    const middle = sim.frameAt(steps(sim).findIndex((s) => s.timeMs >= 5000));
    expect(middle.tasks.find((t) => t.id === "0_1")).toMatchObject({
      instance: "instance-2",
      consumed: false,
    });
    expect(
      written(sim)
        .filter((w) => w.reprocessed)
        .map((w) => w.value),
    ).toEqual([2500, 3000]);
  });

  it("keeps a static member's tasks without a rebalance when it restarts within its session", () => {
    const ids = { groupInstanceIds: ["app-1", "app-2"] };
    const quick = simulate(
      build(
        2,
        2,
        [
          { atMs: 3000, instance: 1, action: "leave" },
          { atMs: 5000, instance: 1, action: "restart" },
        ],
        ids,
      ),
    );
    expect(quick.groupHistory().generations).toHaveLength(1);
    expect(groupEvents(quick).some((e) => e.kind === "staticMemberRejoined")).toBe(true);
    const slow = simulate(
      build(
        2,
        2,
        [
          { atMs: 3000, instance: 1, action: "leave" },
          { atMs: 10_000, instance: 1, action: "restart" },
        ],
        ids,
      ),
    );
    expect(slow.groupHistory().generations.map((g) => g.reason)).toEqual([
      "joined",
      "session timeout",
      "restart",
    ]);
  });

  it("revokes only moving tasks under the cooperative protocol, then hands them over in a follow-up", () => {
    const sim = simulate(
      build(4, 3, [{ atMs: 3000, instance: 2, action: "join" }], {
        strategy: { kind: "assignor", assignor: "cooperative-sticky" },
      }),
    );
    const history = sim.groupHistory();
    expect(history.generations.map((g) => g.reason)).toEqual(["joined", "joined", "follow-up (cooperative)"]);
    const revocations = groupEvents(sim).filter((e) => e.kind === "partitionsRevoked");
    expect(revocations.every((e) => e.kind === "partitionsRevoked" && e.partitions.length === 1)).toBe(true);
    const last = history.generations.at(-1)!;
    expect(last.members.map((m) => m.tasks.length).sort()).toEqual([1, 1, 2]);
  });

  it("runs a custom owner rule at every rebalance", () => {
    const everythingToTheFirst = { kind: "custom" as const, source: "0", owner: () => 0 };
    const sim = simulate(build(3, 2, [], { strategy: everythingToTheFirst }));
    expect(sim.groupHistory().generations[0]!.members.map((m) => m.tasks)).toEqual([
      ["0_0", "0_1", "0_2"],
      [],
    ]);
  });

  it("uses a custom table at every rebalance, leaving the tasks of absent instances unassigned", () => {
    const table = { kind: "customTable" as const, units: [["0_0", "in-2"], ["0_1"]] };
    const sim = simulate(build(3, 2, [{ atMs: 3000, instance: 1, action: "leave" }], { strategy: table }));
    const [first, second] = sim.groupHistory().generations;
    expect(first!.members.map((m) => m.tasks)).toEqual([["0_0", "0_2"], ["0_1"]]);
    expect(second!.members.map((m) => [m.instance, m.tasks])).toEqual([["instance-1", ["0_0", "0_2"]]]);
    const end = sim.frameAt(sim.stepCount);
    expect(end.tasks.find((t) => t.id === "0_1")!.instance).toBeNull();
  });

  it("leaves instances beyond the task count idle, and says so", () => {
    const sim = simulate(build(2, 3, []));
    const generation = sim.groupHistory().generations[0]!;
    expect(generation.members.map((m) => m.tasks.length)).toEqual([1, 1, 0]);
    const completed = steps(sim).find(
      (s) => s.kind === "groupChanged" && s.event.kind === "generationCompleted",
    )!;
    expect(sim.narrate(completed.step)).toContain("instance-3 is idle");
  });

  it("shows who owns each task, and who is running, at every cursor", () => {
    const sim = simulate(build(2, 2, [{ atMs: 3500, instance: 1, action: "crash" }]));
    const at = (timeMs: number) => sim.frameAt(steps(sim).filter((s) => s.timeMs <= timeMs).length);
    expect(at(1000).instances.map((i) => [i.name, i.running, i.tasks])).toEqual([
      ["instance-1", true, ["0_0"]],
      ["instance-2", true, ["0_1"]],
    ]);
    expect(at(5000).instances.map((i) => [i.name, i.running, i.tasks])).toEqual([
      ["instance-1", true, ["0_0"]],
      ["instance-2", false, ["0_1"]],
    ]);
    expect(at(9000).instances.map((i) => [i.name, i.running, i.tasks])).toEqual([
      ["instance-1", true, ["0_0", "0_1"]],
      ["instance-2", false, []],
    ]);
    expect(at(9000).generation).toBe(2);
  });

  it("gives the fast path the same output as the recording path across crashes and rebalances", () => {
    const m = build(3, 3, [
      { atMs: 2500, instance: 0, action: "crash" },
      { atMs: 4000, instance: 2, action: "leave" },
      { atMs: 9000, instance: 0, action: "restart" },
    ]);
    const recorded = simulate(m);
    const fast = runFast(m);
    expect([...fast.logs.out![0]!.values]).toEqual(written(recorded).map((w) => w.value));
  });
});
