/**
 * Test helper: invariants every run must keep, read from its trace. Each returns the violations it found as
 * readable lines (empty: none), so a failing property prints what went wrong and where.
 */
import type { Simulation } from "../../engine/simulation";
import type { RecordedRun } from "../../engine/trace/recordedRun";
import type { TraceStep } from "../../engine/trace/traceEvent";

const WINDOW_KINDS = new Set<string>([
  "windowUpdated",
  "windowEmitted",
  "recordLate",
  "recordToLateSideOutput",
  "sessionMerged",
  "windowClosed",
  "windowExpired",
  "windowAggregationFailed",
  "windowRecordSkipped",
]);

/** The record ids a source (or a table) took from a partition: what was fetched and then processed. */
function takenBySource(sim: Simulation, steps: readonly TraceStep[]): Set<number> {
  const taken = new Set<number>();
  for (const s of steps) {
    if (s.kind === "recordProcessed" && s.fromNode === null) taken.add(s.input);
    if ((s.kind === "recordStored" || s.kind === "recordUnjoined") && s.fromNode === null) {
      taken.add(s.record);
      taken.add(sim.record(s.record).parent);
    }
  }
  return taken;
}

export function allSteps(sim: Simulation): TraceStep[] {
  return Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
}

/**
 * No record lost: every produced record reaches the broker; every offset of every partition the application reads
 * is taken by its source (or skipped by the timestamp extractor, with a reason); and every record a node passes on
 * arrives at each node reading that output, where a step says what became of it (processed, filtered, unmatched,
 * failed, stored, joined, unjoined, written, late, …).
 */
export function lostRecords(sim: Simulation, steps: readonly TraceStep[]): string[] {
  const problems: string[] = [];
  const appended = new Set<number>();
  for (const s of steps) if (s.kind === "recordAppended") appended.add(s.record);
  for (const s of steps)
    if (s.kind === "recordProduced" && !appended.has(s.record))
      problems.push(`record ${s.record} produced at step ${s.step} never reached the broker`);

  // Source level.
  const taken = takenBySource(sim, steps);
  const skipped = new Set<string>();
  const fetchedIds = new Map<string, number[]>();
  for (const s of steps) {
    if (s.kind === "recordSkipped") skipped.add(`${s.topic}-${s.partition}@${s.offset}`);
    if (s.kind === "recordFetched" || s.kind === "recordRefetched") {
      const at = `${s.topic}-${s.partition}@${s.offset}`;
      fetchedIds.set(at, [...(fetchedIds.get(at) ?? []), s.record]);
    }
  }
  const readTopics = new Set<string>();
  for (const node of sim.model.app.topology) {
    if (node.op === "source") for (const t of node.topics) readTopics.add(t);
    if (node.op === "table") readTopics.add(node.topic);
  }
  for (const topic of readTopics) {
    sim.logs[topic]!.forEach((log, partition) => {
      for (let offset = 0; offset < log.length; offset++) {
        const at = `${topic}-${partition}@${offset}`;
        if (skipped.has(at)) continue;
        if (!(fetchedIds.get(at) ?? []).some((id) => taken.has(id)))
          problems.push(`${at} was never taken by its source`);
      }
    });
  }

  // Node level: every emission arrives at each reader of that output.
  const readers = new Map<string, string[]>();
  const singleInput = new Map<string, string>();
  for (const node of sim.model.app.topology) {
    node.inputs.forEach((input, i) => {
      // A joinTable's table input is silent: the table step already recorded the update.
      if (node.op === "joinTable" && i === 1) return;
      const port = `${input.node}/${input.branch ?? ""}`;
      readers.set(port, [...(readers.get(port) ?? []), node.id]);
    });
    if (node.inputs.length === 1) singleInput.set(node.id, node.inputs[0]!.node);
  }
  const arrivals = new Set<string>();
  const arrive = (node: string, from: string | null | undefined, record: number) =>
    arrivals.add(`${node}<${from ?? ""}<${record}`);
  const emissions: [node: string, port: string, record: number, step: number][] = [];
  for (const s of steps) {
    switch (s.kind) {
      case "recordProcessed":
        if (s.fromNode !== null) arrive(s.node, s.fromNode, s.input);
        emissions.push([s.node, "", s.record, s.step]);
        break;
      case "recordBranched":
        arrive(s.node, s.fromNode, s.record);
        emissions.push([s.node, s.branch, s.record, s.step]);
        break;
      case "recordFiltered":
      case "recordUnmatched":
      case "userFunctionFailed":
      case "recordStored":
      case "recordUnjoined":
        if (s.fromNode !== null) arrive(s.node, s.fromNode, s.record);
        break;
      case "recordWritten":
        arrive(s.node, s.fromNode, sim.record(s.record).parent);
        break;
      case "recordJoined":
        arrive(s.node, s.fromNode, s.input);
        emissions.push([s.node, "", s.record, s.step]);
        break;
      default:
        if (!WINDOW_KINDS.has(s.kind) || !("output" in s)) break;
        if (s.input !== null) arrive(s.node, singleInput.get(s.node), s.input);
        if (s.kind === "recordToLateSideOutput" && s.input !== null)
          emissions.push([s.node, "late", s.input, s.step]);
        else if (s.record !== null && s.record !== s.input) emissions.push([s.node, "", s.record, s.step]);
    }
  }
  for (const [node, port, record, step] of emissions) {
    for (const reader of readers.get(`${node}/${port}`) ?? []) {
      if (!arrivals.has(`${reader}<${node}<${record}`))
        problems.push(
          `record ${record} sent by ${node}${port ? `.${port}` : ""} at step ${step} never arrived at ${reader}`,
        );
    }
  }
  return problems;
}

