/**
 * The `topolab` command line: `npm run -s topolab -- <command>` (run by tsx, no build step). See docs/cli.md.
 *
 * The commands are imported inside the `try`, so even a module that fails to load ends as one line on stderr and
 * exit code 70 rather than a stack trace.
 */
import { ExitCode } from "./cliError";
import { nodeIo } from "./nodeIo";

const io = nodeIo();
try {
  const { runCli } = await import("./runCli");
  // An exit code, not process.exit(): standard output may still be flushing into a pipe.
  process.exitCode = await runCli(process.argv.slice(2), io);
} catch (error) {
  io.stderr(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = ExitCode.internal;
}
