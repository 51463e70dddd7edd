/**
 * JSON for people and programs at once: indented like `JSON.stringify(v, null, 2)`, except that an object or array
 * whose one-line form fits in the line stays on one line. A run's records then read one per line instead of seven.
 * The text parses to the same value as `JSON.stringify` gives.
 */

const INDENT = "  ";

export function compactJson(value: unknown, maxLineLength = 120): string {
  const write = (v: unknown, indent: string, prefixLength: number): string => {
    const flat = JSON.stringify(v) ?? "null";
    if (typeof v !== "object" || v === null || indent.length + prefixLength + flat.length <= maxLineLength) {
      return flat;
    }
    const inner = indent + INDENT;
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      return `[\n${v.map((item) => inner + write(item, inner, 0)).join(",\n")}\n${indent}]`;
    }
    const entries = Object.entries(v).filter(
      ([, field]) => field !== undefined && typeof field !== "function",
    );
    if (entries.length === 0) return "{}";
    const lines = entries.map(([name, field]) => {
      const key = `${JSON.stringify(name)}: `;
      return inner + key + write(field, inner, key.length);
    });
    return `{\n${lines.join(",\n")}\n${indent}}`;
  };
  return write(value, "", 0);
}
