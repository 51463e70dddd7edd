import { describe, expect, it } from "vitest";
import { LANE_RECORDS, laneRecordsInView } from "./nodeMetrics";

describe("laneRecordsInView", () => {
  it("keeps every short record up to the lane's limit", () => {
    expect(laneRecordsInView("in-0", 7, ["6a", "5b", "4a", "3c", "2a"])).toBe(LANE_RECORDS);
  });

  it("keeps only the wide records that can fit beside a long lane name", () => {
    const labels = ["34873user-27", "34872user-3", "34871user-11", "34870user-9", "34869user-1"];
    expect(laneRecordsInView("events-0", 34874, labels)).toBe(2);
  });

  it("always keeps the newest record, even when nothing fits", () => {
    expect(laneRecordsInView("a-very-long-partition-name-7", 1, ["0an-extremely-long-key"])).toBe(1);
  });

  it("keeps no more records than the lane has", () => {
    expect(laneRecordsInView("in-0", 2, ["1a", "0b"])).toBe(2);
  });
});