/**
 * Duplicates only after the last commit: a partition offset is processed (taken by its source) once, unless it is
 * fetched again after a failover (`recordRefetched`) — and only an offset already processed is refetched, at or
 * past the committed offset. A record written by a sink is marked reprocessed exactly when it descends from such a
 * second fetch. (Fetched records an instance dropped unprocessed at a rebalance are fetched again plainly: that
 * is no duplicate.)
 */
export function unexpectedDuplicates(sim: Simulation, steps: readonly TraceStep[]): string[] {
  const problems: string[] = [];
  /** Offsets some source has processed so far, and where each fetched record id sits. */
  const processedOffsets = new Set<string>();
  const fetchedAt = new Map<number, string>();
  const refetched = new Set<number>();
  const took = (id: number) => {
    const at = fetchedAt.get(id) ?? fetchedAt.get(sim.record(id).parent);
    if (at !== undefined) processedOffsets.add(at);
  };
  for (const s of steps) {
    if (s.kind === "recordProcessed" && s.fromNode === null) took(s.input);
    if ((s.kind === "recordStored" || s.kind === "recordUnjoined") && s.fromNode === null) took(s.record);
    // A skipped record's offset is consumed too (RecordQueue drops it): fetching it again repeats the skip.
    if (s.kind === "recordSkipped") processedOffsets.add(`${s.topic}-${s.partition}@${s.offset}`);
    if (s.kind !== "recordFetched" && s.kind !== "recordRefetched") continue;
    const at = `${s.topic}-${s.partition}@${s.offset}`;
    fetchedAt.set(s.record, at);
    if (s.kind === "recordFetched") {
      if (processedOffsets.has(at))
        problems.push(`${at} fetched at step ${s.step} to be processed again, but not marked refetched`);
      continue;
    }
    refetched.add(s.record);
    if (!processedOffsets.has(at)) problems.push(`${at} refetched at step ${s.step} though never processed`);
    const partition = sim
      .frameAt(s.step)
      .tasks.flatMap((t) => t.partitions)
      .find((p) => p.topic === s.topic && p.partition === s.partition);
    if (partition && s.offset < partition.committed)
      problems.push(`${at} refetched at step ${s.step} below the committed offset ${partition.committed}`);
  }
  const descendsFromRefetch = (id: number): boolean => {
    for (let v = id; v >= 0; v = sim.record(v).parent) if (refetched.has(v)) return true;
    return false;
  };
  for (const s of steps) {
    if (s.kind !== "recordWritten") continue;
    const reprocessed = sim.record(s.record).reprocessed;
    if (reprocessed !== descendsFromRefetch(s.record))
      problems.push(`write at step ${s.step}: reprocessed is ${reprocessed}, but its lineage says otherwise`);
  }
  return problems;
}

/**
 * Time never goes back: a task's stream time only grows while it runs, and a task resuming from a commit restores
 * at most what it had reached and never less than an earlier restore (the committed partition times only grow);
 * each windowed operator's own stream time grows between restores of its store; every watermark (per source
 * partition, per operator and task) only grows, across failovers too.
 */
