/**
 * `capital-planner import`: brings in a capital programme table as councils print it (quarter
 * markers under year columns, status headings, continuation rows, repeated headers and totals,
 * or a Phase column) and writes a workbook with the Programme and Revisions the task pane's Set up
 * builds. Reports what it read and what it could not.
 */
import { resolve } from 'node:path';
import {
  formatDecimal,
  readPrintedProgramme,
  type Finding,
  type PrintedProgramme,
} from '../../core';
import { buildImportedWorkbook, planImportedProgramme } from '../../xlsx/importedProgramme';
import { readWorkbookGrids } from '../../xlsx/readWorkbook';
import { writeWorkbookAtomically } from '../../xlsx/writeWorkbook';
import { readCommandLine } from '../args';
import { IMPORT_HELP } from '../help';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_UNREADABLE,
  fileMessage,
  usageError,
  type CliIo,
} from '../io';

interface ImportFlags {
  sheet?: string;
  out?: string;
  json?: boolean;
}

/** The JSON document `import --json` prints. */
export interface ImportJsonReport {
  file: string;
  sheet: string | null;
  out: string;
  headerRow: number;
  unit: string | null;
  columns: { column: string; header: string; role: string; period: string | null }[];
  schemes: {
    cell: string;
    rows: number[];
    ref: string;
    name: string;
    status: string;
    amount: string | null;
    phrase: string;
    description: string;
    impact: string;
  }[];
  totals: { cell: string; label: string; printed: string; schemes: string; ok: boolean }[];
  repeatedHeaders: number[];
  findings: Finding[];
  summary: { schemes: number; errors: number; warnings: number };
}

function amountText(read: PrintedProgramme, index: number): string | null {
  const scheme = read.schemes[index];
  return scheme.amount ? formatDecimal(scheme.amount, read.decimals) : (scheme.amountText ?? null);
}

function jsonReport(file: string, out: string, read: PrintedProgramme): ImportJsonReport {
  const count = (severity: Finding['severity']) =>
    read.findings.filter((finding) => finding.severity === severity).length;
  return {
    file,
    sheet: read.sheet ?? null,
    out,
    headerRow: read.headerRow,
    unit: read.unit ?? null,
    columns: read.columns.map((c) => ({
      column: c.letters,
      header: c.header,
      role: c.role,
      period: c.period ?? null,
    })),
    schemes: read.schemes.map((s, i) => ({
      cell: s.cell,
      rows: s.rows,
      ref: s.ref,
      name: s.name,
      status: s.status,
      amount: amountText(read, i),
      phrase: s.phrase,
      description: s.description,
      impact: s.impact,
    })),
    totals: read.totals.map((t) => ({
      cell: t.cell,
      label: t.label,
      printed: formatDecimal(t.printed, read.decimals),
      schemes: formatDecimal(t.schemesSum, read.decimals),
      ok: t.ok,
    })),
    repeatedHeaders: read.repeatedHeaders,
    findings: read.findings,
    summary: { schemes: read.schemes.length, errors: count('error'), warnings: count('warning') },
  };
}

