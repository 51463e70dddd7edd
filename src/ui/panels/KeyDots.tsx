/** Up to eight records as coloured key dots, and how many more there are. */
import type { RecordId, Simulation } from "../../engine";
import { keyColorsOf, keyLabel } from "../keyColor";
import { t } from "../messages";

export function KeyDots({ simulation, records }: { simulation: Simulation; records: readonly RecordId[] }) {
  const colors = keyColorsOf(simulation);
  return (
    <span className="key-dots">
      {records.slice(0, 8).map((id) => {
        const { key } = simulation.record(id);
        return (
          <span key={id} className="key-dot" style={{ background: colors.of(key) }}>
            {keyLabel(key)}
          </span>
        );
      })}
      {records.length > 8 ? (
        <span className="key-more">{t("olderRecords", { count: records.length - 8 })}</span>
      ) : null}
    </span>
  );
}
