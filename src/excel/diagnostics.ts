/**
 * Diagnostics: a self-test, run from Settings, of every Office.js behaviour the add-in relies on,
 * on a temporary sheet that it removes afterwards. Each behaviour is reported as passed or failed
 * with a short detail, with the host, platform and version, so that the first person to open the
 * add-in in a real Excel knows in one click which assumptions hold there, and can copy the
 * report into a bug report.
 *
 * The sheet is added without being activated and is deleted at the end whatever happens; nothing
 * else in the workbook is touched (proved on the stand-in by comparing the whole model before
 * and after: src/excel/__tests__/diagnostics.test.ts).
 */
import { runAction } from './action';
import { asTextCell } from './cellText';
import { excelRun } from './excelRun';
import { oldFillFrom } from './highlights';
import { explainFailure } from './action';
import {
  excelApiStatus,
  type HostInfo,
  hostInfo,
  REQUIRED_EXCEL_API,
  requestsAreLimited,
} from './platform';
import { currentRequestBudget, jsonBytes, readRowChunks } from './requestBudget';
import type { ActionResult } from './types';
import { CELL_CHARACTER_LIMIT } from '../workbook';

/** One behaviour, as found in this Excel. */
export interface DiagnosticResult {
  /** What the add-in relies on, in a sentence. */
  behaviour: string;
  passed: boolean;
  /** What was seen (or the error's code). */
  detail: string;
}

/** Everything Diagnostics found. */
export interface DiagnosticsReport {
  host: HostInfo;
  /** Highest ExcelApi requirement set this Excel reports, or 'unknown'. */
  excelApi: string;
  results: DiagnosticResult[];
  /** The temporary sheet is gone again. */
  cleanedUp: boolean;
}

/** A check: queues its work on the temporary sheet, syncs as it needs, and says what it saw. */
type Check = (
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
) => Promise<{ passed: boolean; detail: string }>;

const EXCEL_API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

