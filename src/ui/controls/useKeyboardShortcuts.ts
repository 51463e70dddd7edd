/**
 * Keyboard: ← / → step, Shift+← / → step by wall-clock tick, [ / ] step along one record's lineage, Space plays or pauses, Home / End jump to the ends, n / p jump to the next / previous match
 * of what "Jump to" names (a category of steps or a record key), ? opens the shortcuts help, Escape cancels a
 * simulation in progress, or else closes that help, or else the record inspector (or the operator inspector).
 * Keys typed into a form field are left alone, and Space on a button or link keeps its native meaning (pressing
 * that button). While the help is open it is modal: only Escape and ? do anything.
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
      const state = store.getState();
      if (event.key === "Escape" && state.loading !== null) {
        actions.runCancelled();
        event.preventDefault();
        return;
      }
      if (state.shortcutsOpen) {
        if (event.key !== "Escape" && event.key !== "?") return;
        actions.shortcutsToggled(false);
        event.preventDefault();
        return;
      }
      switch (event.key) {
        case "ArrowRight":
          if (event.shiftKey) actions.unitStepRequested({ unit: "tick", direction: "next" });
          else actions.stepRequested(1);
          break;
        case "ArrowLeft":
          if (event.shiftKey) actions.unitStepRequested({ unit: "tick", direction: "previous" });
          else actions.stepRequested(-1);
          break;
        case "]":
          actions.unitStepRequested({ unit: "record", direction: "next" });
          break;
        case "[":
          actions.unitStepRequested({ unit: "record", direction: "previous" });
          break;
        case "Home":
          actions.goTo(0);
          break;
        case "End":
          actions.goTo(Number.MAX_SAFE_INTEGER);
          break;
        case "n":
        case "p": {
          const direction = event.key === "n" ? "next" : "previous";
          if (state.jumpKey !== null) actions.keyJumpRequested({ direction, key: state.jumpKey });
          else actions.jumpRequested({ direction, category: state.jumpCategory });
          break;
        }
        case "?":
          actions.shortcutsToggled(true);
          break;
        case "Escape":
          // Left alone when nothing is open, so Escape keeps its meaning elsewhere.
          if (state.selection !== null) actions.recordSelected(null);
          else if (state.operator !== null || state.operatorProblem !== null) actions.operatorSelected(null);
          else return;
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
