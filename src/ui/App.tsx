/**
 * The lab's screen: header, the topology canvas beside the side panel (a bottom sheet on narrow screens:
 * `SideSheet`), the playback bar and the narration.
 * While a long scenario is simulated, the canvas shows its progress and the rest waits.
 */
import "./app.css";
import { Suspense } from "react";
import { PlaybackControls } from "./controls/PlaybackControls";
import { useKeyboardShortcuts } from "./controls/useKeyboardShortcuts";
import { TopologyCanvas } from "./flow/TopologyCanvas";
import { Header } from "./Header";
import { useLabState } from "./LabContext";
import { LazyShortcutsDialog } from "./lazyPanels";
import { NarrationBar } from "./NarrationBar";
import { ProblemPanel } from "./ProblemPanel";
import { SidePanel } from "./panels/SidePanel";
import { SideSheet } from "./SideSheet";

export function App() {
  useKeyboardShortcuts();
  const problem = useLabState((s) => s.problem);
  const isOpen = useLabState((s) => s.open !== null);
  const isLoading = useLabState((s) => s.loading !== null);
  return (
    <div className="app">
      <Header />
      {problem ? (
        <main className="problem-main">
          <ProblemPanel problem={problem} />
        </main>
      ) : isOpen || isLoading ? (
        <>
          <main className="workspace">
            <TopologyCanvas />
            <SideSheet>{isOpen ? <SidePanel /> : <aside className="side-panel" />}</SideSheet>
          </main>
          {isOpen ? <PlaybackControls /> : null}
          {isOpen ? <NarrationBar /> : null}
        </>
      ) : null}
      <Suspense fallback={null}>
        <LazyShortcutsDialog />
      </Suspense>
    </div>
  );
}
