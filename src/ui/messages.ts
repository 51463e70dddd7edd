/**
 * Every user-facing string of the UI, by id, so a translation is one more object of the same shape. `{name}`
 * marks a parameter. (Narration comes from the engine and is not in this catalogue.)
 */
export const en = {
  appName: "Topolab",
  lessonLabel: "Lesson",
  lessonFromLink: "Scenario from a link",
  lessonChoose: "Choose a lesson…",
  copyLink: "Copy link",
  linkCopied: "Link copied",
  copyLinkFallback: "Copy this link:",

  stepBack: "Step back",
  stepForward: "Step forward",
  play: "Play",
  pause: "Pause",
  goToStart: "Go to start",
  goToEnd: "Go to end",
  scrubber: "Step",
  speedLabel: "Speed",
  speedOption: "{n} steps/s",
  stepIndicator: "Step {cursor} / {total}",
  playbackControls: "Playback",
  jumpLabel: "Jump to",
  jumpDrop: "Drop",
  jumpWrite: "Write",
  jumpBuffer: "Buffer",
  jumpCommit: "Commit",
  jumpRebalance: "Rebalance",
  jumpCrash: "Crash, stop or restart",
  jumpReprocess: "Reprocessed record",
  previousMatch: "Previous match",
  nextMatch: "Next match",

  shortcutsButton: "Keyboard shortcuts",
  shortcutsTitle: "Keyboard shortcuts",
  shortcutsClose: "Close",
  shortcutsKeysColumn: "Keys",
  shortcutsActionColumn: "Action",
  shortcutStep: "Step forward / back",
  shortcutPlay: "Play or pause",
  shortcutEnds: "Go to the start / the end",
  shortcutMatch: "Next / previous match (of the “Jump to” kind)",
  shortcutEscape: "Close the record inspector or this dialog",
  shortcutHelp: "Show this help",
  keySpace: "Space",

  narrationStart: "Start: {title} — press Step forward (→)",
  wallClock: "t = {time} ms",
  narrationLabel: "What just happened",

  canvasLabel: "Topology",
  simulating: "Simulating… {percent}%",
  simulatingLabel: "Simulating {title}",
  counterIn: "in",
  counterOut: "out",
  counterDropped: "dropped",
  countersTitle: "{in} in, {out} out, {dropped} dropped",
  topicRoleInput: "input topic",
  topicRoleOutput: "output topic",
  topicRoleIntermediate: "topic",
  partitionTitle: "{partition}: {count} records",
  olderRecords: "+{count}",
  recordTitle: "offset {offset}, key {key}",
  recordChipLabel: "{partition} offset {offset}, key {key}",
  producerTitle: "producer",
  producerBuffered: "{count} buffered",

  sidePanelLabel: "Cluster",
  tasksTitle: "Tasks",
  taskHeading: "{task} on {instance}",
  noTasks: "No tasks yet.",
  streamTime: "stream time {time}",
  operatorWatermark: "{node} watermark {time}",
  operatorStreamTime: "{node} stream time {time}",
  timeMs: "{time} ms",
  timeUnknown: "none yet",
  windowLine: "{node} {bounds} {key} = {value}",
  windowClosed: "closed",
  windowEmitted: "emitted ×{count}",
  nobody: "nobody",
  columnPartition: "Partition",
  columnPosition: "Position",
  columnCommitted: "Committed",
  columnBuffered: "Buffered",
  producersTitle: "Producer buffers",
  bufferEmpty: "empty",
  bufferCount: "{count} waiting",
  scenarioAbout: "About this scenario",

  inspectorLabel: "Record inspector",
  inspectorTitle: "Record",
  inspectorClose: "Close the record inspector (Esc)",
  fieldPartition: "Topic-partition",
  fieldOffset: "Offset",
  fieldKey: "Key",
  fieldValue: "Value",
  fieldTimestamp: "Timestamp",
  fieldAppendTime: "Append time",
  milliseconds: "{ms} ms",
  lineageTitle: "Lineage",
  lineageLabel: "Lineage of {partition} offset {offset}",
  lineageJump: "Go to step {n}: {summary}",
  lineageProduced: "produced by {producer} to {partition}",
  lineageBuffered: "buffered by {producer}",
  lineageAppended: "appended to {partition} at offset {offset}",
  lineageFetched: "fetched by {instance} (task {task})",
  lineageProcessed: "processed at {node}",
  lineageFiltered: "filtered out at {node}",
  lineageBranched: "branched to {branch} at {node}",
  lineageUnmatched: "matched no branch at {node}",
  lineageWritten: "written to {partition} by {node}",
  lineageFailed: "failed at {node}",
  lineageCommitted: "offset {offset} of {partition} committed",
  lineageRefetched: "fetched again by {instance} (task {task}): reprocessed",
  lineageReset: "{instance} reset its position to offset {offset}",
  lineageGroup: "group: {kind}",
  lineageSkipped: "skipped by task {task}: {reason}",
  lineageTime: "time: {kind}",
  lineageWindow: "{kind} at {node}",

  problemLink: "This share link cannot be opened",
  problemScenario: "This scenario is not valid",
  problemSimulation: "This scenario could not run",
  problemWhole: "(the whole scenario)",
  openDefaultLesson: "Open the first lesson",
} as const;

export type MessageId = keyof typeof en;
export type Messages = Record<MessageId, string>;

let catalogue: Messages = en;

/** Switches the catalogue (e.g. to a translation); the default is English. */
export function setMessages(messages: Messages): void {
  catalogue = messages;
}

/** The message `id`, with `{name}` parameters filled in. */
export function t(id: MessageId, params: Record<string, string | number> = {}): string {
  return catalogue[id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
