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
/** How many of a partition's newest records a lane shows at most (fewer when their keys are long). */
export const LANE_RECORDS = 5;
/**
 * How many of a lane's newest records can be in view: the lane's record area (its width less the name and the
 * count) filled with chips from the newest, each at least as wide as its text allows. Widths are lower bounds
 * (chips) and upper bounds (the area), so every chip that fits is rendered; the few rendered that do not fit wrap
 * onto the lane's hidden line. `labels` are the records' offset and key texts, newest first.
 */
export function laneRecordsInView(laneName: string, count: number, labels: readonly string[]): number {
  const countWidth = Math.max(20, 8 + 5 * String(count).length);
  let room = TOPIC_WIDTH - LANE_PADDING_X - LANE_GAPS - 6 * laneName.length - countWidth;
  let shown = 0;
  for (const label of labels) {
    if (shown === LANE_RECORDS) break;
    const width = Math.min(CHIP_MAX_WIDTH, CHIP_CHROME + 5 * label.length);
    if (shown > 0) room -= CHIP_GAP;
    if (width > room) break;
    room -= width;
    shown++;
  }
  return Math.max(1, shown);
}
/** From `flow.css`: a lane's horizontal padding and the gaps between its name, count and records. */
const LANE_PADDING_X = 28;
const LANE_GAPS = 12;
/** From `flow.css`: a chip's largest width, its padding + border + inner gap, and the gap between chips. */
const CHIP_MAX_WIDTH = 58;
const CHIP_CHROME = 12;
const CHIP_GAP = 2;

/** Distance from the topic's right edge to the centre of a lane's empty slot, where arriving records wait. */
export const LANE_TAIL_INSET = 9;

export function topicHeight(partitions: number): number {
  return TOPIC_HEADER + partitions * TOPIC_LANE + TOPIC_PADDING;
}

/** The vertical centre of lane `partition`, from the top of its topic node. */
export function laneCentreY(partition: number): number {
  return TOPIC_HEADER + partition * TOPIC_LANE + TOPIC_LANE / 2;
}
