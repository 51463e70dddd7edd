/** String literals read JavaScript's escapes, in our parsing layer (jsep alone reads `'\u0041'` as `u0041`). */
import { describe, expect, it } from "vitest";
import { compileError, run } from "./testHelpers";

describe("string escapes", () => {
  it("reads \\u, \\u{…} and \\x escapes as the characters they name", () => {
    expect(run(String.raw`'\u0041'`)).toBe("A");
    expect(run(String.raw`"\u00e9t\u00E9"`)).toBe("été");
    expect(run(String.raw`'\x41\x62'`)).toBe("Ab");
    expect(run(String.raw`'\u{1F600}'`)).toBe("😀");
    expect(run(String.raw`'\uD83D\uDE00'`)).toBe("😀");
    expect(run(String.raw`{[ '\u006b' ]: 1}`)).toEqual({ k: 1 });
  });

  it("reads the one-character escapes", () => {
    expect(run(String.raw`'a\nb\tc\rd'`)).toBe("a\nb\tc\rd");
    expect(run(String.raw`'\b\f\v\0'`)).toBe("\b\f\v\0");
    expect(run(String.raw`'it\'s' + "\"q\"" + '\\' + '\/'`)).toBe(`it's"q"\\/`);
  });

  it("refuses an unknown escape, pointing at its backslash", () => {
    expect(compileError(String.raw`'ab\q'`)).toEqual({
      message: String.raw`invalid escape "\q" (escapes: \n \t \r \b \f \v \0 \' \" \\ \/ \xHH \uHHHH \u{H…})`,
      position: 3,
    });
    expect(compileError(String.raw`'\a'`).message).toMatch(/^invalid escape "\\a"/);
  });

  it("refuses malformed hex escapes", () => {
    expect(compileError(String.raw`'\x4'`)).toEqual({
      message: String.raw`\x needs two hex digits`,
      position: 1,
    });
    expect(compileError(String.raw`'\u004'`).message).toBe(String.raw`\u needs four hex digits or {…}`);
    expect(compileError(String.raw`'\u{110000}'`).message).toBe(
      String.raw`\u{…} needs 1 to 6 hex digits, at most 10FFFF`,
    );
    expect(compileError(String.raw`'\u{}'`).message).toBe(
      String.raw`\u{…} needs 1 to 6 hex digits, at most 10FFFF`,
    );
    expect(compileError(String.raw`'\01'`).message).toBe(
      String.raw`\0 cannot be followed by a digit (octal escapes are not supported; use \xHH)`,
    );
  });

  it("refuses an escape that makes half a surrogate pair", () => {
    expect(compileError(String.raw`key + '\uD800'`)).toEqual({
      message: String.raw`the string holds half of a surrogate pair (\uD800), which is not text`,
      position: 6,
    });
    expect(compileError(String.raw`'\uDE00\uD83D'`).message).toMatch(/half of a surrogate pair \(\\uDE00\)/);
  });

  it("still reports an unclosed string", () => {
    expect(compileError("'abc").message).toBe('unclosed quote after "abc"');
    expect(compileError("'abc\\").message).toMatch(/^invalid escape at the end/);
  });
});
