/**
 * Why nothing can be shown — a broken link, an invalid scenario, a run that failed or was cancelled — and a way on.
 */
import type { Problem } from "../app/labState";
import { useLabActions } from "./LabContext";
import { t } from "./messages";

const TITLE = {
  link: "problemLink",
  scenario: "problemScenario",
  simulation: "problemSimulation",
  cancelled: "problemCancelled",
} as const;

export function ProblemPanel({ problem }: { problem: Problem }) {
  const actions = useLabActions();
  return (
    <div className="problem" role="alert">
      <h2>{t(TITLE[problem.kind])}</h2>
      <ul>
        {problem.errors.map((error, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity beyond their order
          <li key={i}>
            <code>{error.path === "" ? t("problemWhole") : error.path}</code>:{" "}
            <span lang="en">{error.message}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => actions.defaultLessonRequested()}>
        {t("openDefaultLesson")}
      </button>
    </div>
  );
}
