import { describe, expect, it } from "vitest";
import {
  chipWidth,
  LANES_SHOWN,
  laneCentreY,
  laneColumns,
  laneLabel,
  TOPIC_HEADER,
  TOPIC_LANE,
  TOPIC_WIDTH,
  topicHeight,
} from "./nodeMetrics";

describe("partition lanes", () => {
  it("names a lane after its partition, or p<n> under a long topic name the header shows", () => {
    expect(laneLabel("payments", 0)).toBe("payments-0");
    expect(laneLabel("click-counter-by-page-repartition", 3)).toBe("p3");
  });

  it("makes the name column as wide as the longest lane name, so no name is cut", () => {
    const few = laneColumns("payments", 2);
    const many = laneColumns("payments", 64);
    expect(many.nameWidth).toBeGreaterThan(few.nameWidth);
    expect(many.nameWidth).toBeGreaterThanOrEqual("payments-63".length * 6.5);
    expect(many.recordsWidth + many.nameWidth).toBeLessThan(TOPIC_WIDTH);
    expect(many.recordsWidth).toBeGreaterThan(90);
  });

  it("sizes a chip for its whole key, and a reprocessed chip for its mark", () => {
    expect(chipWidth(3, "a-very-long-customer-key", false)).toBeGreaterThan(chipWidth(3, "bob", false));
    expect(chipWidth(3, "bob", true)).toBeGreaterThan(chipWidth(3, "bob", false));
    expect(chipWidth(12_345, "bob", false)).toBeGreaterThan(chipWidth(1, "bob", false));
  });

  it("shows at most LANES_SHOWN lanes; partitions past them are drawn at the list's bottom edge", () => {
    expect(topicHeight(3)).toBeLessThan(topicHeight(LANES_SHOWN));
    expect(topicHeight(64)).toBe(topicHeight(LANES_SHOWN));
    expect(laneCentreY(0)).toBe(TOPIC_HEADER + TOPIC_LANE / 2);
    expect(laneCentreY(40)).toBe(TOPIC_HEADER + LANES_SHOWN * TOPIC_LANE);
    expect(laneCentreY(63)).toBe(laneCentreY(40));
  });
});
