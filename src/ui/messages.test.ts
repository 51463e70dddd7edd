import { describe, expect, it } from "vitest";
import { en, type MessageId, placeholdersOf, setMessages, t } from "./messages";
import { ja } from "./messages.ja";

const catalogues = { ja };

describe("message catalogues", () => {
  for (const [name, catalogue] of Object.entries(catalogues)) {
    it(`${name} has exactly the English ids`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    });

    it(`${name} uses exactly the parameters of each English message`, () => {
      const mismatched = (Object.keys(en) as MessageId[]).filter(
        (id) =>
          JSON.stringify(placeholdersOf(catalogue[id] ?? "")) !== JSON.stringify(placeholdersOf(en[id])),
      );
      expect(mismatched).toEqual([]);
    });

    it(`${name} translates every message that has words to translate`, () => {
      // Messages that are only a name, a number format or a key label may stay as in English.
      const same = (Object.keys(en) as MessageId[]).filter((id) => catalogue[id] === en[id]);
      expect(same.sort()).toEqual([
        "appName",
        "atTime",
        "flightCue",
        "keySpace",
        "milliseconds",
        "olderRecords",
        "timeMs",
        "wallClock",
        "windowLine",
      ]);
    });
  }

  it("fills parameters from the switched catalogue", () => {
    setMessages(ja);
    try {
      expect(t("stepIndicator", { cursor: 3, total: 40 })).toBe("ステップ 3 / 40");
    } finally {
      setMessages(en);
    }
    expect(t("stepIndicator", { cursor: 3, total: 40 })).toBe("Step 3 / 40");
  });

  it("lists a message's parameters once each, sorted", () => {
    expect(placeholdersOf("{b} then {a} and {b}")).toEqual(["a", "b"]);
    expect(placeholdersOf("no parameters")).toEqual([]);
  });
});
