import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AssignorName, RebalanceProtocol } from "../assignor";
import { assignorNames } from "../assignors";
import { formatTopicPartition, partitionsOf } from "../topicPartition";
import { apply } from "./apply";
import type { CoordinatorConfig } from "./coordinatorConfig";
import type { CoordinatorEvent } from "./coordinatorEvent";
import { run } from "./coordinatorFixtures";
import type { CoordinatorInput } from "./coordinatorInput";
import type { CoordinatorState } from "./coordinatorState";
import { createCoordinator, nextDeadline } from "./coordinatorState";

/**
 * Random runs: 2-5 instances (static or dynamic) subscribing to some of 1-3 topics of 1-6 partitions, and up to 40
 * steps of joins, leaves, crashes, restarts and time advances (sometimes to the next session expiry), often at the
 * same instant. The first step naming an instance joins it. A stop (leave, crash) of a stopped instance restarts
 * it, and a restart of a running one crashes it, except for `literal` steps: inputs that make no sense are part of
 * the test too.
 */
type StepKind = "leave" | "crash" | "restart" | "advance" | "toDeadline";

interface Scenario {
  config: CoordinatorConfig;
  topicsOf: Record<string, string[]>;
  steps: { kind: StepKind; who: number; gapMs: number; literal: boolean }[];
  instances: { name: string; groupInstanceId: string | null }[];
}

