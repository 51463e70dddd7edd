import { afterEach, describe, expect, it, vi } from "vitest";

describe("the scenario schema under a strict Content-Security-Policy", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("builds and validates scenarios without generating code (no Function constructor, not even a probe)", async () => {
    // Installed before the schema modules load: zod probes for `new Function` when it builds a schema.
    const generated = vi.spyOn(globalThis, "Function");
    vi.resetModules();
    const { validateScenario } = await import("./validate");
    const { firstLesson } = await import("./lessons/firstLesson");

    const valid = validateScenario(firstLesson.scenario);
    const invalid = validateScenario({ ...firstLesson.scenario, topics: "orders" });

    expect(valid.ok).toBe(true);
    expect(invalid.ok).toBe(false);
    expect(generated).not.toHaveBeenCalled();
  });
});
