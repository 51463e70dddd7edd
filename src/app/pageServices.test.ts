import { describe, expect, it } from "vitest";
import { labServices } from "./labServices";
import { pageServices } from "./pageServices";

describe("pageServices", () => {
  it("starts with the first lesson and every title, and loads the other lessons on demand, once", async () => {
    const { services } = pageServices(() => new Promise(() => {}));
    expect(services.lessons.map((l) => l.id)).toEqual(labServices.lessons.map((l) => l.id));
    expect(services.lesson(labServices.lessons[0]!.id)).toBe(labServices.lessons[0]);
    expect(services.lesson(labServices.lessons[1]!.id)).toBeUndefined();
    const loading = services.loadLessons();
    expect(services.loadLessons()).toBe(loading);
    await loading;
    for (const entry of services.lessons) expect(services.lesson(entry.id)?.title).toBe(entry.title);
  });

  it("narrates every step once the narration has loaded, and as nothing before", async () => {
    const { services } = pageServices(() => new Promise(() => {}));
    const lesson = labServices.lessons[0]!;
    const loaded = services.load(lesson.scenario);
    if (!loaded.ok) throw new Error("the first lesson does not load");
    const simulation = services.simulate(loaded.model);
    expect(simulation.narrate(3)).toBe("");
    await services.loadNarration();
    const reference = labServices.simulate(loaded.model);
    expect(simulation.narrate(3)).toBe(reference.narrate(3));
    expect(simulation.narrate(3)).not.toBe("");
  });

  it("runs windowed and Flink scenarios once the engine code they need has loaded, and says so before", async () => {
    const { services } = pageServices(() => new Promise(() => {}));
    await services.loadLessons();
    for (const id of ["tumbling-grace", "watermarks-parallel"]) {
      const fresh = pageServices(() => new Promise(() => {})).services;
      const loaded = services.load(services.lesson(id)!.scenario);
      if (!loaded.ok) throw new Error(`${id} does not load`);
      expect(() => fresh.simulate(loaded.model)).toThrow(/still loading; open the scenario again/);
      await fresh.loadEngineLibrary();
      expect(fresh.simulate(loaded.model).digest()).toBe(labServices.simulate(loaded.model).digest());
    }
  });

  it("opens every built-in lesson without the validator, exactly as validation would give it", async () => {
    const { services } = pageServices(() => new Promise(() => {}));
    await Promise.all([services.loadLessons(), services.loadNarration()]);
    for (const lesson of services.lessons.map((l) => services.lesson(l.id)!)) {
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
    await page.services.loadLessons();
    const lesson = page.services.lesson(page.services.lessons[1]!.id)!;
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
