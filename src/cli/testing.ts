/**
 * Runs a command line in-process for tests, with an in-memory file system.
 */
import { type MemoryIo, memoryIo } from "./memoryIo";
import { runCli } from "./runCli";

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(
  argv: readonly string[],
  files: Record<string, string> = {},
): Promise<CliResult & { io: MemoryIo }> {
  const io = memoryIo(files);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err, io };
}
