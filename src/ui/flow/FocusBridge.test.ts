import { describe, expect, it } from "vitest";
import type { NarrationEntity } from "../../app/narrationEntities";
import { focusTargets } from "./FocusBridge";

const entity = (over: Partial<NarrationEntity>): NarrationEntity => ({
  name: "x",
  nodes: [],
  topic: null,
  instance: null,
  task: null,
  producer: null,
  ...over,
});

describe("what a name in the narration shows on the canvas", () => {
  const logical = ["producer:shop", "topic:customers", "node:customers", "node:join"];
  const physical = [
    "topic:customers",
    "instance:instance-1",
    "task:1_0",
    "node:customers@1_0",
    "node:customers@1_1",
    "node:join@1_0",
  ];

  it("shows a node, or every task's copy of it", () => {
    expect(focusTargets(entity({ nodes: ["customers"] }), logical)).toEqual(["node:customers"]);
    expect(focusTargets(entity({ nodes: ["customers"] }), physical)).toEqual([
      "node:customers@1_0",
      "node:customers@1_1",
    ]);
  });

  it("shows a topic for its partitions, and a table that shares its name too", () => {
    const customers = entity({ nodes: ["customers"], topic: { topic: "customers", partition: null } });
    expect(focusTargets(customers, logical)).toEqual(["topic:customers", "node:customers"]);
    expect(focusTargets(entity({ topic: { topic: "customers", partition: 1 } }), logical)).toEqual([
      "topic:customers",
    ]);
  });

  it("shows an instance's group and a task's box where the canvas has them, nothing otherwise", () => {
    expect(focusTargets(entity({ instance: "instance-1" }), physical)).toEqual(["instance:instance-1"]);
    expect(focusTargets(entity({ task: "1_0" }), physical)).toEqual(["task:1_0"]);
    expect(focusTargets(entity({ instance: "instance-1" }), logical)).toEqual([]);
    expect(focusTargets(entity({ producer: "shop" }), logical)).toEqual(["producer:shop"]);
  });
});
