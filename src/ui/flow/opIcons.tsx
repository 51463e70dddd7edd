/**
 * One small icon per operator, so each kind of node is recognisable at a glance (24×24, drawn in currentColor).
 */
import type { ReactElement } from "react";
import type { OperatorKind } from "../../engine";

const ICONS: Record<OperatorKind, ReactElement> = {
  // Windows on a time axis.
  windowedAggregate: (
    <>
      <path d="M3 19h18" />
      <rect x="4" y="8" width="6" height="8" rx="1" />
      <rect x="12" y="5" width="8" height="11" rx="1" />
    </>
  ),
  // An arrow coming out of a log: reads a topic.
  source: (
    <>
      <rect x="3" y="6" width="9" height="12" rx="2" />
      <path d="M12 12h9m-3-3 3 3-3 3" />
    </>
  ),
  // f(x): a function of key and value.
  map: (
    <>
      <path d="M9 19c2 0 2-2 2.5-7S13 5 15 5" />
      <path d="M8 11h7" />
      <path d="M4 12h2m12 0h2" />
    </>
  ),
  mapValues: (
    <>
      <rect x="4" y="7" width="16" height="10" rx="2" />
      <path d="M9 12h6m-2-2 2 2-2 2" />
    </>
  ),
  // A call out and an answer back: a request to an external service.
  enrich: (
    <>
      <path d="M4 9h11m-3-3 3 3-3 3" />
      <path d="M20 15H9m3-3-3 3 3 3" />
    </>
  ),
  // A funnel.
  filter: <path d="M4 5h16l-6 7.5V19l-4-2v-4.5z" />,
  // One in, many out.
  flatMap: <path d="M3 12h7m0 0 8-6m-8 6h8m-8 0 8 6" />,
  flatMapValues: (
    <>
      <path d="M3 12h7m0 0 8-6m-8 6h8m-8 0 8 6" />
      <circle cx="19" cy="6" r="1.5" />
      <circle cx="19" cy="18" r="1.5" />
    </>
  ),
  // A fork.
  branch: <path d="M3 12h6l6-6h6M9 12l6 6h6" />,
  // A join.
  merge: <path d="M3 6h6l6 6h6M3 18h6l6-6" />,
  // A key.
  selectKey: (
    <>
      <circle cx="8" cy="12" r="4" />
      <path d="M12 12h9m-3 0v3m-3-3v2" />
    </>
  ),
  // An eye.
  peek: (
    <>
      <path d="M2 12s4-6 10-6 10 6 10 6-4 6-10 6S2 12 2 12z" />
      <circle cx="12" cy="12" r="2.5" />
    </>
  ),
  // An arrow going into a log: writes a topic.
  sink: (
    <>
      <path d="M3 12h9m-3-3 3 3-3 3" />
      <rect x="12" y="6" width="9" height="12" rx="2" />
    </>
  ),
  // Records shuffled into new lanes: written to a repartition topic by their new key.
  repartition: (
    <>
      <path d="M3 7h5l8 10h5M3 17h5l8-10h5" />
      <path d="M18 4l3 3-3 3M18 14l3 3-3 3" />
    </>
  ),
  // A grid: rows of latest values per key.
  table: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 10h18M3 14.5h18M10 5v14" />
    </>
  ),
  // Two streams meeting in one.
  join: (
    <>
      <path d="M3 6h5l5 6M3 18h5l5-6h8" />
      <circle cx="13" cy="12" r="2" />
    </>
  ),
  // A stream looking up a table.
  joinTable: (
    <>
      <path d="M3 12h18" />
      <rect x="8" y="3" width="8" height="5" rx="1" />
      <path d="M12 8v4" />
    </>
  ),
};

export function OpIcon({ op }: { op: OperatorKind }) {
  return (
    <svg
      className="op-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {ICONS[op]}
    </svg>
  );
}
