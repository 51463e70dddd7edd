/**
 * A colour per application instance, shared by the cluster panel and anything that marks ownership. Distinct from
 * the key colours' hues where possible; ownership is also always written out, never shown by colour alone.
 */
const PALETTE = ["#2563eb", "#d97706", "#059669", "#9333ea", "#dc2626", "#0891b2", "#65a30d", "#db2777"];

/** The colour of instance `index` (0-based); grey for none (-1). */
export function instanceColor(index: number): string {
  return index < 0 ? "#94a3b8" : PALETTE[index % PALETTE.length]!;
}
