/**
 * Copies the share link of what is on screen. Uses the Clipboard API; where it is missing or refused (an
 * insecure origin, a denied permission) it shows the link in a selected text field to copy by hand.
 */
import { useEffect, useRef, useState } from "react";
import { useLab } from "./LabContext";
import { t } from "./messages";

type CopyState = { kind: "idle" } | { kind: "copied" } | { kind: "manual"; link: string };

export function CopyLinkButton() {
  const lab = useLab();
  const [state, setState] = useState<CopyState>({ kind: "idle" });
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === "manual") fieldRef.current?.select();
  }, [state]);

  const copy = async () => {
    const link = lab.shareLink();
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(link);
      setState({ kind: "copied" });
    } catch {
      setState({ kind: "manual", link });
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="header-button" onClick={copy}>
        {t("copyLink")}
      </button>
      <span className="copy-status" aria-live="polite">
        {state.kind === "copied" ? t("linkCopied") : ""}
      </span>
      {state.kind === "manual" ? (
        <label className="copy-fallback">
          <span>{t("copyLinkFallback")}</span>
          <input
            ref={fieldRef}
            readOnly
            value={state.link}
            onBlur={() => setState({ kind: "idle" })}
            data-testid="share-link-field"
          />
        </label>
      ) : null}
    </div>
  );
}
