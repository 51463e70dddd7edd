/**
 * Where the side panel (inspectors, Cluster and Time, producer buffers) sits on the page. On a wide screen it is a
 * column beside the canvas and the handle below is not shown. Narrower than 900 px (phones, tablets: `app.css`) it
 * is a bottom sheet over the canvas: a handle (a disclosure button, `aria-expanded`) opens and closes it, Escape
 * inside it closes it and gives the focus back to the handle, and selecting a record or an operator opens it, since
 * that is where their inspector shows, as does picking an instance or a task in the narration (the cluster panel
 * outlines it).
 */
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useLab, useLabState } from "./LabContext";
import { t } from "./messages";

export const SIDE_SHEET_BODY = "side-sheet-body";

export function SideSheet({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const handle = useRef<HTMLButtonElement>(null);
  const { store } = useLab();
  const selection = useLabState((s) => s.selection);
  const operator = useLabState((s) => s.operator);
  // Each pick of an instance or a task in the narration (numbered, so picking the same one again counts too).
  const panelFocus = useLabState((s) =>
    s.focus !== null && (s.focus.entity.instance !== null || s.focus.entity.task !== null)
      ? s.focus.seq
      : null,
  );
  useEffect(() => {
    if (selection !== null || operator !== null || panelFocus !== null) setOpen(true);
  }, [selection, operator, panelFocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Only a sheet closes: beside the canvas (the handle is not rendered) Escape keeps its other meanings.
    if (event.key !== "Escape" || !open || handle.current?.offsetParent == null) return;
    const state = store.getState();
    // An open inspector closes first (the lab's own Escape shortcut); the next Escape closes the sheet.
    if (state.selection !== null || state.operator !== null || state.operatorProblem !== null) return;
    event.preventDefault();
    setOpen(false);
    handle.current.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere inside the sheet closes it; the handle is its button
    <div className={open ? "side-sheet is-open" : "side-sheet"} onKeyDown={onKeyDown}>
      <button
        ref={handle}
        type="button"
        className="side-sheet-handle"
        aria-expanded={open}
        aria-controls={SIDE_SHEET_BODY}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <span className="side-sheet-grip" aria-hidden="true" />
        <span>{t("sideSheetHandle")}</span>
        <svg className="side-sheet-chevron" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path d="M6 15l6-6 6 6" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
      </button>
      <div id={SIDE_SHEET_BODY} className="side-sheet-body">
        {children}
      </div>
    </div>
  );
}
