// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Header } from "./Header";
import { LanguageProvider, loadCatalogue, pickLanguage, withLanguage } from "./language";
import { en, setMessages } from "./messages";
import { type MountedLab, mountLab } from "./testing/mountLab";

describe("pickLanguage", () => {
  it("takes ?lang= first", () => {
    expect(pickLanguage("?lang=ja", ["en-US"])).toBe("ja");
    expect(pickLanguage("?x=1&lang=en", ["ja-JP"])).toBe("en");
  });

  it("then the browser's preferred languages, in order", () => {
    expect(pickLanguage("", ["ja-JP", "en"])).toBe("ja");
    expect(pickLanguage("", ["fr-FR", "ja"])).toBe("ja");
    expect(pickLanguage("?lang=xx", ["de", "en-GB", "ja"])).toBe("en");
  });

  it("falls back to English", () => {
    expect(pickLanguage("", [])).toBe("en");
    expect(pickLanguage("?lang=fr", ["fr", "de"])).toBe("en");
  });
});

describe("withLanguage", () => {
  it("sets lang and keeps the other parameters and the fragment", () => {
    expect(withLanguage("https://topolab.example/?a=1#v1/abc/s=3", "ja")).toBe(
      "https://topolab.example/?a=1&lang=ja#v1/abc/s=3",
    );
    expect(withLanguage("https://topolab.example/?lang=ja#v1/x/s=0", "en")).toBe(
      "https://topolab.example/?lang=en#v1/x/s=0",
    );
  });
});

describe("the language switch", () => {
  let mounted: MountedLab | null = null;
  afterEach(async () => {
    await mounted?.unmount();
    mounted = null;
    setMessages(en);
  });

  it("switches the header to Japanese, writes ?lang=ja and keeps the scenario's own text in English", async () => {
    mounted = await mountLab(
      <LanguageProvider initial="en">
        <Header />
      </LanguageProvider>,
    );
    const { container } = mounted;
    const select = container.querySelector<HTMLSelectElement>(".language-switch select")!;
    expect(container.querySelector(".language-switch span")!.textContent).toBe("Language");
    await act(async () => {
      select.value = "ja";
      select.dispatchEvent(new Event("change", { bubbles: true }));
      await loadCatalogue("ja"); // the switch waits for it
    });
    expect(container.querySelector(".language-switch span")!.textContent).toBe("言語");
    expect(container.querySelector(".copy-link button")!.textContent).toBe("リンクをコピー");
    expect(new URL(window.location.href).searchParams.get("lang")).toBe("ja");
    expect(document.documentElement.lang).toBe("ja");
    expect(container.querySelector("[data-testid=scenario-title]")!.getAttribute("lang")).toBe("en");
  });
});
