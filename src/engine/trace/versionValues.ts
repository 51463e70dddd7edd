/**
 * The keys and values of a trace's record versions, packed to cross to another thread: each distinct key or value
 * once, as JSON text in one string, and per version two indexes into those texts. The indexes are typed arrays
 * (transferred, not copied) and the texts one string (copied in one piece), so nothing is deserialized when the
 * table arrives; a key or value is parsed when it is first read (`VersionValueReader`), and kept.
 *
 * Versions share keys and values heavily (a filter forwards its input's value, a refetch repeats it, generated
 * records draw keys from a short list), so the packed table is usually far smaller than the versions.
 */
import type { Json, RecordKey } from "../model";

export interface PackedVersionValues {
  /** Per version: the index of its key's text. */
  keyRefs: Int32Array<ArrayBuffer>;
  /** Per version: the index of its value's text. */
  valueRefs: Int32Array<ArrayBuffer>;
  /** The distinct texts, one after another. */
  texts: string;
  /** Where each text ends in `texts`, in UTF-16 code units (it starts where the one before ends). */
  textEnds: Uint32Array<ArrayBuffer>;
}

/** Packs the first `count` keys and values. */
export function packVersionValues(
  keys: readonly RecordKey[],
  values: readonly Json[],
  count: number,
): PackedVersionValues {
  // Same object or primitive, same text: most repeats are found without serializing again.
  const byIdentity = new Map<unknown, number>();
  const byText = new Map<string, number>();
  const texts: string[] = [];
  const intern = (item: unknown): number => {
    let ref = byIdentity.get(item);
    if (ref !== undefined) return ref;
    const text = JSON.stringify(item) ?? "null";
    ref = byText.get(text);
    if (ref === undefined) {
      ref = texts.length;
      texts.push(text);
      byText.set(text, ref);
    }
    byIdentity.set(item, ref);
    return ref;
  };
  const keyRefs = new Int32Array(count);
  const valueRefs = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    keyRefs[i] = intern(keys[i]);
    valueRefs[i] = intern(values[i]);
  }
  const textEnds = new Uint32Array(texts.length);
  let length = 0;
  texts.forEach((text, i) => {
    length += text.length;
    textEnds[i] = length;
  });
  return { keyRefs, valueRefs, texts: texts.join(""), textEnds };
}

/** The packed table's buffers, for a transfer list. */
export function packedBuffers(packed: PackedVersionValues): ArrayBuffer[] {
  return [packed.keyRefs.buffer, packed.valueRefs.buffer, packed.textEnds.buffer];
}

/** Reads a packed table: each distinct text is parsed on first use, then kept. */
export class VersionValueReader {
  private readonly parsed: unknown[];

  constructor(private readonly packed: PackedVersionValues) {
    this.parsed = new Array(packed.textEnds.length);
  }

  get versions(): number {
    return this.packed.keyRefs.length;
  }

  key(version: number): RecordKey {
    return this.text(this.packed.keyRefs[version]!) as RecordKey;
  }

  value(version: number): Json {
    return this.text(this.packed.valueRefs[version]!) as Json;
  }

  private text(ref: number): unknown {
    const known = this.parsed[ref];
    if (known !== undefined) return known;
    const { texts, textEnds } = this.packed;
    const start = ref === 0 ? 0 : textEnds[ref - 1]!;
    const value: unknown = JSON.parse(texts.slice(start, textEnds[ref]!));
    this.parsed[ref] = value;
    return value;
  }
}
