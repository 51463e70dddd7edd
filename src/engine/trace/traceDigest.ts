/**
 * A stable digest of a trace: FNV-1a (two 32-bit lanes with different offsets) over every step column, the time
 * runs and the JSON of every record version. Equal digests mean byte-identical traces for practical purposes.
 */
import type { Json } from "../model";
import { writeJson } from "../values/jsonWriter";
import type { TraceLog } from "./traceLog";

export function traceDigest(trace: TraceLog): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const mix = (n: number) => {
    h1 = Math.imul(h1 ^ (n & 0xffff), 0x01000193);
    h1 = Math.imul(h1 ^ (n >>> 16), 0x01000193);
    h2 = Math.imul(h2 ^ (n >>> 16), 0x01000193);
    h2 = Math.imul(h2 ^ (n & 0xffff), 0x01000193);
  };
  const mixText = (text: string) => {
    for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  };
  mix(trace.length);
  for (let i = 0; i < trace.length; i++) {
    mix(trace.kinds[i]!);
    mix(trace.a[i]!);
    mix(trace.b[i]!);
    mix(trace.c[i]!);
  }
  for (let i = 0; i < trace.timeRuns; i++) {
    mix(trace.timeRunStarts[i]!);
    mixText(String(trace.timeRunValues[i]));
  }
  // The JSON text of keys and values is fed to the hash as it is written, never built whole.
  const mixPiece = (piece: string) => {
    mixText(piece);
    return true;
  };
  for (let i = 0; i < trace.versions; i++) {
    writeJson(trace.keyOf(i), mixPiece);
    writeJson(trace.valueOf(i), mixPiece);
    mixText(String(trace.timestamps[i]));
    mix(trace.parents[i]!);
    mix(trace.creators[i]!);
  }
  writeJson(trace.extras as Json, mixPiece);
  for (const [step, note] of trace.notes) {
    mix(step);
    mixText(note);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
