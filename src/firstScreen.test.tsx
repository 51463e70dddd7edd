import { describe, expect, it } from "vitest";
import { keepsFirstScreen, renderFirstScreen } from "./firstScreen";
import { lessons } from "./scenario/lessons";
import { pickLanguage } from "./ui/language";

describe("renderFirstScreen", () => {
  const screen = renderFirstScreen({ width: 1140, height: 728 });

  it("draws the first lesson at step 0: its title, every node of its canvas, the edges and the playback bar", () => {
    const first = lessons[0]!;
    expect(screen.html).toContain(first.scenario.title);
    for (const node of first.scenario.app.topology)
      expect(screen.html).toContain(`data-id="node:${node.id}"`);
    for (const topic of first.scenario.topics) expect(screen.html).toContain(`data-id="topic:${topic.name}"`);
    expect(screen.html).toContain("react-flow__edge-path");
    expect(screen.html).toMatch(/Step 0 \/ \d+/);
  });

  it("gives the box around the nodes, for fitting the canvas to the window", () => {
    expect(screen.bounds.width).toBeGreaterThan(500);
    expect(screen.bounds.height).toBeGreaterThan(50);
    expect(screen.fit).toMatchObject({ padding: 0.06, maxZoom: 1.1 });
  });
});

describe("keepsFirstScreen", () => {
  it("keeps it for the first lesson in English only", () => {
    expect(keepsFirstScreen("", "", ["en-GB"])).toBe(true);
    expect(keepsFirstScreen("", "#", ["en-GB"])).toBe(true);
    expect(keepsFirstScreen("", "#v1/abc/s=3", ["en-GB"])).toBe(false);
  });

  it("agrees with the app's choice of language for every query and preference", () => {
    const queries = ["", "?lang=ja", "?lang=en", "?lang=JA-jp", "?lang=fr", "?x=1&lang=ja"];
    const preferences = [[], ["ja-JP"], ["fr", "ja"], ["fr"], ["en-US", "ja"], ["de-DE", "en"], ["JA"]];
    for (const search of queries)
      for (const preferred of preferences)
        expect(keepsFirstScreen(search, "", preferred), `${search} ${preferred}`).toBe(
          pickLanguage(search, preferred) === "en",
        );
  });
});
