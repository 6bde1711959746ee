/**
 * Where the command writes: injected so tests can run a command in-process and capture output.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Output streams of one run of the command. */
export interface CliIo {
  /** Writes text to standard output (no newline added). */
  out(text: string): void;
  /** Writes text to standard error (no newline added). */
  err(text: string): void;
}

/** Exit statuses of the command (issue 5): 0 clean, 1 error findings, 2 could not run or read a file. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

/**
 * The process's own stdout and stderr.
 *
 * @example
 * processIo().out('done\n');
 */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
}

/**
 * A one-line message about a file that could not be used, naming it.
 *
 * @example
 * fileMessage('returns/empty.xlsx', 'is empty (0 bytes)'); // "Cannot read 'returns/empty.xlsx': is empty (0 bytes)"
 */
export function fileMessage(file: string, problem: string): string {
  return `Cannot read '${file}': ${problem.replace(/\s*\n\s*/g, ' ')}`;
}

/**
 * Reports a mistake on the command line in one line and returns exit status 2.
 *
 * @example
 * usageError(io, '--decimals must be a whole number'); // writes 'capital-planner: --decimals must ...', returns 2
 */
export function usageError(io: CliIo, message: string): number {
  io.err(`capital-planner: ${message} (see capital-planner --help)\n`);
  return EXIT_UNREADABLE;
}

/**
 * Whether two paths name the same file, even through a different spelling or a link, so a
 * command never writes its output over its input.
 *
 * @example
 * await samePath('master.xlsx', './master.xlsx'); // true
 */
export async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (path: string) => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}
