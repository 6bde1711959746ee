/**
 * `capital-planner rollover`: closes the year of a workbook at its outturn (period 12) and writes
 * the workbook one year on to a new file. The input is only read.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatDecimal, formatFiscalYear } from '../../core';
import { planRollover } from '../../workbook';
import { loadWorkbook } from '../../xlsx/readWorkbook';
import { applyRollover, readRolloverInput } from '../../xlsx/rollover';
import { writeWorkbookAtomically } from '../../xlsx/writeWorkbook';
import { readCommandLine } from '../args';
import { ROLLOVER_HELP } from '../help';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_UNREADABLE,
  fileMessage,
  usageError,
  type CliIo,
} from '../io';

interface RolloverFlags {
  out?: string;
  json?: boolean;
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (path: string) => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

/**
 * Runs `rollover` with the words after the command name; returns the exit status (0 written,
 * 1 the workbook cannot be closed yet, 2 a file could not be read or written).
 *
 * @example
 * await runRollover(['p12.xlsx', '--out', '2017-18.xlsx'], processIo()); // 0
 */
export async function runRollover(args: readonly string[], io: CliIo): Promise<number> {
  const line = readCommandLine<RolloverFlags>(
    args,
    { out: { type: 'string' }, json: { type: 'boolean' } },
    ROLLOVER_HELP,
    io,
  );
  if (line.done) return line.exitStatus;
  const { values, positionals } = line;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    return usageError(io, 'name one workbook, e.g. rollover p12.xlsx --out 2017-18.xlsx');
  if (!values.out)
    return usageError(
      io,
      'say where to write the workbook one year on with --out FILE (the input is never changed)',
    );
  if (await samePath(file, values.out))
    return usageError(
      io,
      `--out '${values.out}' is the input: write to a new file, the input is never changed`,
    );

  const loaded = await loadWorkbook(file);
  if (!loaded.ok) {
    io.err(`${fileMessage(file, loaded.message)}\n`);
    return EXIT_UNREADABLE;
  }
  const read = readRolloverInput(loaded.value);
  if (!read.ok) {
    io.err(`Cannot close the year of '${file}': it ${read.message}\n`);
    return EXIT_FINDINGS;
  }
  const plan = planRollover(read.value.input);
  if (!plan.ok) {
    io.err(`Cannot close the year of '${file}': ${plan.message}\n`);
    return EXIT_FINDINGS;
  }
  applyRollover(loaded.value, plan.value, read.value.input, read.value.layout);
  const written = await writeWorkbookAtomically(loaded.value, values.out);
  if (!written.ok) {
    io.err(`Cannot write '${values.out}': ${written.message}\n`);
    return EXIT_UNREADABLE;
  }
  const { result, revisionLines } = plan.value;
  const closed = formatFiscalYear(result.closedYear);
  const current = formatFiscalYear(result.currentYear);
  if (values.json) {
    io.out(
      `${JSON.stringify(
        {
          file,
          out: values.out,
          closedYear: closed,
          currentYear: current,
          schemes: result.schemes.map((scheme) => ({
            ref: scheme.ref,
            closingBudget: formatDecimal(scheme.closingBudget),
            outturn: formatDecimal(scheme.outturn),
            slippage: formatDecimal(scheme.slippage),
            underOverspend: formatDecimal(scheme.underOverspend),
            allYearsBefore: formatDecimal(scheme.allYearsBefore),
            allYearsAfter: formatDecimal(scheme.allYearsAfter),
          })),
          revisions: revisionLines,
        },
        null,
        2,
      )}\n`,
    );
    return EXIT_OK;
  }
  const lines = result.schemes
    .filter((scheme) => scheme.revisions.length > 0)
    .map(
      (scheme) =>
        `  ${scheme.ref}: outturn ${formatDecimal(scheme.outturn)} of ${formatDecimal(scheme.closingBudget)}; ` +
        `slippage carried ${formatDecimal(scheme.slippage)}; under/(over)spend not carried ${formatDecimal(scheme.underOverspend)}; ` +
        `all years ${formatDecimal(scheme.allYearsBefore)} -> ${formatDecimal(scheme.allYearsAfter)}\n`,
    );
  io.out(
    `Closed ${closed} and wrote ${values.out} with ${current} current: ${revisionLines.length} lines added to the Revisions log.\n` +
      lines.join('') +
      `The In-year monitoring, returns and history stay as the record of ${closed}; set up ${current}'s monitoring with the add-in's Monitor.\n`,
  );
  return EXIT_OK;
}
