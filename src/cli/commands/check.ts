/**
 * `capital-planner check`: every check of the engine on every sheet of each workbook.
 */
import { OVERRIDE_ROLES } from '../../core';
import { readColumns, readCommandLine, readConvention, readDecimals } from '../args';
import { CHECK_HELP } from '../help';
import { fileMessage, usageError, type CliIo } from '../io';
import { exitStatus, formatTextReport, toJsonReport, type FileReport } from '../report';
import { runJobs } from '../workerPool';

interface CheckFlags {
  json?: boolean;
  sheet?: string;
  decimals?: string;
  convention?: string;
  explain?: boolean;
  column?: string[];
}

/**
 * Runs `check` with the words after the command name; returns the exit status.
 *
 * @example
 * await runCheck(['programme.xlsx', '--json'], processIo()); // 0, 1 or 2
 */
export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const line = readCommandLine<CheckFlags>(
    args,
    {
      json: { type: 'boolean' },
      sheet: { type: 'string' },
      decimals: { type: 'string' },
      convention: { type: 'string' },
      explain: { type: 'boolean' },
      column: { type: 'string', multiple: true },
    },
    CHECK_HELP,
    io,
  );
  if (line.done) return line.exitStatus;
  const { values, positionals } = line;
  if (positionals.length === 0)
    return usageError(
      io,
      'name at least one .xlsx file to check, e.g. capital-planner check programme.xlsx',
    );
  const decimals = readDecimals(values.decimals);
  if (!decimals.ok) return usageError(io, decimals.message);
  const convention = readConvention(values.convention);
  if (!convention.ok) return usageError(io, convention.message);

  const columns = readColumns(values.column, OVERRIDE_ROLES);
  if (!columns.ok) return usageError(io, columns.message);
  // Many files are read and checked on worker threads, one per core; reports keep the files' order.
  const check = { decimals: decimals.value, convention: convention.value, columns: columns.value };
  const reports = await runJobs<FileReport>(
    positionals.map((file) => ({ kind: 'check', file, sheet: values.sheet, check })),
  );
  for (const report of reports) {
    if (report.error !== undefined) io.err(`${fileMessage(report.file, report.error)}\n`);
  }
  io.out(
    values.json
      ? `${JSON.stringify(toJsonReport(reports), null, 2)}\n`
      : formatTextReport(reports, values.explain === true),
  );
  return exitStatus(reports);
}
