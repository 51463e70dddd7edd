/** The header's language switch: a labelled list of the UI's languages, each named in itself. */
import { LANGUAGE_NAMES, LANGUAGES, type Language, useLanguage } from "./language";
import { t } from "./messages";

export function LanguageSwitch() {
  const { language, languageChosen } = useLanguage();
  return (
    <label className="language-switch">
      <span>{t("languageLabel")}</span>
      <select value={language} onChange={(event) => languageChosen(event.currentTarget.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
