/**
 * Keyboard: ← / → step, Space plays or pauses, Home / End jump to the ends, Escape closes the record inspector. Keys typed into a form field are left
 * alone, and Space on a button or link keeps its native meaning (pressing that button).
 */
import { useEffect } from "react";
import { useLab, useLabActions } from "../LabContext";

const FIELDS = new Set(["INPUT", "SELECT", "TEXTAREA"]);
const ACTIVATABLE = new Set(["BUTTON", "A", "SUMMARY"]);

export function useKeyboardShortcuts(): void {
  const actions = useLabActions();
  const { store } = useLab();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && (FIELDS.has(target.tagName) || target.isContentEditable)) return;
      switch (event.key) {
        case "ArrowRight":
          actions.stepRequested(1);
          break;
        case "ArrowLeft":
          actions.stepRequested(-1);
          break;
        case "Home":
          actions.goTo(0);
          break;
        case "End":
          actions.goTo(Number.MAX_SAFE_INTEGER);
          break;
        case "Escape":
          // Left alone when nothing is open, so Escape keeps its meaning elsewhere.
          if (store.getState().selection === null) return;
          actions.recordSelected(null);
          break;
        case " ":
          if (target && ACTIVATABLE.has(target.tagName)) return;
          actions.playToggled();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [actions, store]);
}