const scenarios: fc.Arbitrary<Scenario> = fc
  .record({
    assignor: fc.constantFrom<AssignorName>(...assignorNames),
    eager: fc.boolean(),
    counts: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
    instances: fc.array(fc.record({ isStatic: fc.boolean(), mask: fc.integer({ min: 1, max: 7 }) }), {
      minLength: 2,
      maxLength: 5,
    }),
    sessionTimeoutMs: fc.constantFrom(10_000, 45_000),
    steps: fc.array(
      fc.record({
        kind: fc.constantFrom<StepKind>("leave", "crash", "restart", "restart", "advance", "toDeadline"),
        who: fc.nat({ max: 4 }),
        gapMs: fc.oneof(
          { weight: 3, arbitrary: fc.constant(0) },
          { weight: 5, arbitrary: fc.integer({ min: 1, max: 15_000 }) },
          { weight: 2, arbitrary: fc.integer({ min: 15_001, max: 60_000 }) },
        ),
        literal: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ assignor, eager, counts, instances, sessionTimeoutMs, steps }) => {
    const topics = counts.map((_, i) => `t${i}`);
    const protocol: RebalanceProtocol | undefined =
      assignor === "cooperative-sticky" && eager ? "eager" : undefined;
    const named = instances.map((instance, i) => ({
      name: `instance-${i + 1}`,
      groupInstanceId: instance.isStatic ? `app-${i + 1}` : null,
      topics: topics.filter((_, t) => (instance.mask >> t) & 1),
    }));
    for (const instance of named) if (instance.topics.length === 0) instance.topics.push(topics[0]!);
    return {
      config: {
        groupId: "g",
        assignor,
        ...(protocol === undefined ? {} : { protocol }),
        sessionTimeoutMs,
        partitionsPerTopic: Object.fromEntries(topics.map((t, i) => [t, counts[i]!])),
      },
      topicsOf: Object.fromEntries(named.map((i) => [i.name, i.topics])),
      steps: steps.map((step) => ({ ...step, who: step.who % instances.length })),
      instances: named,
    };
  });

interface Transition {
  input: CoordinatorInput;
  before: CoordinatorState;
  state: CoordinatorState;
  events: CoordinatorEvent[];
}

/** Turns the steps into inputs against the evolving state and applies them. */
function play(scenario: Scenario): Transition[] {
  let state = createCoordinator(scenario.config);
  const joined = new Set<string>();
  const transitions: Transition[] = [];
  for (const step of scenario.steps) {
    const atMs = state.nowMs + step.gapMs;
    const instance = scenario.instances[step.who]!;
    let input: CoordinatorInput;
    if (step.kind === "advance") input = { kind: "advanceTo", atMs };
    else if (step.kind === "toDeadline") input = { kind: "advanceTo", atMs: nextDeadline(state) ?? atMs };
    else if (!joined.has(instance.name)) {
      joined.add(instance.name);
      const topics = scenario.topicsOf[instance.name]!;
      input = {
        kind: "join",
        atMs,
        memberId: instance.name,
        groupInstanceId: instance.groupInstanceId,
        topics,
      };
    } else {
      const running = state.instances.find((i) => i.instance === instance.name)?.running;
      const kind = step.literal
        ? step.kind
        : running
          ? step.kind === "restart"
            ? "crash"
            : step.kind
          : "restart";
      input = { kind, atMs, memberId: instance.name };
    }
    const next = apply(state, input);
    transitions.push({ input, before: state, state: next.state, events: next.events });
    state = next.state;
  }
  return transitions;
}

function allPartitionsOf(config: CoordinatorConfig, topics: Iterable<string>): string[] {
  return [...new Set(topics)]
    .flatMap((t) => partitionsOf(t, config.partitionsPerTopic[t] ?? 0))
    .map(formatTopicPartition);
}

const sorted = (xs: readonly string[]) => [...xs].sort();
const runs = { numRuns: 300 };

describe("coordinator properties", () => {
  it("after every generation, each subscribed partition has exactly one owner, or is withheld for a follow-up", () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        for (const { events } of play(scenario)) {
          for (const e of events) {
            if (e.kind !== "generationCompleted") continue;
            const owned = e.members.flatMap((m) => m.partitions.map(formatTopicPartition));
            const pending = Object.values(e.pendingRevocation).flat().map(formatTopicPartition);
            const subscribed = allPartitionsOf(
              scenario.config,
              e.members.flatMap((m) => scenario.topicsOf[m.instance]!),
            );
            expect(sorted([...owned, ...pending])).toEqual(sorted(subscribed));
            if (e.protocol === "eager") expect(pending).toEqual([]);
            for (const m of e.members) {
              for (const tp of m.partitions) expect(scenario.topicsOf[m.instance]).toContain(tp.topic);
            }
          }
        }
      }),
      runs,
    );
  });

  it("never lets two members own a partition at once, and never leaves an overdue session", () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        for (const { state } of play(scenario)) {
          const owned = state.members.flatMap((m) => m.partitions.map(formatTopicPartition));
          expect(new Set(owned).size).toBe(owned.length);
          const deadline = nextDeadline(state);
          if (deadline !== undefined) expect(deadline).toBeGreaterThan(state.nowMs);
        }
      }),
      runs,
    );
  });

  it("numbers generations 1, 2, 3, … and each rebalance forms the next one", () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        let last = 0;
        let lastMs = 0;
        for (const { input, events } of play(scenario)) {
          for (const e of events) {
            expect(e.atMs).toBeGreaterThanOrEqual(lastMs);
            expect(e.atMs).toBeLessThanOrEqual(input.atMs);
            lastMs = e.atMs;
            if (e.kind === "rebalanceStarted") expect(e.generation).toBe(last + 1);
            if (e.kind === "generationCompleted") {
              expect(e.generation).toBe(last + 1);
              last = e.generation;
            }
          }
        }
      }),
      runs,
    );
  });

  it("never gives a stopped static member's partitions to another member within its session timeout", () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const { sessionTimeoutMs = 45_000 } = scenario.config;
        /** Stopped static members still within their session: member id → partitions and expiry. */
        const guarded = new Map<string, { partitions: Set<string>; expiresAtMs: number | null }>();
        for (const { events } of play(scenario)) {
          for (const e of events) {
            if ((e.kind === "memberCrashed" || e.kind === "memberLeft") && e.groupInstanceId !== null) {
              if (e.kind === "memberLeft") expect(e.leaveGroupSent).toBe(false);
              guarded.set(e.memberId, {
                partitions: new Set(e.partitions.map(formatTopicPartition)),
                expiresAtMs: null,
              });
            }
            if (e.kind === "heartbeatsStopped" && guarded.has(e.memberId)) {
              expect(e.lastHeartbeatMs).toBeLessThanOrEqual(e.atMs);
              expect(e.atMs - e.lastHeartbeatMs).toBeLessThan(scenario.config.heartbeatIntervalMs ?? 3000);
              guarded.get(e.memberId)!.expiresAtMs = e.expiresAtMs;
            }
            if (e.kind === "sessionExpired" && guarded.has(e.memberId)) {
              expect(e.atMs).toBe(e.lastHeartbeatMs + sessionTimeoutMs);
              const { expiresAtMs } = guarded.get(e.memberId)!;
              if (expiresAtMs !== null) expect(e.atMs).toBe(expiresAtMs);
              guarded.delete(e.memberId);
            }
            if (e.kind === "memberRestarted") guarded.delete(e.previousMemberId);
            if (e.kind === "generationCompleted" || e.kind === "partitionsAssigned") {
              const holders =
                e.kind === "generationCompleted"
                  ? e.members
                  : [{ memberId: e.memberId, partitions: e.partitions }];
              for (const [memberId, { partitions }] of guarded) {
                for (const other of holders) {
                  if (other.memberId === memberId) continue;
                  for (const tp of other.partitions)
                    expect(partitions.has(formatTopicPartition(tp))).toBe(false);
                }
              }
            }
          }
        }
      }),
      runs,
    );
  });

  it("is deterministic: the same inputs give deep-equal events, also from a JSON snapshot", () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const transitions = play(scenario);
        const inputs = transitions.map((t) => t.input);
        const events = transitions.flatMap((t) => t.events);
        const again = run(scenario.config, inputs);
        expect(again.events).toEqual(events);
        expect(again.state).toEqual(transitions.at(-1)?.state ?? createCoordinator(scenario.config));
        const middle = Math.floor(transitions.length / 2);
        if (middle < transitions.length) {
          const snapshot = JSON.parse(JSON.stringify(transitions[middle]!.before)) as CoordinatorState;
          const resumed = run(snapshot, inputs.slice(middle));
          expect(resumed.events).toEqual(transitions.slice(middle).flatMap((t) => t.events));
        }
      }),
      runs,
    );
  });
});
