/**
 * Component tests: mounts UI inside a real lab (store, URL sync on the test window, a fake scheduler) and tears it
 * down again. Use from happy-dom test files.
 */
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createLab, type Lab } from "../../app/createLab";
import { labServices } from "../../app/labServices";
import { fakeScheduler } from "../../app/testing/fakeScheduler";
import { LabProvider } from "../LabContext";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface MountedLab {
  lab: Lab;
  container: HTMLElement;
  unmount(): Promise<void>;
}

export async function mountLab(ui: ReactNode): Promise<MountedLab> {
  window.history.replaceState(null, "", "/");
  const lab = createLab(
    {
      location: window.location,
      history: window.history,
      events: window,
      scheduler: fakeScheduler(),
    },
    labServices,
  );
  const container = document.createElement("div");
  document.body.append(container);
  const root: Root = createRoot(container);
  await act(async () => root.render(<LabProvider lab={lab}>{ui}</LabProvider>));
  return {
    lab,
    container,
    async unmount() {
      await act(async () => root.unmount());
      container.remove();
      lab.dispose();
    },
  };
}
