/**
 * Every user-facing string of the UI, by id, so a translation is one more object of the same shape
 * (`messages.ja.ts`; a test checks that every catalogue has the same ids and parameters). `{name}` marks a
 * parameter. Narration, validation errors and scenario titles come from the engine and the scenario, in English:
 * they are not in the catalogue, and the UI marks them `lang="en"`.
 */
export const en = {
  appName: "Topolab",
  lessonLabel: "Lesson",
  lessonFromLink: "Scenario from a link",
  lessonChoose: "Choose a lesson…",
  copyLink: "Copy link",
  linkCopied: "Link copied",
  copyLinkFallback: "Copy this link:",
  languageLabel: "Language",

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
  inFlight: "{count} in flight",
  inFlightHelp:
    "{sending} sent and not yet in a partition; {waiting} in partitions the application reads, not yet processed",
  playbackControls: "Playback",
  jumpLabel: "Jump to",
  jumpDrop: "Drop",
  jumpWrite: "Write",
  jumpBuffer: "Buffer",
  jumpCommit: "Commit",
  jumpRebalance: "Rebalance",
  jumpCrash: "Crash, stop or restart",
  jumpReprocess: "Reprocessed record",
  jumpKey: "Key…",
  jumpKeyLabel: "Key to jump to",
  breakpointsSummary: "Breakpoints ({count})",
  breakpointsLegend: "Pause playing at a step of these kinds",
  previousMatch: "Previous match",
  nextMatch: "Next match",
  withShortcut: "{label} ({key})",

  shortcutsButton: "Keyboard shortcuts",
  shortcutsTitle: "Keyboard shortcuts",
  shortcutsClose: "Close",
  shortcutsKeysColumn: "Keys",
  shortcutsActionColumn: "Action",
  shortcutStep: "Step forward / back",
  shortcutTick: "Step by wall-clock tick: everything that happened at the next / previous instant",
  shortcutRecord: "Next / previous step of the selected record (or the shown step's record)",
  shortcutPlay: "Play or pause",
  shortcutEnds: "Go to the start / the end",
  shortcutMatch: "Next / previous match (of what “Jump to” names)",
  shortcutEscape: "Close the record inspector or this dialog",
  shortcutHelp: "Show this help",
  keySpace: "Space",

  narrationStart: "Start: {title} — press Step forward (→)",
  wallClock: "t = {time} ms",
  narrationLabel: "What just happened",

  canvasLabel: "Topology",
  canvasControls: "Canvas controls",
  zoomIn: "Zoom in",
  zoomOut: "Zoom out",
  fitView: "Fit the topology in view",
  miniMap: "Overview of the topology",
  nodeHandle: "Connection point",
  simulating: "Simulating… {percent}%",
  simulatingLabel: "Simulating {title}",
  counterIn: "in",
  counterOut: "out",
  counterDropped: "dropped",
  countersTitle: "{in} in, {out} out, {dropped} dropped",
  topicRoleInput: "input topic",
  topicRoleOutput: "output topic",
  topicRoleIntermediate: "topic",
  topicRoleRepartition: "repartition topic",
  partitionTitle: "{partition}: {count} records",
  olderRecords: "+{count}",
  recordTitle: "offset {offset}, key {key}",
  recordChipLabel: "{partition} offset {offset}, key {key}",
  producerTitle: "producer",
  producerBuffered: "{count} buffered",

  sidePanelLabel: "Cluster",
  clusterTitle: "Cluster",
  noGeneration: "No consumer-group generation yet.",
  generationNow: "Generation {generation}",
  instanceRunning: "running",
  instanceCrashed: "crashed",
  instanceStopped: "stopped",
  instanceNotStarted: "not started",
  instanceIdle: "idle: no task",
  instanceNoTasks: "no tasks",
  memberId: "member {member}",
  taskUnowned: "not assigned",
  taskOwner: "on {instance}",
  taskOwnerStopped: "on {instance} (not running: unconsumed)",
  columnLag: "Lag",
  columnLagHelp: "Log-end offset minus the committed offset",
  historyTitle: "Group history",
  atTime: "{time} ms",
  historyGeneration: "generation {generation} ({reason}): {owners}",
  historyJoined: "{instance} joined",
  historyCrashed: "{instance} crashed",
  historyLeft: "{instance} shut down",
  historyRestarted: "{instance} restarted",
  historySessionExpired: "{instance}'s session expired",
  reprocessedNote: "(reprocessed after a failover: a duplicate)",
  columnPartition: "Partition",
  columnPosition: "Fetch",
  columnPositionHelp: "The next offset the consumer fetches",
  columnCommitted: "Commit",
  columnCommittedHelp: "The last committed offset: where a new owner or a restart resumes",
  columnBuffered: "Waiting",
  columnBufferedHelp: "Records fetched but not processed yet",
  producersTitle: "Producer buffers",
  bufferEmpty: "empty",
  bufferCount: "{count} waiting",
  scenarioAbout: "About this scenario",

  inspectorLabel: "Record inspector",
  inspectorTitle: "Record",
  inspectorWhere: "{partition} offset {offset}",
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
  lineageStored: "stored at {node} (task {task})",
  lineageJoined: "joined at {node} (task {task})",
  lineageUnjoined: "not joined at {node} (task {task})",
  lineageCommitted: "offset {offset} of {partition} committed",
  lineageRefetched: "fetched again by {instance} (task {task}): reprocessed",
  lineageReset: "{instance} reset its position to offset {offset}",
  lineageGroup: "group: {kind}",

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

/** The `{name}` parameters of a message, sorted (a translation must use the same ones). */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** The message `id`, with `{name}` parameters filled in. */
export function t(id: MessageId, params: Record<string, string | number> = {}): string {
  return catalogue[id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
