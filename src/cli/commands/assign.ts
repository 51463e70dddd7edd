/**
 * `assign`: what a consumer group's partition assignor decides, for topics and members given on the command line.
 *
 * The members reach the assignor in the order given, which is the coordinator's JoinGroup order: only the sticky
 * assignors can notice it (they break some ties in Java `HashMap` order). Members with `--owned` partitions report
 * them with generation `--generation N` (default 1); the others join as new members (generation -1).
 */
import {
  type Assignment,
  type AssignorName,
  assignorNames,
  DEFAULT_GENERATION,
  findAssignor,
  formatTopicPartition,
  type GroupMember,
  type TopicPartition,
} from "../../engine";
import { ExitCode, UsageError } from "../cliError";
import type { Command } from "../command";
import { assignmentText, sortedMembers } from "../format/assignmentText";
import { compactJson } from "../format/compactJson";
import { parseIntegerOption, parseOptions } from "../parseOptions";
import { MAX_PARTITIONS } from "./partition";

const MAX_GENERATION = 2_147_483_647;
const DEFAULT_OWNED_GENERATION = 1;
/** Kafka's `Topic.validate`: at most 249 characters. */
const MAX_TOPIC_NAME_LENGTH = 249;
/** Kafka's legal characters for topic names and `group.instance.id`; we use them for member ids too. */
const LEGAL_NAME = /^[A-Za-z0-9._-]+$/;

const TOPIC_SYNTAX = "<name>:<partitions>";
const MEMBER_SYNTAX = "<member-id>[@<instance-id>][:<topic>,<topic>...]";
const OWNED_SYNTAX = "<member-id>=<topic>-<partition>,<topic>-<partition>...";

