/**
 * `capital-planner demo`: writes the sample capital programme workbook and checks it: in-year at
 * 2016/17 P8, at the outturn (`--year-end`, P12, ready for `rollover`), or one year on
 * (`--rolled-over`, 2017/18 current after closing 2016/17).
 */
import { planDemoProgramme } from '../../xlsx/demo/planDemo';
import { DEMO_OUTTURN, DEMO_PERIOD } from '../../xlsx/demo/planCycle';
import { buildRolledOverDemo } from '../../xlsx/demo/rolledOver';
import { buildDemoWorkbook } from '../../xlsx/demo/writeDemo';
import { readProgrammeCsv } from '../../xlsx/programmeCsv';
import { readWorkbookGrids } from '../../xlsx/readWorkbook';
import { writeWorkbookAtomically } from '../../xlsx/writeWorkbook';
import { formatDecimal, formatFiscalYear } from '../../core';
import { readCommandLine } from '../args';
import { checkFiles } from '../checkFiles';
import { gridChecker } from '../engine';
import { DEMO_HELP } from '../help';
import { EXIT_UNREADABLE, usageError, type CliIo } from '../io';
import { exitStatus, formatTextReport, toJsonReport } from '../report';
import { rolloverText } from '../rolloverReport';
import { SAMPLE_CSV } from '../sampleFiles';

/** Where `demo` writes when no --out is given. */
export const DEFAULT_DEMO_FILE = 'capital-programme-demo.xlsx';

/** Where `demo --year-end` writes when no --out is given (ready for `rollover`). */
export const DEFAULT_YEAR_END_FILE = 'capital-programme-demo-outturn-2016-17.xlsx';

/** Where `demo --rolled-over` writes when no --out is given. */
export const DEFAULT_ROLLED_OVER_FILE = 'capital-programme-demo-2017-18.xlsx';

interface DemoFlags {
  out?: string;
  json?: boolean;
  'year-end'?: boolean;
  'rolled-over'?: boolean;
}

/**
 * Runs `demo` with the words after the command name; returns the exit status of its check.
 *
 * @example
 * await runDemo(['--out', 'demo.xlsx'], processIo()); // 0
 */
export async function runDemo(args: readonly string[], io: CliIo): Promise<number> {
  const line = readCommandLine<DemoFlags>(
    args,
    {
      out: { type: 'string' },
      json: { type: 'boolean' },
      'year-end': { type: 'boolean' },
      'rolled-over': { type: 'boolean' },
    },
    DEMO_HELP,
    io,
  );
  if (line.done) return line.exitStatus;
  const { values, positionals } = line;
  if (positionals.length > 0)
    return usageError(
      io,
      `demo takes no file names; write --out ${positionals[0]} to choose where it writes`,
    );
  const rolledOver = values['rolled-over'] === true;
  // One year on starts from the outturn: --rolled-over implies --year-end.
  const yearEnd = rolledOver || values['year-end'] === true;
  const out =
    values.out ??
    (rolledOver ? DEFAULT_ROLLED_OVER_FILE : yearEnd ? DEFAULT_YEAR_END_FILE : DEFAULT_DEMO_FILE);
  const at = yearEnd ? DEMO_OUTTURN : DEMO_PERIOD;

  const rows = await readProgrammeCsv(SAMPLE_CSV);
  if (!rows.ok) {
    io.err(`capital-planner: the sample programme ${SAMPLE_CSV} ${rows.message}\n`);
    return EXIT_UNREADABLE;
  }
  const plan = planDemoProgramme(rows.value);
  if (!plan.ok) {
    io.err(`capital-planner: cannot build the demo programme: ${plan.message}\n`);
    return EXIT_UNREADABLE;
  }
  let workbook = buildDemoWorkbook(plan.value, at);
  let closing = '';
  if (rolledOver) {
    const rolled = await buildRolledOverDemo(plan.value);
    if (!rolled.ok) {
      io.err(`capital-planner: ${rolled.message}\n`);
      return EXIT_UNREADABLE;
    }
    workbook = rolled.value.workbook;
    closing = rolloverText(rolled.value.rollover, out);
  }
  const written = await writeWorkbookAtomically(workbook, out);
  if (!written.ok) {
    io.err(`Cannot write '${out}': ${written.message}\n`);
    return EXIT_UNREADABLE;
  }

  const reports = await checkFiles([out], {}, readWorkbookGrids, gridChecker({}));
  if (values.json) {
    io.out(`${JSON.stringify(toJsonReport(reports), null, 2)}\n`);
  } else {
    const { schemes, revisions, totals, quarterLabels } = plan.value;
    const holders = new Set(schemes.map((scheme) => scheme.budgetHolder)).size;
    const cycle = yearEnd
      ? `in-year monitoring at the outturn (${formatFiscalYear(at.year)} P${at.period}: the year's actuals in full, ` +
        'each in-year forecast equal to the actual spend, returns gathered at P3, P6 and P8 in the history)'
      : 'in-year monitoring';
    const what = rolledOver
      ? `Wrote ${out}, the demo one year on, from the demo at ${formatFiscalYear(at.year)}'s outturn:`
      : `Wrote ${out}:`;
    io.out(
      `${what} Programme (${schemes.length} schemes phased over ${quarterLabels.length} quarters, ` +
        `approved £${formatDecimal(totals.approved, 1)}m, revised £${formatDecimal(totals.revised, 2)}m), ` +
        `Revisions (${revisions.length}), ${holders} budget holders' forecast sheets, ` +
        `Monitoring (forecast £${formatDecimal(totals.forecast, 2)}m), ${cycle}, ` +
        'Financing (funding by source and year, revenue consequences of borrowing).\n' +
        'Every figure is an ordinary Excel formula: it works without the add-in.\n' +
        (rolledOver
          ? `\n${closing}`
          : yearEnd
            ? `Close the year with: capital-planner rollover ${out} --out ${DEFAULT_ROLLED_OVER_FILE}\n`
            : '') +
        '\nChecking it:\n',
    );
    io.out(formatTextReport(reports));
  }
  return exitStatus(reports);
}