function textReport(file: string, out: string, read: PrintedProgramme, quarters: number): string {
  const unit = read.unit ?? '';
  const lines = [
    `Read '${read.sheet ?? 'sheet'}' of ${file} (header on row ${read.headerRow}${unit ? `, amounts in ${unit}` : ''}).`,
    'Columns:',
    ...read.columns.map(
      (c) =>
        `  ${c.letters.padEnd(3)} ${c.header || '(blank)'}: ${c.role}${c.period && c.role === 'quarter markers' ? ` (${c.period})` : ''}`,
    ),
    `Schemes (${read.schemes.length}):`,
    ...read.schemes.map((s, i) => {
      const amount = amountText(read, i);
      const extra = s.rows.length > 1 ? ` [rows ${s.rows.join(', ')}]` : '';
      return `  ${s.cell.padEnd(4)} ${s.name || '(no name)'}${s.status ? ` (${s.status})` : ''}, ${amount ?? 'no amount'}: ${s.phrase || 'not phased'}${extra}`;
    }),
  ];
  if (read.totals.length > 0)
    lines.push(
      'Totals (checked, not imported):',
      ...read.totals.map(
        (t) =>
          `  ${t.cell.padEnd(4)} ${t.label} ${formatDecimal(t.printed, read.decimals)}: ${t.ok ? 'matches' : 'does not match'} its ${t.schemes} schemes (${formatDecimal(t.schemesSum, read.decimals)})`,
      ),
    );
  if (read.repeatedHeaders.length > 0)
    lines.push(`Header repeated at page breaks, skipped: rows ${read.repeatedHeaders.join(', ')}`);
  if (read.findings.length > 0)
    lines.push(
      `Could not read or check (${read.findings.length}):`,
      ...read.findings.map(
        (f) => `  ${(f.cell ?? '').padEnd(4)} ${f.severity} ${f.rule}: ${f.message}`,
      ),
    );
  else lines.push('Everything in the table was read.');
  lines.push(
    `Wrote ${out}: Programme (${read.schemes.length} schemes phased over ${quarters} quarters) and Revisions (empty).`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `import` with the words after the command name; returns the exit status: 0 read and
 * written, 1 written with error findings (an unreadable marker, a total that does not add up),
 * 2 the table could not be read or the workbook not written.
 *
 * @example
 * await runImport(['table.xlsx', '--out', 'programme.xlsx'], processIo()); // 0
 */
export async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const line = readCommandLine<ImportFlags>(
    args,
    { sheet: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
    IMPORT_HELP,
    io,
  );
  if (line.done) return line.exitStatus;
  const { values, positionals } = line;
  if (positionals.length !== 1)
    return usageError(
      io,
      positionals.length === 0
        ? 'import needs the workbook holding the table, e.g. capital-planner import table.xlsx --out programme.xlsx'
        : `import reads one workbook; got ${positionals.length} (${positionals.join(', ')})`,
    );
  const [file] = positionals;
  if (!values.out)
    return usageError(
      io,
      `import needs --out FILE, where to write the programme, e.g. --out programme.xlsx`,
    );
  const out = values.out;
  if (resolve(out) === resolve(file))
    return usageError(
      io,
      `--out ${out} is the table being read: write the programme to another file`,
    );

  const grids = await readWorkbookGrids(
    file,
    values.sheet === undefined ? {} : { sheet: values.sheet },
  );
  if (!grids.ok) {
    io.err(`${fileMessage(file, grids.message)}\n`);
    return EXIT_UNREADABLE;
  }
  let read: PrintedProgramme | undefined;
  for (const grid of grids.value.grids) {
    const candidate = readPrintedProgramme(grid);
    if (candidate && candidate.schemes.length > 0) {
      read = candidate;
      break;
    }
  }
  if (!read) {
    const where = values.sheet
      ? `sheet '${values.sheet}'`
      : `any sheet (${grids.value.sheetNames.join(', ')})`;
    io.err(
      `${fileMessage(file, `no programme table found in ${where}: it needs a header row naming the schemes (e.g. 'Area for investment' or 'Scheme') with an amount column (e.g. 'Capital £m'), year columns with quarters marked under them (e.g. '2016/17' over 'Q1-4'), or a 'Phase' column`)}\n`,
    );
    return EXIT_UNREADABLE;
  }
  const plan = planImportedProgramme(read);
  if (!plan.ok) {
    io.err(`${fileMessage(file, plan.message)}\n`);
    return EXIT_UNREADABLE;
  }
  const written = await writeWorkbookAtomically(buildImportedWorkbook(plan.value), out);
  if (!written.ok) {
    io.err(`Cannot write '${out}': ${written.message}\n`);
    return EXIT_UNREADABLE;
  }
  if (values.json) io.out(`${JSON.stringify(jsonReport(file, out, read), null, 2)}\n`);
  else io.out(textReport(file, out, read, plan.value.quarterLabels.length));
  return read.findings.some((finding) => finding.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
