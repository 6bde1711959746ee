/**
 * The `capital-planner` command: dispatches to a sub-command and turns anything unexpected into
 * one line and exit status 2, never a stack trace at the user.
 */
import { MAIN_HELP } from './help';
import { EXIT_OK, EXIT_UNREADABLE, processIo, usageError, type CliIo } from './io';

const COMMANDS = ['check', 'demo', 'consolidate'] as const;

/**
 * The commands' modules, loaded on first use. `require` rather than `import()`: it works the same
 * under tsx, ts-jest and compiled CommonJS, where a dynamic import() would be left to Node's ESM
 * loader and miss the .ts files.
 */
function commands(): {
  check: typeof import('./commands/check');
  demo: typeof import('./commands/demo');
  consolidate: typeof import('./commands/consolidate');
} {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    get check() {
      return require('./commands/check') as typeof import('./commands/check');
    },
    get demo() {
      return require('./commands/demo') as typeof import('./commands/demo');
    },
    get consolidate() {
      return require('./commands/consolidate') as typeof import('./commands/consolidate');
    },
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

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
      // Each command is loaded when it is run: `--help` and `check` need not load ExcelJS (the
      // writer of demo and consolidate), which takes longer to load than check takes to run.
      case 'check':
        return await commands().check.runCheck(rest, io);
      case 'demo':
        return await commands().demo.runDemo(rest, io);
      case 'consolidate':
        return await commands().consolidate.runConsolidate(rest, io);
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
 * Entry point for bin/capital-planner.cjs: runs with the process's arguments and sets its exit code.
 *
 * @example
 * run(); // as `capital-planner check a.xlsx`
 */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2));
}
