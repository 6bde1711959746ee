/**
 * The `capital-planner` command: dispatches to a sub-command and turns anything unexpected into
 * one line and exit status 2, never a stack trace at the user.
 */
import { MAIN_HELP } from './help';
import { EXIT_OK, EXIT_UNREADABLE, processIo, usageError, type CliIo } from './io';
import { capYoungGeneration } from './youngGeneration';

const COMMANDS = ['check', 'demo', 'consolidate', 'import', 'rollover'] as const;

// Each command is loaded only when it runs: ExcelJS takes most of a second to load, and `--help`
// or a mistyped command should answer at once (issue 17: start-up within 0.3 s of `node -e 0`).
// require, not import(): a dynamic import() would go through Node's ESM loader, which the
// development fallback (tsx's CommonJS hook, bin/capital-planner.cjs) does not cover.
/* eslint-disable @typescript-eslint/no-require-imports */
const checkCommand = () => require('./commands/check') as typeof import('./commands/check');
const demoCommand = () => require('./commands/demo') as typeof import('./commands/demo');
const consolidateCommand = () =>
  require('./commands/consolidate') as typeof import('./commands/consolidate');
const importCommand = () => require('./commands/import') as typeof import('./commands/import');
const rolloverCommand = () =>
  require('./commands/rollover') as typeof import('./commands/rollover');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Runs the command with the words after `capital-planner`; returns the exit status.
 *
 * @example
 * await main(['check', 'programme.xlsx', '--json']); // 0, 1 or 2
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await checkCommand().runCheck(rest, io);
      case 'demo':
        return await demoCommand().runDemo(rest, io);
      case 'consolidate':
        return await consolidateCommand().runConsolidate(rest, io);
      case 'import':
        return await importCommand().runImport(rest, io);
      case 'rollover':
        return await rolloverCommand().runRollover(rest, io);
      case '-h':
      case '--help':
      case 'help':
        io.out(MAIN_HELP);
        return EXIT_OK;
      case undefined:
        io.err(MAIN_HELP);
        return EXIT_UNREADABLE;
      default:
        return usageError(io, `unknown command '${command}': use ${COMMANDS.join(', ')}`);
    }
  } catch (error) {
    // A bug, not the user's data: say so in one line; CAPITAL_PLANNER_DEBUG=1 shows the trace.
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.err(
      `capital-planner: internal error (${detail}). Please report it with the command you ran.\n`,
    );
    if (process.env.CAPITAL_PLANNER_DEBUG && error instanceof Error && error.stack)
      io.err(`${error.stack}\n`);
    return EXIT_UNREADABLE;
  }
}

/**
 * Makes this thread one of the file workers `check` and `consolidate` start for many workbooks
 * (workerPool.ts): the bundled command is one file, so a worker loads that file and calls this.
 *
 * @example
 * require('lib/cli/capital-planner.cjs').startFileWorker(); // in a worker thread
 */
export function startFileWorker(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./fileWorker');
}

/** Resolves once everything written to `stream` before it has been handed to the system. */
function written(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Entry point for bin/capital-planner.cjs: runs with the process's arguments and exits with its
 * status once the output is written. Exiting there skips Node tearing down the heap, which took
 * ~15 ms after a 20k-row check (issue 15); main() has awaited all its work by then.
 *
 * @example
 * run(); // as `capital-planner check a.xlsx`
 */
export async function run(): Promise<void> {
  capYoungGeneration();
  const status = await main(process.argv.slice(2));
  process.exitCode = status;
  await Promise.all([written(process.stdout), written(process.stderr)]);
  process.exit(status);
}
