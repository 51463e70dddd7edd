/**
 * The React binding of the lab: a context holding the vanilla store and playback, and hooks that select from it
 * (zustand's `useStore`). Components select the smallest slice they render.
 */
import { createContext, type ReactNode, useContext } from "react";
import { useStore } from "zustand";
import type { Lab } from "../app/createLab";
import type { LabStore } from "../app/labState";

const LabContext = createContext<Lab | null>(null);

export function LabProvider({ lab, children }: { lab: Lab; children: ReactNode }) {
  return <LabContext.Provider value={lab}>{children}</LabContext.Provider>;
}

export function useLab(): Lab {
  const lab = useContext(LabContext);
  if (!lab) throw new Error("useLab must be used inside <LabProvider>");
  return lab;
}

/** A slice of the lab's state; re-renders when the slice changes (by `Object.is`). */
export function useLabState<T>(selector: (state: LabStore) => T): T {
  return useStore(useLab().store, selector);
}

/** The store's actions (stable functions). */
export function useLabActions(): LabStore {
  return useLab().store.getState();
}
