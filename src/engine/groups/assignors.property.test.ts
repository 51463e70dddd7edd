import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Assignment, AssignmentInput, GroupMember, PartitionAssignor } from "./assignor";
import { assignorNames, assignors } from "./assignors";
import { afterRebalance, spread, validityAndBalanceProblems } from "./groupFixtures";
import { sortMembers } from "./memberOrder";
import { compareTopicPartitions, formatTopicPartition, partitionsOf } from "./topicPartition";

/**
 * Random groups: 1-4 topics of 1-8 partitions, 1-6 members with random subscriptions, instance ids and
 * generations, and previous ownership where each partition has 0, 1 or 2 claimants. Members only claim partitions
 * of topics they subscribe to, as a real consumer does (it revokes the others before rejoining).
 */
interface GroupOptions {
  /** Every member subscribes to the same topics. */
  equal?: boolean;
  /** No member has an empty subscription. */
  nonEmpty?: boolean;
}

const memberIds = ["consumer1", "consumer2", "consumer3", "consumer10", "c0", "c1", "a", "B", "m-7", "zz"];

function groups({ equal = false, nonEmpty = false }: GroupOptions = {}): fc.Arbitrary<AssignmentInput> {
  return fc
    .record({
      counts: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
      ids: fc.shuffledSubarray(memberIds, { minLength: 1, maxLength: 6 }),
      seed: fc.integer(),
    })
    .chain(({ counts, ids, seed }) => {
      const topics = counts.map((_, i) => `t${i}`);
      const subscription = fc.subarray(topics, { minLength: nonEmpty ? 1 : 0 });
      const partitions = topics.flatMap((t, i) => partitionsOf(t, counts[i]!));
      return fc
        .record({
          common: subscription,
          members: fc.tuple(
            ...ids.map((_, i) =>
              fc.record({
                topics: subscription,
                instance: fc.option(fc.constant(`instance${(seed + i * 7) % 10}-${i}`)),
                generation: fc.constantFrom(-1, 1, 2, 3),
              }),
            ),
          ),
          claims: fc.array(fc.uniqueArray(fc.nat({ max: ids.length - 1 }), { maxLength: 2 }), {
            minLength: partitions.length,
            maxLength: partitions.length,
          }),
        })
        .map(({ common, members, claims }) => {
          const groupMembers: GroupMember[] = members.map((m, i) => ({
            memberId: ids[i]!,
            groupInstanceId: m.instance,
            topics: equal ? common : m.topics,
            ownedPartitions: [],
            generation: m.generation,
          }));
          partitions.forEach((tp, p) => {
            for (const i of claims[p]!) {
              const claimant = groupMembers[i]!;
              if (claimant.topics.includes(tp.topic)) (claimant.ownedPartitions as (typeof tp)[]).push(tp);
            }
          });
          return {
            partitionsPerTopic: Object.fromEntries(topics.map((t, i) => [t, counts[i]!])),
            members: groupMembers,
          };
        });
    });
}

const keys = (partitions: readonly { topic: string; partition: number }[]) =>
  partitions.map(formatTopicPartition);

/** Partitions of every topic someone subscribes to, printed. */
function subscribedPartitions(input: AssignmentInput): string[] {
  const topics = new Set(input.members.flatMap((m) => m.topics));
  return Object.entries(input.partitionsPerTopic)
    .filter(([topic]) => topics.has(topic))
    .flatMap(([topic, count]) => keys(partitionsOf(topic, count)));
}

function checkValid(assignor: PartitionAssignor, input: AssignmentInput, result: Assignment): void {
  expect(Object.keys(result.byMember).sort()).toEqual(input.members.map((m) => m.memberId).sort());
  const handedOut = [
    ...Object.values(result.byMember).flat(),
    ...Object.values(result.pendingRevocation ?? {}).flat(),
  ].map(formatTopicPartition);
  expect([...handedOut].sort()).toEqual(subscribedPartitions(input).sort());
  for (const m of input.members) {
    const own = result.byMember[m.memberId]!;
    for (const tp of own) expect(m.topics).toContain(tp.topic);
    expect(own).toEqual([...own].sort(compareTopicPartitions));
  }
  expect(result.pendingRevocation !== undefined).toBe(assignor.name === "cooperative-sticky");
}

describe("every assignor, on random groups", () => {
  it.each(assignorNames)("%s hands out each subscribed partition exactly once, to a subscriber", (name) => {
    const assignor = assignors[name];
    const sticky = name === "sticky" || name === "cooperative-sticky";
    fc.assert(
      fc.property(groups({ nonEmpty: sticky }), (input) => {
        const before = structuredClone(input);
        const result = assignor.assign(input);
        checkValid(assignor, input, result);
        expect(input).toEqual(before);
        expect(assignor.assign(input)).toEqual(result);
      }),
    );
  });

  it.each(["range", "roundrobin"] as const)(
    "%s does not depend on the order members are listed in",
    (name) => {
      fc.assert(
        fc.property(groups(), (input) => {
          const reversed = { ...input, members: [...input.members].reverse() };
          expect(assignors[name].assign(reversed)).toEqual(assignors[name].assign(input));
        }),
      );
    },
  );
});

