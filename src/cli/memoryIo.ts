/**
 * An in-memory {@link CliIo} for tests: captures what a command prints and serves files from a map.
 */
import type { CliIo, FileRead } from "./io";

export interface MemoryIo extends CliIo {
  /** Everything written to standard output so far. */
  out: string;
  /** Everything written to standard error so far. */
  err: string;
}

export function memoryIo(files: Record<string, string> = {}): MemoryIo {
  const io: MemoryIo = {
    out: "",
    err: "",
    stdout(text) {
      io.out += text;
    },
    stderr(text) {
      io.err += text;
    },
    readFile(path, maxBytes): FileRead {
      const text = files[path];
      if (text === undefined) return { kind: "missing" };
      const bytes = Buffer.byteLength(text, "utf8");
      return bytes > maxBytes ? { kind: "tooLarge", bytes } : { kind: "text", text };
    },
  };
  return io;
}
