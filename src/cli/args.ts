/**
 * Option parsing for every sub-command, over `node:util` parseArgs (strict: an unknown option or
 * a missing value is a usage problem reported in one line, never a stack trace).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Parsed } from '../core';
import { EXIT_OK, usageError, type CliIo } from './io';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Options and file arguments of one command line. */
export interface ParsedCommandLine<T> {
  values: T;
  positionals: string[];
}

/**
 * Parses `args` against `options`; a mistake comes back as a message that names the option.
 *
 * @example
 * parseCommandLine(['a.xlsx', '--json'], { json: { type: 'boolean' } });
 * // { ok: true, value: { values: { json: true }, positionals: ['a.xlsx'] } }
 */
export function parseCommandLine<T>(
  args: readonly string[],
  options: OptionsConfig,
): Parsed<ParsedCommandLine<T>> {
  try {
    const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
    return { ok: true, value: { values: parsed.values as T, positionals: parsed.positionals } };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    // parseArgs's advice about '--' is for programmers; a file name starting with '-' is rare.
    return {
      ok: false,
      message: message
        .replace(/^\w*Error \[[A-Z_]+\]: /, '')
        .replace(/\. To specify a positional argument.*$/, ''),
    };
  }
}

/** A command line read by {@link readCommandLine}: either the command is done, or it runs. */
export type CommandLine<T> =
  { done: true; exitStatus: number } | ({ done: false } & ParsedCommandLine<T>);

/**
 * The start every sub-command shares: parses `args` against `options` plus `--help`/`-h`. A
 * mistake is reported as a usage error (status 2) and `--help` prints `help` (status 0); either
 * way the command is done. Otherwise its options and file names come back.
 *
 * @example
 * const line = readCommandLine<{ json?: boolean }>(args, { json: { type: 'boolean' } }, CHECK_HELP, io);
 * if (line.done) return line.exitStatus;
 */
export function readCommandLine<T>(
  args: readonly string[],
  options: OptionsConfig,
  help: string,
  io: CliIo,
): CommandLine<T> {
  const parsed = parseCommandLine<T & { help?: boolean }>(args, {
    ...options,
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) return { done: true, exitStatus: usageError(io, parsed.message) };
  if (parsed.value.values.help) {
    io.out(help);
    return { done: true, exitStatus: EXIT_OK };
  }
  return { done: false, ...parsed.value };
}

/** Most decimal places a money figure is printed with that --decimals accepts. */
export const MAX_DECIMALS = 6;

/**
 * Reads the --decimals option (places the figures are printed to), if given.
 *
 * @example
 * readDecimals('1'); // { ok: true, value: 1 }
 * readDecimals('one'); // { ok: false, message: "--decimals must be a whole number from 0 to 6, e.g. --decimals 1; got 'one'" }
 */
export function readDecimals(text: string | undefined): Parsed<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed) && Number(trimmed) <= MAX_DECIMALS)
    return { ok: true, value: Number(trimmed) };
  return {
    ok: false,
    message: `--decimals must be a whole number from 0 to ${MAX_DECIMALS}, e.g. --decimals 1; got '${text}'`,
  };
}

/** The two ways councils print a variance (DOMAIN.md). */
export type ConventionOption = 'budget-minus-forecast' | 'forecast-minus-budget';

/**
 * Reads the --convention option, if given.
 *
 * @example
 * readConvention('forecast-minus-budget'); // { ok: true, value: 'forecast-minus-budget' }
 */
export function readConvention(text: string | undefined): Parsed<ConventionOption | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  if (text === 'budget-minus-forecast' || text === 'forecast-minus-budget')
    return { ok: true, value: text };
  return {
    ok: false,
    message: `--convention must be budget-minus-forecast or forecast-minus-budget; got '${text}'`,
  };
}
