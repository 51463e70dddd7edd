/**
 * The names in a step's narration that the canvas and the cluster panel can show: topology nodes, topics and
 * their partitions (`orders-1`), instances and tasks. The engine writes narration as plain text; this finds the
 * graph's known names in it, longest first (so `orders-1` wins over `orders`), as whole words, so the narration
 * bar can make them links.
 */
import type { Simulation } from "../engine";

/** What a name in the narration refers to: one or more of these (a table node may share its topic's name). */
export interface NarrationEntity {
  name: string;
  /** Topology node ids. */
  nodes: string[];
  topic: { topic: string; partition: number | null } | null;
  instance: string | null;
  task: string | null;
  producer: string | null;
}

export type NarrationSegment = { text: string; entity?: NarrationEntity };

function entityIndex(simulation: Simulation): Map<string, NarrationEntity> {
  const index = new Map<string, NarrationEntity>();
  const entry = (name: string) => {
    let found = index.get(name);
    if (!found) {
      found = { name, nodes: [], topic: null, instance: null, task: null, producer: null };
      index.set(name, found);
    }
    return found;
  };
  const { graph, model } = simulation;
  for (const node of graph.nodes) entry(node.id).nodes.push(node.id);
  for (const topic of graph.topics) {
    entry(topic.name).topic = { topic: topic.name, partition: null };
    for (let p = 0; p < topic.partitions; p++)
      entry(`${topic.name}-${p}`).topic = { topic: topic.name, partition: p };
  }
  for (const task of graph.tasks) entry(task.id).task = task.id;
  for (const instance of simulation.frameAt(0).instances) entry(instance.name).instance = instance.name;
  // Producers are not on the cluster panel, but they are canvas nodes with names in the narration.
  for (const producer of model.producers) entry(producer.id).producer = producer.id;
  return index;
}

const cache = new WeakMap<Simulation, { index: Map<string, NarrationEntity>; pattern: RegExp }>();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function namesOf(simulation: Simulation) {
  let cached = cache.get(simulation);
  if (!cached) {
    const index = entityIndex(simulation);
    // Longest first: a partition's name before its topic's, `instance-12` before `instance-1`. A name counts
    // between quotes' runs (the `"` alternative, which toggles quoting) and not inside a longer word.
    const names = [...index.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
    const alternatives = names.map(escapeRegExp).join("|");
    const pattern = new RegExp(
      names.length === 0 ? '"' : `"|(?<![A-Za-z0-9_-])(?:${alternatives})(?![A-Za-z0-9_-])`,
      "g",
    );
    cached = { index, pattern };
    cache.set(simulation, cached);
  }
  return cached;
}

/** `text` cut into plain runs and the known names in it, in order; joined back, the segments are `text`. */
export function narrationSegments(simulation: Simulation, text: string): NarrationSegment[] {
  const { index, pattern } = namesOf(simulation);
  const segments: NarrationSegment[] = [];
  let plain = "";
  let from = 0;
  // Names inside a record's JSON ("customer":"c4") are data, not the graph's: no links there.
  let quoted = false;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const found = match[0];
    plain += text.slice(from, match.index);
    from = match.index + found.length;
    if (found === '"') {
      quoted = !quoted;
      plain += found;
    } else if (quoted) {
      plain += found;
    } else {
      if (plain !== "") segments.push({ text: plain });
      plain = "";
      segments.push({ text: found, entity: index.get(found)! });
    }
  }
  plain += text.slice(from);
  if (plain !== "") segments.push({ text: plain });
  return segments;
}
