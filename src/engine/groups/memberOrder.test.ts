import { describe, expect, it } from "vitest";
import { sortMembers } from "./memberOrder";

const ids = (members: { memberId: string }[]) => members.map((m) => m.memberId);

describe("compareMembers", () => {
  it("sorts dynamic members by member id (testMemberInfoSortingWithoutGroupInstanceId)", () => {
    const members = ["c", "a", "b"].map((memberId) => ({ memberId, groupInstanceId: null }));
    expect(ids(sortMembers(members))).toEqual(["a", "b", "c"]);
  });

  it("sorts static members by instance id, ignoring member ids (testMemberInfoSortingWithAllGroupInstanceId)", () => {
    const members = [
      { memberId: "a", groupInstanceId: "y" },
      { memberId: "b", groupInstanceId: "z" },
      { memberId: "c", groupInstanceId: "x" },
    ];
    expect(ids(sortMembers(members))).toEqual(["c", "a", "b"]);
  });

  it("puts static members first (testMemberInfoSortingSomeGroupInstanceId)", () => {
    const members = [
      { memberId: "a", groupInstanceId: null },
      { memberId: "b", groupInstanceId: "y" },
      { memberId: "c", groupInstanceId: "x" },
    ];
    expect(ids(sortMembers(members))).toEqual(["c", "b", "a"]);
  });

  it("compares by UTF-16 code units like Java's String#compareTo, not by locale", () => {
    const members = ["b", "B", "a", "é"].map((memberId) => ({ memberId, groupInstanceId: null }));
    expect(ids(sortMembers(members))).toEqual(["B", "a", "b", "é"]);
  });

  it("breaks a tie between equal instance ids by member id, whatever the input order", () => {
    const x = { memberId: "x", groupInstanceId: "same" };
    const y = { memberId: "y", groupInstanceId: "same" };
    expect(ids(sortMembers([y, x]))).toEqual(["x", "y"]);
    expect(ids(sortMembers([x, y]))).toEqual(["x", "y"]);
  });
});
