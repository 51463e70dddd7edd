/**
 * Sizes of the canvas's nodes in flow units. The node components render at exactly these sizes and the flight
 * overlay computes partition lanes from them, so the two always agree.
 */
export const OPERATOR_SIZE = { width: 136, height: 70 } as const;
export const PRODUCER_SIZE = { width: 120, height: 46 } as const;
/** Space between a producer and its topic below it, and between producers side by side. */
export const PRODUCER_GAP = 26;

export const TOPIC_WIDTH = 264;
export const TOPIC_HEADER = 36;
export const TOPIC_LANE = 30;
export const TOPIC_PADDING = 8;
/**
 * Lanes a topic node shows at once. A topic with more partitions shows this many in a list that scrolls; only the
 * lanes in view (and a few around them) are rendered, so a topic of 64 partitions costs what one of 8 does.
 */
export const LANES_SHOWN = 8;

/** From `flow.css`: a lane's left padding, its right padding (the slot where arriving records wait) and gaps. */
const LANE_PADDING_LEFT = 10;
const LANE_PADDING_RIGHT = 18;
const LANE_GAP = 6;
/** From `flow.css`: the lane name's monospace advance (11 px), and the record count's width. */
const LANE_NAME_CHAR = 6.7;
const LANE_COUNT_WIDTH = 30;
/** From `flow.css`: a chip's monospace advance (11 px), its padding + border + inner gap, and the gap after it. */
const CHIP_CHAR = 6.7;
const CHIP_CHROME = 14;
const CHIP_REPROCESSED = 11;
export const CHIP_GAP = 3;

/** A lane's name as the lane shows it: `payments-0`, or `p0` when the topic's name is long (its header names it). */
export function laneLabel(topic: string, partition: number): string {
  return topic.length > LONG_TOPIC_NAME ? `p${partition}` : `${topic}-${partition}`;
}
/** Past this many characters (a repartition topic's, say) lanes are labelled `p<n>`. */
const LONG_TOPIC_NAME = 16;

/** The columns of a topic's lanes: the name column fits its longest lane name, whole; the records take the rest. */
export function laneColumns(topic: string, partitions: number): { nameWidth: number; recordsWidth: number } {
  const nameWidth = Math.ceil(laneLabel(topic, partitions - 1).length * LANE_NAME_CHAR) + 2;
  const recordsWidth =
    TOPIC_WIDTH - 3 - LANE_PADDING_LEFT - LANE_PADDING_RIGHT - nameWidth - LANE_COUNT_WIDTH - 2 * LANE_GAP;
  return { nameWidth, recordsWidth };
}

/**
 * The width a record chip takes in a lane (its gap included): wide enough for its offset and its whole key, in the
 * chips' monospace font, so a key is never cut.
 */
export function chipWidth(offset: number, keyText: string, reprocessed: boolean): number {
  const chars = String(offset).length + keyText.length;
  return Math.ceil(CHIP_CHROME + chars * CHIP_CHAR + (reprocessed ? CHIP_REPROCESSED : 0)) + CHIP_GAP;
}

/** Distance from the topic's right edge to the centre of a lane's empty slot, where arriving records wait. */
export const LANE_TAIL_INSET = 9;

export function topicHeight(partitions: number): number {
  return TOPIC_HEADER + Math.min(partitions, LANES_SHOWN) * TOPIC_LANE + TOPIC_PADDING;
}

/**
 * The lane slot where partition `partition` is drawn, for edges and moving records: its own lane for the first
 * `LANES_SHOWN` partitions; past them (a topic whose lanes scroll), the list's bottom edge.
 */
export function laneSlot(partition: number): number {
  return Math.min(partition, LANES_SHOWN);
}

/** The vertical centre of lane `partition`'s slot (`laneSlot`), from the top of its topic node. */
export function laneCentreY(partition: number): number {
  const slot = laneSlot(partition);
  return slot < LANES_SHOWN
    ? TOPIC_HEADER + slot * TOPIC_LANE + TOPIC_LANE / 2
    : TOPIC_HEADER + LANES_SHOWN * TOPIC_LANE;
}
