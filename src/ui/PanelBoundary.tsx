/**
 * An error boundary around the canvas and each panel. When what it holds fails to render, it shows in its place
 * what went wrong and a way on — show this step again, or open the first lesson — and the rest of the lab keeps
 * working. It tries again by itself when the lab shows something else (another step or scenario).
 */
import "./panelBoundary.css";
import { Component, type ReactNode } from "react";
import { useLabActions, useLabState } from "./LabContext";
import { type MessageId, t } from "./messages";

/** The parts of the lab a boundary holds, by the message naming them. */
export type LabPart = Extract<MessageId, `labPart${string}`>;

interface BoundaryProps {
  part: LabPart;
  /** Changes when the lab shows something else: a failure is forgotten and the part tried again. */
  resetKey: unknown;
  onOpenFirstLesson(): void;
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
  resetKey: unknown;
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const { part, onOpenFirstLesson } = this.props;
    return (
      <div className="panel-failure" role="alert" data-testid="panel-failure" data-part={part}>
        <h2 className="panel-failure-title">{t("failedPart", { part: t(part) })}</h2>
        <p>
          {t("failedPartReason")} <code lang="en">{error.message || error.name}</code>
        </p>
        <div className="panel-failure-actions">
          <button type="button" onClick={() => this.setState({ error: null })}>
            {t("reloadStep")}
          </button>
          <button type="button" onClick={onOpenFirstLesson}>
            {t("openDefaultLesson")}
          </button>
        </div>
      </div>
    );
  }
}

/** `children`, or what went wrong rendering them (React's own report goes to the console). */
export function PanelBoundary({ part, children }: { part: LabPart; children: ReactNode }) {
  // What the lab shows, as the reset key: a step or another scenario tries the part again.
  const shown = useLabState((s) => s.shown);
  const { defaultLessonRequested } = useLabActions();
  return (
    <Boundary part={part} resetKey={shown} onOpenFirstLesson={defaultLessonRequested}>
      {children}
    </Boundary>
  );
}
