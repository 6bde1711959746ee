/**
 * What `check` prints: one JSON document (for tools) or a readable report grouped by file and
 * sheet (for people), and the exit status that goes with it.
 */
import { formatReading, type Finding, type TableReading } from '../core';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE } from './io';

/** How the check read the table on one sheet (issue 12). */
export interface SheetReading {
  sheet: string;
  table: TableReading;
}

/** The outcome of checking one file. */
export interface FileReport {
  file: string;
  findings: Finding[];
  /** The reading of each sheet's table, when the checker gives one. */
  tables?: SheetReading[];
  /** Why the file could not be read; its findings are then empty. */
  error?: string;
  /** What the reader should know that is not a finding (a reading saved in the workbook, used or not). */
  notes?: string[];
}

/** A finding as the JSON report prints it: every key present, `null` when it does not apply. */
export interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  message: string;
  expected: string | null;
  actual: string | null;
}

/** The JSON document `check --json` prints (issue 5). */
export interface JsonReport {
  files: {
    file: string;
    findings: JsonFinding[];
    /** Per sheet: the `table` object, the reading of its table. */
    sheets?: SheetReading[];
    error?: string;
    notes?: string[];
  }[];
  summary: { errors: number; warnings: number };
}

/**
 * Counts error and warning findings over every file.
 *
 * @example
 * summarise([{ file: 'a.xlsx', findings: [{ rule: 'unphased', severity: 'warning', message: 'm' }] }]);
 * // { errors: 0, warnings: 1 }
 */
export function summarise(reports: readonly FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const finding of report.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
    }
  }
  return { errors, warnings };
}

/**
 * Exit status: 2 when a file could not be read, else 1 when there is an error finding, else 0.
 *
 * @example
 * exitStatus([{ file: 'a.xlsx', findings: [], error: 'is empty' }]); // 2
 */
export function exitStatus(reports: readonly FileReport[]): number {
  if (reports.some((report) => report.error !== undefined)) return EXIT_UNREADABLE;
  return summarise(reports).errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * The JSON report. Files that could not be read carry an `error` message and no findings.
 *
 * @example
 * JSON.stringify(toJsonReport([{ file: 'a.xlsx', findings: [] }]));
 * // '{"files":[{"file":"a.xlsx","findings":[]}],"summary":{"errors":0,"warnings":0}}'
 */
export function toJsonReport(reports: readonly FileReport[]): JsonReport {
  return {
    files: reports.map((report) => ({
      file: report.file,
      findings: report.findings.map(toJsonFinding),
      ...(report.tables !== undefined ? { sheets: report.tables } : {}),
      ...(report.error !== undefined ? { error: report.error } : {}),
      ...(report.notes !== undefined ? { notes: report.notes } : {}),
    })),
    summary: summarise(reports),
  };
}

function toJsonFinding(finding: Finding): JsonFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    sheet: finding.sheet ?? null,
    cell: finding.cell ?? null,
    message: finding.message,
    expected: finding.expected ?? null,
    actual: finding.actual ?? null,
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The readable report: each file, its sheets, one line per finding, then a summary line.
 *
 * @example
 * formatTextReport([{ file: 'a.xlsx', findings: [] }]); // with `explain`, each sheet's reading first
 * // 'a.xlsx\n  No problems found.\n\n1 file checked: 0 errors, 0 warnings\n'
 */
export function formatTextReport(reports: readonly FileReport[], explain = false): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(report.file);
    if (explain) {
      for (const { sheet, table } of report.tables ?? []) {
        lines.push(`  How sheet '${sheet}' was read:`);
        for (const line of formatReading(table)) lines.push(`    ${line}`);
      }
    }
    for (const note of report.notes ?? []) lines.push(`  Note: ${note}`);
    if (report.error !== undefined) {
      lines.push(`  Cannot read it: ${report.error}`);
    } else if (report.findings.length === 0) {
      lines.push('  No problems found.');
    } else {
      const bySheet = new Map<string, Finding[]>();
      for (const finding of report.findings) {
        const sheet = finding.sheet ?? '(workbook)';
        bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), finding]);
      }
      for (const [sheet, findings] of bySheet) {
        lines.push(`  Sheet '${sheet}'`);
        for (const finding of findings) {
          const where = finding.cell ? `${finding.cell}: ` : '';
          lines.push(
            `    ${finding.severity.padEnd(7)} ${where}${finding.message} [${finding.rule}]`,
          );
        }
      }
    }
    lines.push('');
  }
  const { errors, warnings } = summarise(reports);
  const unreadable = reports.filter((report) => report.error !== undefined).length;
  const tail = unreadable > 0 ? `, ${unreadable} could not be read` : '';
  lines.push(
    `${plural(reports.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${tail}`,
  );
  return `${lines.join('\n')}\n`;
}
