/**
 * `capital-planner check`: every check of the engine on every sheet of each workbook.
 */
import { readWorkbookGrids } from '../../xlsx/readWorkbook';
import { parseCommandLine, readConvention, readDecimals } from '../args';
import { checkFiles } from '../checkFiles';
import { gridChecker } from '../engine';
import { CHECK_HELP } from '../help';
import { EXIT_OK, fileMessage, usageError, type CliIo } from '../io';
import { exitStatus, formatTextReport, toJsonReport } from '../report';

interface CheckFlags {
  json?: boolean;
  sheet?: string;
  decimals?: string;
  convention?: string;
  help?: boolean;
}

/**
 * Runs `check` with the words after the command name; returns the exit status.
 *
 * @example
 * await runCheck(['programme.xlsx', '--json'], processIo()); // 0, 1 or 2
 */
export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine<CheckFlags>(args, {
    json: { type: 'boolean' },
    sheet: { type: 'string' },
    decimals: { type: 'string' },
    convention: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) return usageError(io, parsed.message);
  const { values, positionals } = parsed.value;
  if (values.help) {
    io.out(CHECK_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0)
    return usageError(
      io,
      'name at least one .xlsx file to check, e.g. capital-planner check programme.xlsx',
    );
  const decimals = readDecimals(values.decimals);
  if (!decimals.ok) return usageError(io, decimals.message);
  const convention = readConvention(values.convention);
  if (!convention.ok) return usageError(io, convention.message);

  const check = gridChecker({ decimals: decimals.value, convention: convention.value });
  const reports = await checkFiles(positionals, { sheet: values.sheet }, readWorkbookGrids, check);
  for (const report of reports) {
    if (report.error !== undefined) io.err(`${fileMessage(report.file, report.error)}\n`);
  }
  io.out(
    values.json ? `${JSON.stringify(toJsonReport(reports), null, 2)}\n` : formatTextReport(reports),
  );
  return exitStatus(reports);
}
