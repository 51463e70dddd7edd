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
/** Distance from the topic's right edge to the centre of a lane's empty slot, where arriving records wait. */
export const LANE_TAIL_INSET = 9;

export function topicHeight(partitions: number): number {
  return TOPIC_HEADER + partitions * TOPIC_LANE + TOPIC_PADDING;
}

/** The vertical centre of lane `partition`, from the top of its topic node. */
export function laneCentreY(partition: number): number {
  return TOPIC_HEADER + partition * TOPIC_LANE + TOPIC_LANE / 2;
}
