/** Finding names used twice in a list (topic names, producer ids, node ids, branch names). */
export interface Duplicate {
  name: string;
  /** The later occurrence, which gets the error. */
  index: number;
  /** The first occurrence. */
  firstIndex: number;
}

/** Every occurrence of a name after its first, in list order. */
export function findDuplicates<T>(
  items: readonly { index: number; value: T }[],
  nameOf: (item: T) => string | undefined,
) {
  const first = new Map<string, number>();
  const duplicates: Duplicate[] = [];
  for (const { index, value } of items) {
    const name = nameOf(value);
    if (name === undefined) continue;
    const firstIndex = first.get(name);
    if (firstIndex === undefined) first.set(name, index);
    else duplicates.push({ name, index, firstIndex });
  }
  return duplicates;
}

/** `unknown topic "x" (declared: a, b)`-style list of what exists. */
export function declaredList(names: readonly string[]): string {
  return names.length === 0 ? "none" : names.join(", ");
}
