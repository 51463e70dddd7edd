import { describe, expect, it } from "vitest";
import { labServices } from "../../app/labServices";
import { dagrePlacer } from "./dagrePlacer";
import { flowId, layoutTopology } from "./layoutTopology";

function lesson(id: string) {
  const found = labServices.lessons.find((l) => l.id === id)!;
  const loaded = labServices.load(found.scenario);
  if (!loaded.ok) throw new Error(`${id} does not load`);
  return labServices.simulate(loaded.model);
}

describe("topology layout", () => {
  it("places every producer, topic and operator", () => {
    const simulation = lesson("branch-merge");
    const { boxes, nodes } = layoutTopology(simulation, dagrePlacer);
    expect(nodes).toHaveLength(
      simulation.model.producers.length + simulation.graph.topics.length + simulation.graph.nodes.length,
    );
    for (const node of simulation.graph.nodes) expect(boxes.has(flowId.node(node.id))).toBe(true);
    for (const topic of simulation.graph.topics) expect(boxes.has(flowId.topic(topic.name))).toBe(true);
  });

  it("flows left to right: input topics, then sources, then sinks, then output topics", () => {
    const simulation = lesson("transformations");
    const { boxes } = layoutTopology(simulation, dagrePlacer);
    const x = (id: string) => boxes.get(id)!.x;
    expect(x(flowId.topic("orders"))).toBeLessThan(x(flowId.node("orders-in")));
    expect(x(flowId.node("orders-in"))).toBeLessThan(x(flowId.node("out")));
    expect(x(flowId.node("out"))).toBeLessThan(x(flowId.topic("large-orders")));
  });

  it("draws a repartition as a write into its topic and a new source reading it, left to right", () => {
    const simulation = lesson("repartition-after-selectkey");
    const { boxes, edges } = layoutTopology(simulation, dagrePlacer);
    const topic = flowId.topic("payments-shop-enrich-left-repartition");
    const writer = flowId.node("enrich-left-repartition");
    const reader = flowId.node("enrich-left-repartition-source");
    expect(edges.some((e) => e.source === writer && e.target === topic)).toBe(true);
    expect(edges.some((e) => e.source === topic && e.target === reader)).toBe(true);
    expect(
      edges.some((e) => e.source === flowId.topic("customers") && e.target === flowId.node("customers")),
    ).toBe(true);
    const x = (id: string) => boxes.get(id)!.x;
    expect(x(writer)).toBeLessThan(x(topic));
    expect(x(topic)).toBeLessThan(x(reader));
  });

  it("puts producers just above their topic, side by side", () => {
    const { boxes } = layoutTopology(lesson("keyed-partitioning"), dagrePlacer);
    const topic = boxes.get(flowId.topic("clicks"))!;
    const web = boxes.get(flowId.producer("web"))!;
    const mobile = boxes.get(flowId.producer("mobile"))!;
    expect(web.y + web.height).toBeLessThan(topic.y);
    expect(mobile.y).toBe(web.y);
    expect(web.x + web.width).toBeLessThanOrEqual(mobile.x);
  });

  it("lays out the same graph the same way", () => {
    const simulation = lesson("branch-merge");
    expect([...layoutTopology(simulation, dagrePlacer).boxes]).toEqual([
      ...layoutTopology(simulation, dagrePlacer).boxes,
    ]);
  });
});
