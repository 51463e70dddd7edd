/**
 * lz-string's `decompressFromEncodedURIComponent`, ported with a cap on the output size.
 *
 * Why a port: LZ output can grow quadratically with its input (each code may add an entry one character longer
 * than the last), so a share link of a few hundred kilobytes can decompress to gigabytes — a *zip bomb*. lz-string
 * has no way to stop early, and on some corrupt input it throws instead of returning `null`. This port reads the
 * same format (lz-string 1.5, `libs/lz-string.js`, `_decompress` with the URI-safe alphabet and 6 bits per
 * character), refuses characters outside the alphabet, never throws, and stops as soon as the output would pass
 * `maxChars`.
 */

const URI_SAFE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
/** Each alphabet character's 6-bit value, indexed by char code; -1 elsewhere. */
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < URI_SAFE_ALPHABET.length; i++) VALUE_OF[URI_SAFE_ALPHABET.charCodeAt(i)] = i;

const BITS_PER_CHAR = 6;
const RESET_POSITION = 1 << (BITS_PER_CHAR - 1);

export type BoundedDecompression =
  | { ok: true; text: string }
  | { ok: false; reason: "damaged" | "too-large" };

export function decompressFromEncodedURIComponentBounded(
  encoded: string,
  maxChars: number,
): BoundedDecompression {
  const input = encoded.replace(/ /g, "+"); // a "+" that went through form decoding comes back as a space
  if (input.length === 0) return { ok: false, reason: "damaged" };
  const values = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const value = code < 128 ? VALUE_OF[code]! : -1;
    if (value < 0) return { ok: false, reason: "damaged" };
    values[i] = value;
  }

  // The bit reader: lz-string reads each character's bits from the most significant down, and assembles codes
  // least significant bit first. Past the end it reads zeros.
  let current = values[0]!;
  let position = RESET_POSITION;
  let index = 1;
  const readBits = (count: number): number => {
    let bits = 0;
    for (let power = 0; power < count; power++) {
      const bit = current & position;
      position >>= 1;
      if (position === 0) {
        position = RESET_POSITION;
        current = index < values.length ? values[index]! : 0;
        index++;
      }
      if (bit > 0) bits += 2 ** power;
    }
    return bits;
  };

  const dictionary: string[] = [];
  let dictSize = 4;
  let enlargeIn = 4;
  let numBits = 3;

  const first = readBits(2);
  if (first === 2) return { ok: true, text: "" };
  if (first === 3) return { ok: false, reason: "damaged" };
  let w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const result: string[] = [w];
  let outputLength = w.length;

  for (;;) {
    if (index > values.length) return { ok: false, reason: "damaged" }; // truncated: ran out of input
    let code = readBits(numBits);
    if (code === 2) return { ok: true, text: result.join("") };
    if (code === 0 || code === 1) {
      dictionary[dictSize++] = String.fromCharCode(readBits(code === 0 ? 8 : 16));
      code = dictSize - 1;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = dictionary[code];
    if (known !== undefined) entry = known;
    else if (code === dictSize) entry = w + w.charAt(0);
    else return { ok: false, reason: "damaged" };

    outputLength += entry.length;
    if (outputLength > maxChars) return { ok: false, reason: "too-large" };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    if (numBits > 30) return { ok: false, reason: "damaged" }; // beyond any input we accept
  }
}
