/**
 * The lab's screen: header, the topology canvas beside the side panel (a bottom sheet on narrow screens:
 * `SideSheet`), the playback bar and the narration.
 * While a long scenario is simulated, the canvas shows its progress and the rest waits. Each part has its own
 * error boundary, and the whole screen one more: a failure shows what went wrong and a way on, never an empty page.
 */
import "./app.css";
import { Suspense } from "react";
import { PlaybackControls } from "./controls/PlaybackControls";
import { useKeyboardShortcuts } from "./controls/useKeyboardShortcuts";
import { TopologyCanvas } from "./flow/TopologyCanvas";
import { Header } from "./Header";
import { useLabState } from "./LabContext";
import { LAB_FOCUS_ID } from "./labFocus";
import { LazyShortcutsDialog } from "./lazyPanels";
import { NarrationBar } from "./NarrationBar";
import { PanelBoundary } from "./PanelBoundary";
import { ProblemPanel } from "./ProblemPanel";
import { SidePanel } from "./panels/SidePanel";
import { SideSheet } from "./SideSheet";

export function App() {
  return (
    <PanelBoundary part="labPartLab">
      <LabScreen />
    </PanelBoundary>
  );
}

function LabScreen() {
  useKeyboardShortcuts();
  const problem = useLabState((s) => s.problem);
  const isOpen = useLabState((s) => s.shown !== null);
  const isLoading = useLabState((s) => s.loading !== null);
  return (
    <div className="app">
      <PanelBoundary part="labPartHeader">
        <Header />
      </PanelBoundary>
      {problem ? (
        <main className="problem-main">
          <ProblemPanel problem={problem} />
        </main>
      ) : isOpen || isLoading ? (
        <>
          {/* Focus comes back here after a choice in a select (`labFocus.ts`), so the arrow keys step again. */}
          <main className="workspace" id={LAB_FOCUS_ID} tabIndex={-1}>
            <PanelBoundary part="labPartCanvas">
              <TopologyCanvas />
            </PanelBoundary>
            <SideSheet>{isOpen ? <SidePanel /> : <aside className="side-panel" />}</SideSheet>
          </main>
          {isOpen ? (
            <PanelBoundary part="labPartControls">
              <PlaybackControls />
            </PanelBoundary>
          ) : null}
          {isOpen ? (
            <PanelBoundary part="labPartNarration">
              <NarrationBar />
            </PanelBoundary>
          ) : null}
        </>
      ) : null}
      <Suspense fallback={null}>
        <LazyShortcutsDialog />
      </Suspense>
    </div>
  );
}
