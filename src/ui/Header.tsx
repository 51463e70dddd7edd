/** The header: the product name, the lesson picker, the scenario's title, the share button and the language. */
import { CopyLinkButton } from "./CopyLinkButton";
import { useLab, useLabActions, useLabState } from "./LabContext";
import { LanguageSwitch } from "./LanguageSwitch";
import { returnFocusToLab } from "./labFocus";
import { t } from "./messages";

/**
 * Picker values that are not lessons: a scenario from a link (or one still being simulated), and nothing open
 * (after a broken link).
 */
const FROM_LINK = "-link";
const NOTHING = "";

export function Header() {
  const { services } = useLab();
  const actions = useLabActions();
  const picked = useLabState((s) =>
    s.shown ? (s.shown.open.lessonId ?? FROM_LINK) : s.loading ? FROM_LINK : NOTHING,
  );
  const title = useLabState((s) => s.shown?.open.scenario.title ?? s.loading?.title ?? null);
  const isOpen = useLabState((s) => s.shown !== null);
  return (
    <header className="header">
      <div className="brand">
        <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="#2563eb" />
          <path d="M7 11h9M7 16h13M7 21h9" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
          <circle cx="23" cy="11" r="2.5" fill="#fbbf24" />
          <circle cx="23" cy="21" r="2.5" fill="#34d399" />
        </svg>
        <span className="brand-name">{t("appName")}</span>
      </div>
      <label className="lesson-picker">
        <span>{t("lessonLabel")}</span>
        <select
          value={picked}
          onChange={(e) => {
            actions.lessonChosen(e.currentTarget.value);
            returnFocusToLab();
          }}
        >
          {picked === NOTHING ? <option value={NOTHING}>{t("lessonChoose")}</option> : null}
          {picked === FROM_LINK ? <option value={FROM_LINK}>{t("lessonFromLink")}</option> : null}
          {services.lessons.map((lesson) => (
            <option key={lesson.id} value={lesson.id} lang="en">
              {lesson.title}
            </option>
          ))}
        </select>
      </label>
      {title ? (
        <h1 className="scenario-title" data-testid="scenario-title" lang="en">
          {title}
        </h1>
      ) : (
        <span className="scenario-title" />
      )}
      {isOpen ? <CopyLinkButton /> : null}
      <LanguageSwitch />
    </header>
  );
}