/** The temporary sheet's name: legal (31 characters at most) and unlikely to be taken. */
function scratchName(): string {
  return `CP Diagnostics ${Math.floor(Math.random() * 1e6)}`;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Text with digits, written as the add-in writes it, reads back as the same text. */
const textWithDigits: Check = async (context, sheet) => {
  const texts = ['CP-001', 'Cab 12/01', '007', '1 1/2', 'Q1 2019', '2.6'];
  const range = sheet.getRange('A1:F1');
  range.values = [texts.map((t) => asTextCell(t))];
  range.load('values, valueTypes');
  await context.sync();
  const passed = same(range.values, [texts]) && range.valueTypes[0].every((t) => t === 'String');
  return { passed, detail: `read back ${JSON.stringify(range.values[0])}` };
};

/** Text that looks like a formula, written as the add-in writes it, stays text and never runs. */
const formulaLookingText: Check = async (context, sheet) => {
  const texts = ['=1+1', '+A1', '-B2', '@SUM(A1)', '=HYPERLINK("https://example.com","x")'];
  const range = sheet.getRange('A2:E2');
  range.values = [texts.map((t) => asTextCell(t))];
  range.load('values, formulas');
  await context.sync();
  const passed = same(range.values, [texts]) && same(range.formulas, [texts]);
  return { passed, detail: `values ${JSON.stringify(range.values[0])}` };
};

/** A cell formatted as Text (`@`) keeps what is written as it is, and a stray `'` shows. */
const textFormattedCells: Check = async (context, sheet) => {
  const texts = ['007', '=1+1', 'CP-001'];
  const range = sheet.getRange('A3:D3');
  range.numberFormat = [['@', '@', '@', '@']];
  range.values = [[...texts.map((t) => asTextCell(t, '@')), "'quoted"]];
  range.load('values, formulas');
  await context.sync();
  const kept = range.values[0][3] === "'quoted";
  const passed =
    same(range.values[0].slice(0, 3), texts) && same(range.formulas[0].slice(0, 3), texts);
  return {
    passed,
    detail: `read back ${JSON.stringify(range.values[0].slice(0, 3))}; a leading apostrophe in a Text cell is ${kept ? 'kept as a character' : 'taken as a quote prefix'}`,
  };
};

/** A table takes this-row structured-reference formulas once it exists. */
const tableFormulas: Check = async (context, sheet) => {
  const tableName = `CP_Diagnostics_${Math.floor(Math.random() * 1e6)}`;
  sheet.getRange('H1:I3').values = [
    ['Approved', 'Revised'],
    [2, ''],
    [4, ''],
  ];
  const table = sheet.tables.add(sheet.getRange('H1:I3'), true);
  table.name = tableName;
  table.getDataBodyRange().getColumn(1).formulas = [['=[@Approved]+1'], ['=[@Approved]+1']];
  const body = table.getDataBodyRange().getColumn(1).load('values, formulas');
  await context.sync();
  const numbers = body.values.every((row) => typeof row[0] === 'number');
  const formulas = body.formulas.every((row) => String(row[0]).includes('[@Approved]'));
  let outside = 'not tried';
  try {
    sheet.getRange('K2').formulas = [['=[@Approved]+1']];
    await context.sync();
    outside = 'accepted';
  } catch {
    outside = 'refused';
  }
  return {
    passed: numbers && formulas,
    detail: `results ${JSON.stringify(body.values.map((r) => r[0]))}; the same formula outside a table is ${outside}`,
  };
};

/** Objects taken from a null object are null objects too, and reading them throws nothing. */
const nullObjectChaining: Check = async (context) => {
  const table = context.workbook.tables.getItemOrNullObject('CP_Diagnostics_no_such_table');
  table.load('name');
  const range = table.getRange().load('rowIndex, columnIndex, rowCount, columnCount');
  const missing = context.workbook.worksheets.getItemOrNullObject('CP Diagnostics no such sheet');
  missing.load('name');
  const empty = missing.getUsedRangeOrNullObject(true);
  empty.load('address');
  await context.sync();
  const passed = table.isNullObject && missing.isNullObject && empty.isNullObject;
  return {
    passed,
    detail: passed ? 'null objects throughout, no error' : `range ${range.isNullObject}`,
  };
};

/** What getCellProperties says of a cell's fill. */
function fillOf(props: OfficeExtension.ClientResult<Excel.CellProperties[][]>, column: number) {
  const fill = props.value[0][column].format?.fill;
  return { color: fill?.color, pattern: fill?.pattern, tintAndShade: fill?.tintAndShade };
}

/** Highlight then clear, as the add-in does, leaves No Fill as No Fill and a colour as it was. */
const highlightRoundTrip: Check = async (context, sheet) => {
  const cells = sheet.getRange('A5:B5');
  sheet.getRange('B5').format.fill.color = '#FFFF00';
  const options = { format: { fill: { color: true, pattern: true, tintAndShade: true } } };
  const before = cells.getCellProperties(options);
  await context.sync();
  const old = [oldFillFrom(fillOf(before, 0)), oldFillFrom(fillOf(before, 1))];
  cells.format.fill.color = '#F4CCCC';
  await context.sync();
  old.forEach((fill, i) => {
    const cell = sheet.getCell(4, i);
    if (fill === 'none') cell.format.fill.clear();
    else cell.format.fill.color = fill.color;
  });
  const after = cells.getCellProperties(options);
  await context.sync();
  const passed =
    old[0] === 'none' &&
    same([fillOf(after, 0), fillOf(after, 1)], [fillOf(before, 0), fillOf(before, 1)]);
  return {
    passed,
    detail: `No Fill reads ${JSON.stringify(fillOf(before, 0))}; yellow reads ${JSON.stringify(fillOf(before, 1))}`,
  };
};

/** A sheet protected as forecast sheets are refuses fills, and the add-in's way round it works. */
const protectedFormatting: Check = async (context, sheet) => {
  const options = { allowFormatColumns: true, allowAutoFilter: true, allowSort: false };
  sheet.getRange('A7').format.protection.locked = false;
  sheet.protection.protect(options);
  await context.sync();
  let direct = 'accepted';
  try {
    sheet.getRange('A7').format.fill.color = '#F4CCCC';
    await context.sync();
  } catch (error) {
    direct = `refused (${(error as { code?: string }).code ?? 'no code'})`;
  }
  sheet.protection.unprotect();
  sheet.getRange('A7').format.fill.color = '#F4CCCC';
  sheet.protection.protect(options);
  const state = sheet.protection.load('protected');
  const fill = sheet.getRange('A7').format.fill.load('color');
  await context.sync();
  const passed = state.protected && fill.color.toUpperCase() === '#F4CCCC';
  sheet.protection.unprotect();
  await context.sync();
  return {
    passed,
    detail: `a fill without unprotecting was ${direct}; unprotect, fill, protect worked`,
  };
};

/** A read larger than one request is split into chunks that stay under the limit and lose nothing. */
const chunkedRead: Check = async (context, sheet) => {
  // On the web: a quarter more than one request carries, so the read must be split. On desktop
  // (no limit) a small block, read in one go.
  const limited = Number.isFinite(currentRequestBudget());
  const budget = limited ? currentRequestBudget() : 400 * 1024;
  const line = 'x'.repeat(90);
  const rowBytes = jsonBytes([line, line]) + 1;
  const rows = Math.ceil(((limited ? 1.25 : 1) * budget) / rowBytes);
  const grid = Array.from({ length: rows }, (_, i) => [`${i}${line}`.slice(0, 90), line]);
  const perWrite = Math.max(1, Math.floor((0.8 * budget) / rowBytes));
  for (let start = 0; start < rows; start += perWrite) {
    const part = grid.slice(start, start + perWrite);
    sheet.getRangeByIndexes(10 + start, 0, part.length, 2).values = part.map((r) =>
      r.map((t) => asTextCell(t)),
    );
    await context.sync();
  }
  const read: unknown[][] = [];
  let chunks = 0;
  await readRowChunks(context, rows, 2, (start, count) => {
    const range = sheet.getRangeByIndexes(10 + start, 0, count, 2).load('values');
    return () => {
      chunks++;
      for (const row of range.values) read.push(row);
      return range.values;
    };
  });
  const passed = same(read, grid);
  return {
    passed,
    detail: `${rows.toLocaleString('en-GB')} rows (${Math.round((rows * rowBytes) / 1024)} KB) read in ${chunks} chunk(s) on ${requestsAreLimited() ? 'a 5 MB-limited' : 'an unlimited'} host`,
  };
};

/**
 * A line chart of a block by columns takes a first column of text periods (`2016/17 P3`) as its
 * category axis, so the trend chart has one series per figure, not one more for the periods.
 * Excel's documentation of ChartCollection.add does not say how it picks categories
 * (https://learn.microsoft.com/javascript/api/excel/excel.chartcollection); the stand-in models
 * text as categories and plain numbers as a series, and this shows which holds here.
 */
const chartCategories: Check = async (context, sheet) => {
  sheet.getRange('M1:N3').values = [
    ['Period', 'Forecast'],
    ['2016/17 P3', 1],
    ['2016/17 P6', 2],
  ];
  sheet.getRange('P1:Q3').values = [
    ['Period', 'Forecast'],
    [3, 1],
    [6, 2],
  ];
  const text = sheet.charts.add('Line', sheet.getRange('M1:N3'), 'Columns');
  const numbers = sheet.charts.add('Line', sheet.getRange('P1:Q3'), 'Columns');
  text.series.load('count');
  numbers.series.load('count');
  await context.sync();
  return {
    passed: text.series.count === 1,
    detail: `text periods gave ${text.series.count} series (1: the periods are the categories); periods as numbers gave ${numbers.series.count}`,
  };
};

/** The calculation mode can be read, and what Check will do about it. */
const calculationMode: Check = async (context) => {
  const application = context.workbook.application.load('calculationMode');
  await context.sync();
  const mode = application.calculationMode;
  return {
    passed: typeof mode === 'string',
    detail:
      mode === 'Manual'
        ? 'Manual: Check recalculates before reading'
        : `${mode}: formula results are current`,
  };
};

/**
 * A cell takes text up to Excel's limit (32,767 characters) and gives it back whole: the column
 * readings remembered on the settings sheet are one cell per sheet, kept under that limit
 * (src/workbook/columnReadings.ts), and the stand-in refuses more.
 */
const longText: Check = async (context, sheet) => {
  const text = `G=variance; ${'x'.repeat(CELL_CHARACTER_LIMIT - 12)}`;
  const range = sheet.getRange('A5');
  range.values = [[asTextCell(text)]];
  range.load('values');
  await context.sync();
  const back = range.values[0][0];
  return {
    passed: back === text,
    detail: `wrote ${text.length} characters, read back ${typeof back === 'string' ? back.length : typeof back}`,
  };
};

/**
 * Rows appended to a table read back by position and delete in place (TableRowCollection.add,
 * TableRow.values, TableRow.delete, ExcelApi 1.1): Close the year appends its Revisions lines,
 * and its Undo deletes them by position only after checking they still hold what it wrote
 * (src/excel/undo.ts). The stand-in does the same (tests/support/fake-excel TableRowProxy).
 */
const tableRowsUndo: Check = async (context, sheet) => {
  sheet.getRange('S1:T2').values = [
    ['Ref', 'Amount'],
    ['CP-001', 1],
  ];
  const table = sheet.tables.add(sheet.getRange('S1:T2'), true);
  table.rows.add(undefined, [
    ['CP-002', 2],
    ['CP-003', 3],
  ]);
  const last = table.rows.getItemAt(2).load('values');
  await context.sync();
  const readBack = same(last.values, [['CP-003', 3]]);
  table.rows.getItemAt(2).delete();
  table.rows.getItemAt(1).delete();
  const rows = table.rows.load('count');
  const body = table.getDataBodyRange().load('values');
  await context.sync();
  return {
    passed: readBack && rows.count === 1 && same(body.values, [['CP-001', 1]]),
    detail: `the last added row read back ${JSON.stringify(last.values)}; after deleting both, ${rows.count} row(s): ${JSON.stringify(body.values)}`,
  };
};

/** The requirement sets the add-in needs (manifest: ExcelApi 1.9). */
function requirementSets(): { result: DiagnosticResult; highest: string } {
  const statuses = EXCEL_API_VERSIONS.map((v) => [v, excelApiStatus(v)] as const);
  const supported = statuses.filter(([, s]) => s === 'supported').map(([v]) => v);
  const unknown = statuses.every(([, s]) => s === 'unknown');
  const highest = unknown ? 'unknown' : (supported[supported.length - 1] ?? 'none');
  const needed = excelApiStatus(REQUIRED_EXCEL_API);
  return {
    highest,
    result: {
      behaviour: `ExcelApi ${REQUIRED_EXCEL_API} (the manifest's minimum) is supported`,
      passed: needed === 'supported',
      detail: unknown
        ? 'this host cannot say (Office.context.requirements is missing)'
        : `ExcelApi up to ${highest}; delay while editing a cell (1.11): ${excelApiStatus('1.11')}`,
    },
  };
}

const CHECKS: readonly [string, Check][] = [
  ['Text with digits stays text and loses no character', textWithDigits],
  ['Text that looks like a formula stays text', formulaLookingText],
  ['A cell formatted as Text keeps what is written', textFormattedCells],
  ['A table takes structured-reference formulas', tableFormulas],
  ['Null objects chain without errors', nullObjectChaining],
  ['Highlight then clear restores No Fill', highlightRoundTrip],
  ['A protected forecast sheet can be highlighted', protectedFormatting],
  ['A chunked read at the request limit loses nothing', chunkedRead],
  ['The calculation mode can be read', calculationMode],
  ['A line chart takes text periods as its categories', chartCategories],
  ['A cell holds 32,767 characters of text', longText],
  ['Rows added to a table read back and delete by position', tableRowsUndo],
];

/**
 * Runs every check on a temporary sheet and removes it again.
 *
 * @example
 * const report = await runDiagnostics();
 * if (report.ok) console.log(diagnosticsText(report.value));
 */
export async function runDiagnostics(): Promise<ActionResult<DiagnosticsReport>> {
  return runAction('Diagnostics', async () => {
    const sets = requirementSets();
    const results: DiagnosticResult[] = [sets.result];
    const name = scratchName();
    try {
      await excelRun(async (context) => {
        context.workbook.worksheets.add(name).visibility = 'Hidden' as Excel.SheetVisibility;
        await context.sync();
      });
      for (const [behaviour, check] of CHECKS) {
        try {
          const outcome = await excelRun(async (context) =>
            check(context, context.workbook.worksheets.getItem(name)),
          );
          results.push({ behaviour, ...outcome });
        } catch (error) {
          const code = (error as { code?: unknown } | null)?.code;
          results.push({
            behaviour,
            passed: false,
            detail: `${typeof code === 'string' ? `${code}: ` : ''}${explainFailure(error)}`,
          });
        }
      }
    } finally {
      await removeScratch(name);
    }
    const cleanedUp = await excelRun(async (context) => {
      const left = context.workbook.worksheets.getItemOrNullObject(name);
      left.load('name');
      await context.sync();
      return left.isNullObject;
    }).catch(() => false);
    return {
      ok: true,
      value: { host: hostInfo(), excelApi: sets.highest, results, cleanedUp },
    };
  });
}

/** Deletes the temporary sheet (unprotecting it first, should a check have stopped half-way). */
async function removeScratch(name: string): Promise<void> {
  await excelRun(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name');
    const protection = sheet.protection.load('protected');
    await context.sync();
    if (sheet.isNullObject) return;
    if (protection.protected) sheet.protection.unprotect();
    sheet.delete();
    await context.sync();
  }).catch(() => undefined);
}

/**
 * The report as plain text, for "Copy report".
 *
 * @example
 * navigator.clipboard.writeText(diagnosticsText(report));
 */
export function diagnosticsText(report: DiagnosticsReport): string {
  const lines = [
    'Capital Planner diagnostics',
    `Host: ${report.host.host}; platform: ${report.host.platform}; version: ${report.host.version}; ExcelApi: ${report.excelApi}`,
    ...report.results.map((r) => `${r.passed ? 'PASSED' : 'FAILED'}  ${r.behaviour}: ${r.detail}`),
    `Temporary sheet removed: ${report.cleanedUp ? 'yes' : 'NO'}`,
  ];
  return lines.join('\n');
}
