/**
 * Test helper: builds an lz-string "zip bomb" — `codes` back-references that each repeat the previous output plus
 * one character, so the data decompresses to `1 + 2 + … + (codes + 1)` copies of "a" (quadratic in its size).
 * Written bit by bit in lz-string's format, because compressing megabytes with lz-string itself takes seconds.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

export function lzBomb(codes: number): string {
  const bits: number[] = [];
  const write = (value: number, count: number) => {
    for (let i = 0; i < count; i++) bits.push((value >> i) & 1);
  };
  let dictSize = 4;
  let enlargeIn = 4;
  let numBits = 3;
  write(0, 2); // an 8-bit literal follows
  write("a".charCodeAt(0), 8);
  for (let k = 0; k < codes; k++) {
    write(dictSize, numBits); // the entry being defined: previous output + its first character
    dictSize++;
    enlargeIn--;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  write(2, numBits); // end of stream
  while (bits.length % 6 !== 0) bits.push(0);
  let out = "";
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) value = (value << 1) | bits[i + j]!;
    out += ALPHABET[value];
  }
  return out;
}
