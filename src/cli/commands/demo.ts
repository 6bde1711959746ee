/**
 * `capital-planner demo`: writes the sample capital programme workbook and checks it.
 */
import { join } from 'node:path';
import { planDemoProgramme } from '../../xlsx/demo/planDemo';
import { buildDemoWorkbook } from '../../xlsx/demo/writeDemo';
import { readProgrammeCsv } from '../../xlsx/programmeCsv';
import { readWorkbookGrids } from '../../xlsx/readWorkbook';
import { writeWorkbookAtomically } from '../../xlsx/writeWorkbook';
import { formatDecimal } from '../../core';
import { readCommandLine } from '../args';
import { checkFiles } from '../checkFiles';
import { gridChecker } from '../engine';
import { DEMO_HELP } from '../help';
import { EXIT_UNREADABLE, usageError, type CliIo } from '../io';
import { exitStatus, formatTextReport, toJsonReport } from '../report';

/** The sample programme shipped with the command (DOMAIN.md's 2016 ICT investment programme). */
export const SAMPLE_CSV = join(__dirname, '..', 'samples', 'investment-programme-2016.csv');

/** Where `demo` writes when no --out is given. */
export const DEFAULT_DEMO_FILE = 'capital-programme-demo.xlsx';

interface DemoFlags {
  out?: string;
  json?: boolean;
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
    { out: { type: 'string' }, json: { type: 'boolean' } },
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
  const out = values.out ?? DEFAULT_DEMO_FILE;

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
  const written = await writeWorkbookAtomically(buildDemoWorkbook(plan.value), out);
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
    io.out(
      `Wrote ${out}: Programme (${schemes.length} schemes phased over ${quarterLabels.length} quarters, ` +
        `approved £${formatDecimal(totals.approved, 1)}m, revised £${formatDecimal(totals.revised, 2)}m), ` +
        `Revisions (${revisions.length}), ${holders} budget holders' forecast sheets, ` +
        `Monitoring (forecast £${formatDecimal(totals.forecast, 2)}m), in-year monitoring, ` +
        'Financing (funding by source and year, revenue consequences of borrowing).\n' +
        'Every figure is an ordinary Excel formula: it works without the add-in.\n\nChecking it:\n',
    );
    io.out(formatTextReport(reports));
  }
  return exitStatus(reports);
}
