/**
 * The keyboard shortcuts help: a modal dialog opened with ? or the controls' "Keyboard shortcuts" button. Focus
 * moves to its close button and stays inside while it is open; Escape (see useKeyboardShortcuts) or the close
 * button closes it and gives focus back to where it was.
 */
import { type KeyboardEvent, useEffect, useId, useRef } from "react";
import { useLabActions, useLabState } from "../LabContext";
import { type MessageId, t } from "../messages";

/** Every shortcut, built on render so a switched message catalogue applies. */
const shortcuts = (): { keys: string[]; action: MessageId }[] => [
  { keys: ["→", "←"], action: "shortcutStep" },
  { keys: ["Shift+→", "Shift+←"], action: "shortcutTick" },
  { keys: ["]", "["], action: "shortcutRecord" },
  { keys: [t("keySpace")], action: "shortcutPlay" },
  { keys: ["Home", "End"], action: "shortcutEnds" },
  { keys: ["n", "p"], action: "shortcutMatch" },
  { keys: ["Enter"], action: "shortcutOperator" },
  { keys: ["Esc"], action: "shortcutEscape" },
  { keys: ["?"], action: "shortcutHelp" },
];

export function ShortcutsDialog() {
  const open = useLabState((s) => s.shortcutsOpen);
  const actions = useLabActions();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, [open]);

  if (!open) return null;

  // The close button is the dialog's only focusable element: Tab keeps focus on it.
  const trapFocus = (event: KeyboardEvent) => {
    if (event.key !== "Tab") return;
    event.preventDefault();
    closeRef.current?.focus();
  };

  return (
    <div className="shortcuts-backdrop">
      <div
        className="shortcuts-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={trapFocus}
      >
        <div className="shortcuts-header">
          <h2 id={titleId}>{t("shortcutsTitle")}</h2>
          <button
            ref={closeRef}
            type="button"
            className="shortcuts-close"
            aria-label={t("shortcutsClose")}
            onClick={() => actions.shortcutsToggled(false)}
          >
            ×
          </button>
        </div>
        <table className="shortcuts-table">
          <thead>
            <tr>
              <th scope="col">{t("shortcutsKeysColumn")}</th>
              <th scope="col">{t("shortcutsActionColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts().map(({ keys, action }) => (
              <tr key={action}>
                <td>
                  {keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 ? " / " : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