/** `parseOptions` types a repeatable option as one string; `parseArgs` gives every occurrence, in order. */
function repeated(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function assignorsToRun(name: string | undefined): AssignorName[] {
  if (name === undefined) throw new UsageError("assign needs --assignor <name|all>");
  if (name === "all") return [...assignorNames];
  const assignor = findAssignor(name);
  if (assignor === undefined) {
    throw new UsageError(`unknown assignor ${quoted(name)} (assignors: ${assignorNames.join(", ")}, or all)`);
  }
  return [assignor.name as AssignorName];
}

/** `--topic orders:3` → orders has 3 partitions; in the order given. */
function parseTopics(specs: readonly string[]): Map<string, number> {
  if (specs.length === 0) throw new UsageError(`assign needs at least one --topic ${TOPIC_SYNTAX}`);
  const topics = new Map<string, number>();
  for (const spec of specs) {
    const colon = spec.lastIndexOf(":");
    if (colon <= 0 || colon === spec.length - 1) {
      throw new UsageError(`--topic must be ${TOPIC_SYNTAX}, got ${quoted(spec)}`);
    }
    const name = spec.slice(0, colon);
    if (!LEGAL_NAME.test(name) || name.length > MAX_TOPIC_NAME_LENGTH || name === "." || name === "..") {
      throw new UsageError(
        `--topic ${quoted(spec)}: a topic name is 1 to ${MAX_TOPIC_NAME_LENGTH} characters of [A-Za-z0-9._-], other than "." and ".."`,
      );
    }
    const partitions = parseIntegerOption(
      `--topic ${quoted(spec)}: the partition count`,
      spec.slice(colon + 1),
      1,
      MAX_PARTITIONS,
    );
    if (topics.has(name))
      throw new UsageError(`--topic ${quoted(spec)}: topic ${quoted(name)} is given twice`);
    topics.set(name, partitions);
  }
  return topics;
}

function undeclaredTopic(option: string, topic: string, topics: ReadonlyMap<string, number>): UsageError {
  return new UsageError(
    `${option}: topic ${quoted(topic)} is not declared with --topic (topics: ${[...topics.keys()].join(", ")})`,
  );
}

/** `--member C0@i-0:t0,t1`; the members in the order given, subscribed to every topic unless they list theirs. */
function parseMembers(specs: readonly string[], topics: ReadonlyMap<string, number>): GroupMember[] {
  if (specs.length === 0) throw new UsageError(`assign needs at least one --member ${MEMBER_SYNTAX}`);
  const members: GroupMember[] = [];
  const byInstance = new Map<string, string>();
  for (const spec of specs) {
    const colon = spec.indexOf(":");
    const head = colon < 0 ? spec : spec.slice(0, colon);
    const at = head.indexOf("@");
    const memberId = at < 0 ? head : head.slice(0, at);
    const instanceId = at < 0 ? null : head.slice(at + 1);
    const listed = colon < 0 ? null : spec.slice(colon + 1).split(",");
    const names = [memberId, ...(instanceId === null ? [] : [instanceId]), ...(listed ?? [])];
    if (!names.every((name) => LEGAL_NAME.test(name))) {
      throw new UsageError(
        `--member must be ${MEMBER_SYNTAX}, with ids and topics of [A-Za-z0-9._-], got ${quoted(spec)}`,
      );
    }
    if (memberId === "__proto__")
      throw new UsageError(`--member ${quoted(spec)}: "__proto__" cannot be a member id`);
    if (members.some((m) => m.memberId === memberId)) {
      throw new UsageError(`--member ${quoted(spec)}: member id ${quoted(memberId)} is given twice`);
    }
    if (instanceId !== null) {
      const other = byInstance.get(instanceId);
      if (other !== undefined) {
        throw new UsageError(
          `--member ${quoted(spec)}: instance id ${quoted(instanceId)} is already ${other}'s`,
        );
      }
      byInstance.set(instanceId, memberId);
    }
    for (const topic of listed ?? []) {
      if (!topics.has(topic)) throw undeclaredTopic(`--member ${quoted(spec)}`, topic, topics);
    }
    members.push({
      memberId,
      groupInstanceId: instanceId,
      topics: [...new Set(listed ?? topics.keys())],
      ownedPartitions: [],
      generation: DEFAULT_GENERATION,
    });
  }
  return members;
}

/** `--owned C0=t0-0,t1-2` (the partition number is after the last `-`); repeated for one member, the lists add up. */
function parseOwned(
  specs: readonly string[],
  topics: ReadonlyMap<string, number>,
  members: readonly GroupMember[],
): Map<string, TopicPartition[]> {
  const owned = new Map<string, TopicPartition[]>();
  for (const spec of specs) {
    const equals = spec.indexOf("=");
    const memberId = spec.slice(0, equals);
    const partitions = spec
      .slice(equals + 1)
      .split(",")
      .map((name) => {
        const dash = name.lastIndexOf("-");
        return { name, topic: name.slice(0, dash), index: name.slice(dash + 1) };
      });
    if (equals <= 0 || partitions.some((p) => p.topic === "" || !/^\d+$/.test(p.index))) {
      throw new UsageError(`--owned must be ${OWNED_SYNTAX}, got ${quoted(spec)}`);
    }
    if (!members.some((m) => m.memberId === memberId)) {
      const ids = members.map((m) => m.memberId).join(", ");
      throw new UsageError(`--owned ${quoted(spec)}: unknown member ${quoted(memberId)} (members: ${ids})`);
    }
    const list = owned.get(memberId) ?? [];
    for (const { name, topic, index } of partitions) {
      const count = topics.get(topic);
      if (count === undefined) throw undeclaredTopic(`--owned ${quoted(spec)}`, topic, topics);
      const partition = Number(index);
      if (partition >= count) {
        throw new UsageError(
          `--owned ${quoted(spec)}: ${name} does not exist (${topic} has ${plural(count, "partition")})`,
        );
      }
      list.push({ topic, partition });
    }
    owned.set(memberId, list);
  }
  return owned;
}

/** `{"<assignor>": {"<member-id>": ["<topic>-<p>", ...]}, ..., "cooperative-sticky/pending": {...}}`. */
function assignmentJson(
  members: readonly GroupMember[],
  results: readonly { name: AssignorName; assignment: Assignment }[],
): Record<string, Record<string, string[]>> {
  const sorted = sortedMembers(members);
  const printed = (byMember: Record<string, TopicPartition[]>) =>
    Object.fromEntries(
      sorted.map((m) => [m.memberId, (byMember[m.memberId] ?? []).map(formatTopicPartition)]),
    );
  const json: Record<string, Record<string, string[]>> = {};
  for (const { name, assignment } of results) json[name] = printed(assignment.byMember);
  for (const { name, assignment } of results) {
    if (name === "cooperative-sticky") json[`${name}/pending`] = printed(assignment.pendingRevocation ?? {});
  }
  return json;
}

export const assignCommand: Command = {
  name: "assign",
  synopsis: `assign --assignor <name|all> --topic ${TOPIC_SYNTAX}... --member ${MEMBER_SYNTAX}... [--owned ${OWNED_SYNTAX}]... [--generation N] [--json]`,
  summary: "Print how a consumer group's partition assignor splits the topics' partitions among the members.",
  details: [
    `--assignor NAME  ${assignorNames.join(", ")}, or all to show them side by side (required)`,
    `--topic T:N      a topic and its partition count, 1 ≤ N ≤ ${MAX_PARTITIONS} (required, repeatable)`,
    "--member M       a member id, @<instance-id> for a static member (group.instance.id), and the topics it",
    "                 subscribes to after : (default: every --topic) (required, repeatable)",
    "--owned M=T-P,…  partitions member M owned before this rebalance; only the sticky assignors read them",
    `--generation N   the generation of every --owned partition, 0 ≤ N ≤ ${MAX_GENERATION} (default ${DEFAULT_OWNED_GENERATION})`,
    '--json           print {"<assignor>": {"<member-id>": ["<topic>-<p>", …]}, …} instead',
    "Members reach the assignor in the order given (the JoinGroup order), which only the sticky assignors notice.",
    "Rows are sorted as Kafka sorts members: static members by instance id, then dynamic members by member id.",
    "cooperative-sticky marks partitions it withholds until the follow-up rebalance as (pending: …).",
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      assignor: { type: "string" },
      topic: { type: "string", multiple: true },
      member: { type: "string", multiple: true },
      owned: { type: "string", multiple: true },
      generation: { type: "string" },
      json: { type: "boolean" },
    });
    if (positionals.length > 0) {
      throw new UsageError(`assign takes only options; unexpected ${positionals.map(quoted).join(" ")}`);
    }
    const names = assignorsToRun(values.assignor);
    const topics = parseTopics(repeated(values.topic));
    const members = parseMembers(repeated(values.member), topics);
    const owned = parseOwned(repeated(values.owned), topics, members);
    const generation =
      values.generation === undefined
        ? DEFAULT_OWNED_GENERATION
        : parseIntegerOption("--generation", values.generation, 0, MAX_GENERATION);
    const group = members.map((member): GroupMember => {
      const partitions = owned.get(member.memberId);
      return partitions === undefined ? member : { ...member, ownedPartitions: partitions, generation };
    });
    const partitionsPerTopic = Object.fromEntries(topics);
    const results = names.map((name) => ({
      name,
      assignment: findAssignor(name)!.assign({ partitionsPerTopic, members: group }),
    }));
    await io.stdout(
      values.json ? `${compactJson(assignmentJson(group, results))}\n` : assignmentText(group, results),
    );
    return ExitCode.ok;
  },
};
