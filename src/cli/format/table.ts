/**
 * Plain-text tables for the terminal: columns padded to their widest cell, no trailing spaces, no colours (the
 * output must read the same in a file, a pipe and a terminal).
 */

/** Lines of a table: a header row then one row per entry, each line indented by `indent` and ending in "\n". */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  indent = "",
): string {
  const widths = header.map((h, column) =>
    Math.max(h.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `${indent}${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")}`.trimEnd();
  return [header, ...rows].map((cells) => `${line(cells)}\n`).join("");
}