export function timeGoingBack(steps: readonly TraceStep[]): string[] {
  const problems: string[] = [];
  const streamTime = new Map<string, number>();
  const reached = new Map<string, number>();
  const restored = new Map<string, number>();
  const operatorTime = new Map<string, number>();
  const watermark = new Map<string, number>();
  for (const s of steps) {
    if (s.kind === "streamTimeAdvanced") {
      const before = streamTime.get(s.task) ?? Number.NEGATIVE_INFINITY;
      if (s.streamTimeMs < before)
        problems.push(
          `task ${s.task}: stream time went from ${before} to ${s.streamTimeMs} at step ${s.step}`,
        );
      streamTime.set(s.task, s.streamTimeMs);
      reached.set(s.task, Math.max(reached.get(s.task) ?? s.streamTimeMs, s.streamTimeMs));
    } else if (s.kind === "streamTimeRestored") {
      const floor = restored.get(s.task) ?? Number.NEGATIVE_INFINITY;
      const ceiling = reached.get(s.task) ?? Number.POSITIVE_INFINITY;
      if (s.streamTimeMs < floor || s.streamTimeMs > ceiling)
        problems.push(
          `task ${s.task}: stream time restored to ${s.streamTimeMs} at step ${s.step}, outside [${floor}, ${ceiling}]`,
        );
      restored.set(s.task, s.streamTimeMs);
      streamTime.set(s.task, s.streamTimeMs);
    } else if (s.kind === "windowStoreRestored") {
      operatorTime.delete(`${s.node}@${s.task}`);
    } else if (s.kind === "watermarkAdvanced") {
      const channel = s.node === null ? `${s.topic}-${s.partition}` : `${s.node}@${s.task}`;
      const before = watermark.get(channel) ?? Number.NEGATIVE_INFINITY;
      if (s.watermarkMs < before)
        problems.push(`watermark of ${channel} went from ${before} to ${s.watermarkMs} at step ${s.step}`);
      watermark.set(channel, Math.max(before, s.watermarkMs));
    } else if (WINDOW_KINDS.has(s.kind) && "output" in s && s.output.time.semantics === "kafka-streams") {
      const key = `${s.node}@${s.task}`;
      const before = operatorTime.get(key) ?? Number.NEGATIVE_INFINITY;
      const now = s.output.time.streamTime;
      if (now < before)
        problems.push(`operator ${key}: stream time went from ${before} to ${now} at step ${s.step}`);
      operatorTime.set(key, Math.max(before, now));
    }
  }
  return problems;
}

/**
 * One owner per task per generation: the generations the coordinator completed give every task at most one
 * member; within a generation one instance fetches a task's partitions; and at every sampled cursor no two
 * instances hold the same task.
 */
export function sharedOwnership(sim: Simulation, steps: readonly TraceStep[], samples = 200): string[] {
  const problems: string[] = [];
  for (const generation of sim.groupHistory().generations) {
    const owned = generation.members.flatMap((member) => member.tasks);
    if (new Set(owned).size !== owned.length)
      problems.push(`generation ${generation.generation} gives a task to two members: ${owned.join(", ")}`);
  }
  let generation = 0;
  const fetcher = new Map<string, string>();
  for (const s of steps) {
    if (s.kind === "groupChanged" && s.event.kind === "generationCompleted") generation = s.event.generation;
    if (s.kind !== "recordFetched" && s.kind !== "recordRefetched") continue;
    const key = `${generation}/${s.task}`;
    const seen = fetcher.get(key);
    if (seen === undefined) fetcher.set(key, s.instance);
    else if (seen !== s.instance)
      problems.push(`task ${s.task} fetched by ${seen} and ${s.instance} in generation ${generation}`);
  }
  const every = Math.max(1, Math.ceil(sim.stepCount / samples));
  for (let cursor = 0; cursor <= sim.stepCount; cursor += every) {
    const frame = sim.frameAt(cursor);
    const held = frame.instances.flatMap((instance) => instance.tasks);
    if (new Set(held).size !== held.length)
      problems.push(`at cursor ${cursor} two instances hold one task: ${held.join(", ")}`);
  }
  return problems;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  const x = bytesOf(a);
  const y = bytesOf(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Typed arrays byte for byte, arrays and objects item by item, everything else as JSON. */
function sameData(a: unknown, b: unknown): boolean {
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b))
    return ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && sameBytes(a, b);
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]))
    );
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    return (
      sameData(keys, Object.keys(b)) &&
      keys.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The columns of two recorded runs that differ, byte for byte (typed arrays) or as JSON (the rest). */
export function differingColumns(a: RecordedRun, b: RecordedRun): string[] {
  const differ: string[] = [];
  const columns = [
    "kinds",
    "a",
    "b",
    "c",
    "timeRunStarts",
    "timeRunValues",
    "timestamps",
    "parents",
    "creators",
  ] as const;
  for (const name of columns) if (!sameBytes(a.trace[name], b.trace[name])) differ.push(`trace.${name}`);
  for (const name of ["versionValues", "extras", "notes"] as const)
    if (!sameData(a.trace[name], b.trace[name])) differ.push(`trace.${name}`);
  if (a.logs.length !== b.logs.length) differ.push("logs");
  a.logs.forEach((log, i) => {
    const other = b.logs[i];
    if (!other || !sameBytes(log.ids, other.ids) || !sameBytes(log.appendTimes, other.appendTimes))
      differ.push(`logs[${i}]`);
  });
  if (JSON.stringify(a.assignment) !== JSON.stringify(b.assignment)) differ.push("assignment");
  return differ;
}
