import { describe, expect, it } from "vitest";
import { labServices } from "./labServices";
import { pageServices } from "./pageServices";

describe("pageServices", () => {
  it("opens every built-in lesson without the validator, exactly as validation would give it", () => {
    const { services } = pageServices(() => new Promise(() => {}));
    for (const lesson of services.lessons) {
      const trusted = services.load(lesson.scenario);
      const validated = labServices.load(lesson.scenario);
      expect(trusted.ok && validated.ok).toBe(true);
      if (!trusted.ok || !validated.ok) continue;
      // Same text, key order included: share links and lesson recognition compare encoded scenarios.
      expect(JSON.stringify(trusted.scenario)).toBe(JSON.stringify(validated.scenario));
      const a = services.simulate(trusted.model);
      const b = labServices.simulate(validated.model);
      expect(a.stepCount).toBe(b.stepCount);
      expect(a.narrate(a.stepCount - 1)).toBe(b.narrate(b.stepCount - 1));
    }
  });

  it("refuses links and other input until the validator has loaded, then validates them", async () => {
    const page = pageServices(() => import("./untrustedInput").then((m) => m.untrustedInput));
    const lesson = page.services.lessons[1]!;
    const fragment = page.services.encodeLink(lesson.scenario, 3);
    expect(page.services.decodeLink(fragment).ok).toBe(false);
    expect(page.services.load({ ...lesson.scenario }).ok).toBe(false);

    await page.validation();
    expect(page.services.decodeLink(fragment)).toMatchObject({ ok: true, cursor: 3 });
    expect(page.services.load({ ...lesson.scenario }).ok).toBe(true);
    expect(page.services.load({ version: 1 })).toMatchObject({ ok: false });
  });

  it("loads the validator once however often it is asked for", async () => {
    let imports = 0;
    const page = pageServices(async () => {
      imports++;
      return (await import("./untrustedInput")).untrustedInput;
    });
    await Promise.all([page.validation(), page.validation()]);
    await page.validation();
    expect(imports).toBe(1);
  });
});
