/**
 * UTF-8 encoding of JavaScript strings, matching Java's `String#getBytes(StandardCharsets.UTF_8)`, which is what
 * Kafka's `StringSerializer` sends as key bytes.
 *
 * The engine has no `TextEncoder` (not in the ES2022 lib) and must not use Node's `Buffer`, hence this encoder.
 * A *surrogate pair* (a high unit U+D800–U+DBFF followed by a low unit U+DC00–U+DFFF) is one code point, encoded as
 * 4 bytes. A *lone surrogate* (a high unit not followed by a low one, or a low unit on its own) cannot be encoded:
 * Java replaces it with `'?'` (0x3F, one byte); `TextEncoder` and `Buffer` would write U+FFFD (3 bytes) instead,
 * so keys with lone surrogates hash differently in Java and in Node-based clients. We follow Java.
 */

/** The byte Java writes for a lone surrogate (`'?'`). */
const REPLACEMENT = 0x3f;

/** Number of bytes `utf8Bytes(s)` would produce. */
export function utf8Length(s: string): number {
  let length = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) length += 1;
    else if (c < 0x800) length += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) {
      length += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) length += 1;
    else length += 3;
  }
  return length;
}

/** The UTF-8 bytes of `s` (lone surrogates become `'?'`, as in Java). */
export function utf8Bytes(s: string): Uint8Array {
  const bytes = new Uint8Array(utf8Length(s));
  encodeUtf8Into(s, bytes);
  return bytes;
}

/**
 * Writes the UTF-8 bytes of `s` into `target` from index 0 and returns how many were written. `target` must hold
 * at least `utf8Length(s)` bytes; `3 * s.length` is always enough.
 */
export function encodeUtf8Into(s: string, target: Uint8Array): number {
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      target[at++] = c;
    } else if (c < 0x800) {
      target[at++] = 0xc0 | (c >> 6);
      target[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      target[at++] = 0xe0 | (c >> 12);
      target[at++] = 0x80 | ((c >> 6) & 0x3f);
      target[at++] = 0x80 | (c & 0x3f);
    } else {
      const low = s.charCodeAt(i + 1);
      if (c <= 0xdbff && isLowSurrogate(low)) {
        const codePoint = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        target[at++] = 0xf0 | (codePoint >> 18);
        target[at++] = 0x80 | ((codePoint >> 12) & 0x3f);
        target[at++] = 0x80 | ((codePoint >> 6) & 0x3f);
        target[at++] = 0x80 | (codePoint & 0x3f);
        i++;
      } else {
        target[at++] = REPLACEMENT;
      }
    }
  }
  return at;
}

/** True for a UTF-16 low (trailing) surrogate unit; false for `NaN` (past the end of the string). */
function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
