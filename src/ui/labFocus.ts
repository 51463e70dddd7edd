/**
 * Where keyboard focus goes after a choice in one of the lab's selects (a lesson, "Jump to", a key, the speed): back
 * to the lab's workspace, so → steps the lab, as the narration says, instead of changing the choice again.
 */

/** The id of the element that holds the lab's focus between choices (the workspace: `App.tsx`). */
export const LAB_FOCUS_ID = "lab-workspace";

export function returnFocusToLab(): void {
  const lab = document.getElementById(LAB_FOCUS_ID);
  if (lab) lab.focus({ preventScroll: true });
  else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}