describe("range, on random groups", () => {
  it("gives each topic's subscribers floor(P/C) partitions, and the first P%C of them one more, in contiguous ranges", () => {
    fc.assert(
      fc.property(groups(), (input) => {
        const result = assignors.range.assign(input);
        for (const [topic, count] of Object.entries(input.partitionsPerTopic)) {
          const subscribers = sortMembers(input.members).filter((m) => m.topics.includes(topic));
          let next = 0;
          subscribers.forEach((m, i) => {
            const expected =
              Math.floor(count / subscribers.length) + (i < count % subscribers.length ? 1 : 0);
            const got = result.byMember[m.memberId]!.filter((tp) => tp.topic === topic).map(
              (tp) => tp.partition,
            );
            expect(got).toEqual(Array.from({ length: expected }, (_, k) => next + k));
            next += expected;
          });
        }
      }),
    );
  });
});

describe("roundrobin, on random groups", () => {
  it("balances total counts to within one when subscriptions are equal", () => {
    fc.assert(
      fc.property(groups({ equal: true }), (input) => {
        expect(spread(assignors.roundrobin.assign(input))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

/**
 * The previously owned partitions a member may keep, for at most two claims per partition: a claim counts unless
 * another member claims the same partition in the same or a newer generation.
 */
function validClaims(input: AssignmentInput, memberId: string): Set<string> {
  const self = input.members.find((m) => m.memberId === memberId)!;
  const valid = self.ownedPartitions.filter((tp) =>
    input.members.every(
      (other) =>
        other === self ||
        other.generation < self.generation ||
        !other.ownedPartitions.some((o) => formatTopicPartition(o) === formatTopicPartition(tp)),
    ),
  );
  return new Set(keys(valid));
}

describe("sticky, on random groups", () => {
  it("with equal subscriptions: balances to within one, and each member keeps min(valid previous, new count) of its partitions", () => {
    // Equivalently: a member's new partitions are all previously owned, or it keeps every valid previous one.
    fc.assert(
      fc.property(groups({ equal: true, nonEmpty: true }), (input) => {
        const result = assignors.sticky.assign(input);
        expect(spread(result)).toBeLessThanOrEqual(1);
        for (const m of input.members) {
          const valid = validClaims(input, m.memberId);
          const now = new Set(keys(result.byMember[m.memberId]!));
          const kept = [...valid].filter((p) => now.has(p)).length;
          expect(kept).toBe(Math.min(valid.size, now.size));
        }
      }),
    );
  });

  it("with any subscriptions: no member with 2+ fewer partitions shares a topic with a fuller one (Kafka's verifyValidityAndBalance)", () => {
    fc.assert(
      fc.property(groups({ nonEmpty: true }), (input) => {
        expect(validityAndBalanceProblems(input, assignors.sticky.assign(input))).toEqual([]);
      }),
    );
  });
});

describe("cooperative-sticky, on random groups", () => {
  it("assigns plus withholds exactly what sticky assigns", () => {
    fc.assert(
      fc.property(groups({ nonEmpty: true }), (input) => {
        const cooperative = assignors["cooperative-sticky"].assign(input);
        const sticky = assignors.sticky.assign(input);
        for (const m of input.members) {
          const both = [...cooperative.byMember[m.memberId]!, ...cooperative.pendingRevocation![m.memberId]!];
          expect(keys(both.sort(compareTopicPartitions))).toEqual(keys(sticky.byMember[m.memberId]!));
        }
      }),
    );
  });

  it("never gives a member a partition another member still owns; withheld partitions are owned by another member", () => {
    fc.assert(
      fc.property(groups({ nonEmpty: true }), (input) => {
        const result = assignors["cooperative-sticky"].assign(input);
        for (const m of input.members) {
          const others = new Set(
            input.members.filter((o) => o !== m).flatMap((o) => keys(o.ownedPartitions)),
          );
          const mine = new Set(keys(m.ownedPartitions));
          for (const p of keys(result.byMember[m.memberId]!))
            expect(!mine.has(p) && others.has(p)).toBe(false);
          for (const p of keys(result.pendingRevocation![m.memberId]!)) expect(others.has(p)).toBe(true);
        }
      }),
    );
  });

  it("reaches an assignment with nothing withheld within four follow-up rebalances, valid and balanced", () => {
    fc.assert(
      fc.property(groups({ nonEmpty: true }), (input) => {
        let members = input.members;
        let result = assignors["cooperative-sticky"].assign(input);
        for (let round = 1; Object.values(result.pendingRevocation!).flat().length > 0; round++) {
          expect(round).toBeLessThanOrEqual(4);
          members = afterRebalance(members, result, 10 + round);
          result = assignors["cooperative-sticky"].assign({ ...input, members });
        }
        expect(validityAndBalanceProblems({ ...input, members }, result)).toEqual([]);
      }),
    );
  });
});
