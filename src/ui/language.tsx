/**
 * The UI's language: English or Japanese. `?lang=ja` (or `?lang=en`) in the page's query wins, then the browser's
 * preferred languages, then English. The header's switch changes it and writes `?lang=` into the address, so a
 * reload or a copied link keeps it. Changing it re-renders the whole UI with the other catalogue; the lab (the
 * open scenario, the step) is untouched. English is part of the page; another catalogue is loaded when first needed
 * (`loadCatalogue`: `src/main.tsx` awaits the page's language before the first render).
 */
import { createContext, Fragment, type ReactNode, useContext, useEffect, useState } from "react";
import { en, type Messages, setMessages } from "./messages";

export type Language = "en" | "ja";

export const LANGUAGES: readonly Language[] = ["en", "ja"];

/** Each language by its own name, as a language switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ja: "日本語" };

/** The catalogues loaded so far. */
const catalogues: Partial<Record<Language, Messages>> = { en };

/** Loads `language`'s catalogue, if it is not loaded yet. */
export async function loadCatalogue(language: Language): Promise<void> {
  if (language === "ja" && !catalogues.ja) catalogues.ja = (await import("./messages.ja")).ja;
}

function catalogue(language: Language): Messages {
  const messages = catalogues[language];
  if (!messages) throw new Error(`the ${language} catalogue is not loaded`);
  return messages;
}

function languageOf(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary) ?? null;
}

/** `search` is `location.search`; `preferred` is `navigator.languages`, most preferred first. */
export function pickLanguage(search: string, preferred: readonly string[]): Language {
  const asked = languageOf(new URLSearchParams(search).get("lang"));
  if (asked) return asked;
  for (const tag of preferred) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return "en";
}

/** `href` with `?lang=<language>` set, everything else (other parameters, the fragment) kept. */
export function withLanguage(href: string, language: Language): string {
  const url = new URL(href);
  url.searchParams.set("lang", language);
  return url.href;
}

interface LanguageState {
  language: Language;
  languageChosen(language: Language): void;
}

const LanguageContext = createContext<LanguageState>({ language: "en", languageChosen: () => {} });

export function LanguageProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [language, setLanguage] = useState(initial);
  // Before the children render, so every `t` below reads this language's catalogue.
  setMessages(catalogue(language));
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const languageChosen = (next: Language) => {
    if (next === language) return;
    window.history.replaceState(window.history.state, "", withLanguage(window.location.href, next));
    // Switches once the catalogue is there (at once when it was loaded before); a failed load keeps this one.
    loadCatalogue(next).then(
      () => setLanguage(next),
      () => {},
    );
  };
  return (
    <LanguageContext.Provider value={{ language, languageChosen }}>
      <Fragment key={language}>{children}</Fragment>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
