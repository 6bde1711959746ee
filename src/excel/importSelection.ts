/**
 * Bring in an existing table: read the selection, let the engine recognise its columns, show the
 * mapping for the officer to confirm, then build a Programme table on a new sheet. The source
 * range is only read, never written.
 */
import {
  convertUnit,
  formatPeriodColumn,
  parseMoney,
  parsePhasing,
  readPrintedProgramme,
  recogniseTable,
  toNumber,
  tryFromNumber,
  type Month,
  type MoneyUnit,
  type RecognisedColumn,
} from '../core';
import { toA1 } from './a1';
import { report, runAction, throwIfCancelled } from './action';
import { BatchWriter } from './batchWriter';
import { isBlankCell } from './cellText';
import { readBlock } from './checks';
import { excelRun } from './excelRun';
import { marksQuarters, printedColumns, printedRows } from './importPrinted';
import {
  PROGRAMME_COLUMNS,
  PROGRAMME_TABLE,
  REVISIONS_TABLE,
  periodHeaders,
  uniqueSheetName,
} from '../workbook';
import { lineFromCells, queueProgrammeSheet, queueRevisionsLog, type Cell } from './setUpProgramme';
import { queueSettingsRead, queueSettingsWrite, SETTINGS_SHEET } from './settings';
import { allOrNothing, rememberChange } from './undo';
import type {
  ActionResult,
  ImportColumn,
  ImportPreview,
  ImportResult,
  PlannerSettings,
  ProgrammeField,
  RunOptions,
} from './types';

/** Words in a header that name a Programme field the engine's roles do not cover. */
const HEADER_FIELDS: readonly [RegExp, ProgrammeField][] = [
  [/impact|benefit|outcome/i, 'impact'],
  [/description|detail|purpose/i, 'description'],
  [/fund(ing|ed)?\b|source of funding/i, 'fundingSource'],
  [/holder|manager|owner|\blead\b|officer/i, 'budgetHolder'],
  [/profile/i, 'profile'],
  [/^\s*(area|directorate|service|portfolio)\b/i, 'area'],
];

/** What a recognised column becomes in the Programme. */
function roleOf(column: RecognisedColumn, taken: Set<string>): ImportColumn['role'] {
  const claim = (role: ProgrammeField): ImportColumn['role'] => {
    if (taken.has(role)) return 'ignore';
    taken.add(role);
    return role;
  };
  switch (column.role) {
    case 'ref':
      return claim('ref');
    case 'status':
      return claim('status');
    case 'label':
      return claim('scheme');
    case 'phasing':
      return claim('phasing');
    case 'period':
      return 'period';
    case 'budget':
    case 'all-years-budget':
      return column.budgetKind === 'revised'
        ? claim('revisedBudget')
        : taken.has('approvedBudget')
          ? claim('revisedBudget')
          : claim('approvedBudget');
    case 'text': {
      const match = HEADER_FIELDS.find(([pattern]) => pattern.test(column.header));
      return match ? claim(match[1]) : 'ignore';
    }
    default: {
      const match = HEADER_FIELDS.find(([pattern]) => pattern.test(column.header));
      return match &&
        column.role !== 'forecast' &&
        column.role !== 'variance' &&
        column.role !== 'actual'
        ? claim(match[1])
        : 'ignore';
    }
  }
}

interface SourceBlock {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

async function readSelectionBlock(
  context: Excel.RequestContext,
  run: RunOptions,
  address?: { sheet: string; address: string },
) {
  const range = address
    ? context.workbook.worksheets.getItem(address.sheet).getRange(address.address)
    : context.workbook.getSelectedRange();
  const sheet = range.worksheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true);
  const part = range
    .getIntersectionOrNullObject(used)
    .load('rowIndex, columnIndex, rowCount, columnCount');
  const readSettings = queueSettingsRead(context);
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  await context.sync();
  throwIfCancelled(run.signal);
  if (part.isNullObject)
    return { empty: true as const, sheet: sheet.name, settings: readSettings() };
  const block: SourceBlock = {
    sheet: sheet.name,
    top: part.rowIndex,
    left: part.columnIndex,
    rows: part.rowCount,
    columns: part.columnCount,
  };
  const { values, numberFormats } = await readBlock(context, block, run);
  return {
    empty: false as const,
    block,
    values,
    numberFormats,
    settings: readSettings(),
    sheetNames: sheets.items.map((s) => s.name),
    tableNames: tables.items.map((t) => t.name.toLowerCase()),
  };
}

/**
 * Reads the selected range and recognises its columns, for the officer to confirm.
 *
 * @example
 * const preview = await previewSelection(); if (preview.ok) show(preview.value.columns);
 */
export async function previewSelection(run: RunOptions = {}): Promise<ActionResult<ImportPreview>> {
  return runAction('Bring in a table', () =>
    excelRun(async (context) => {
      const read = await readSelectionBlock(context, run);
      if (read.empty)
        return {
          ok: false,
          message: 'The selection is empty: select the table to bring in, headings included.',
        };
      const { block, values, numberFormats, settings } = read;
      const grid = {
        sheet: block.sheet,
        values,
        numberFormats,
        origin: { row: block.top, column: block.left },
      };
      const address = `${toA1(block.top, block.left)}:${toA1(block.top + block.rows - 1, block.left + block.columns - 1)}`;
      // Quarters marked under year columns, as councils print them: the core reader reads those.
      const printed = readPrintedProgramme(grid, {
        startMonth: settings.settings.fiscalYearStartMonth as Month,
      });
      if (marksQuarters(printed)) {
        const value: ImportPreview = {
          sheet: block.sheet,
          address,
          headerRow: printed.headerRow - 1 - block.top,
          columns: printedColumns(printed),
          schemeRows: printed.schemes.length,
          unit: printed.unit ?? settings.settings.unit,
          notes: printed.findings.map((f) => (f.cell ? `${f.cell}: ${f.message}` : f.message)),
        };
        return { ok: true, value };
      }
      const table = recogniseTable(grid);
      if (!table || table.headerRows.length === 0) {
        return {
          ok: false,
          message:
            'No table with headings and figures was found in the selection: select the whole table, its heading row included.',
        };
      }
      const taken = new Set<string>();
      const startMonth = settings.settings.fiscalYearStartMonth as Month;
      const columns: ImportColumn[] = table.columns.map((column) => {
        const role = roleOf(column, taken);
        return {
          index: column.index,
          header: column.header,
          role,
          ...(role === 'period' && column.period
            ? { periodLabel: formatPeriodColumn(column.period, startMonth) }
            : {}),
        };
      });
      const schemeRows = table.rowKinds.filter((kind) => kind === 'detail').length;
      const budget = table.columns.find(
        (c) => c.role === 'budget' || c.role === 'all-years-budget',
      );
      const unit: MoneyUnit = budget?.unit ?? settings.settings.unit;
      return {
        ok: true,
        value: {
          sheet: block.sheet,
          address,
          headerRow: table.headerRows[table.headerRows.length - 1],
          columns,
          schemeRows,
          unit,
        },
      };
    }),
  );
}

/**
 * A source cell as plain data: finite numbers and true/false as they are, text as text (the
 * writer keeps it text), anything else blank.
 */
function plainCell(value: unknown): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return '';
  return String(value);
}

/** A money cell in the target unit: numbers as they are (converted), text read by the engine, else kept as text. */
function moneyCell(value: unknown, from: MoneyUnit, to: MoneyUnit): Cell {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const exact = tryFromNumber(value);
    return exact ? toNumber(convertUnit(exact, from, to)) : value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = parseMoney(value, { unit: to, assumedUnit: from });
    // Unreadable text stays as it was, as text, for Check to report: nothing is lost.
    return parsed.ok ? toNumber(parsed.value.value) : plainCell(value);
  }
  return '';
}

/** Fiscal years the phasing phrases cover, when the source has no period columns. */
function yearsFromPhrases(
  phrases: readonly string[],
  startMonth: Month,
): { first: number; last: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const phrase of phrases) {
    const read = parsePhasing(phrase, startMonth);
    if (!read.ok || read.value.kind !== 'phased') continue;
    for (const q of read.value.quarters) {
      first = Math.min(first, q.year);
      last = Math.max(last, q.year);
    }
  }
  return Number.isFinite(first) ? { first, last } : undefined;
}

/**
 * Builds the Programme table from a confirmed preview, leaving the source range untouched.
 *
 * @example
 * await importSelection(preview.value, { confirm });
 */
export async function importSelection(
  preview: ImportPreview,
  run: RunOptions = {},
): Promise<ActionResult<ImportResult>> {
  return runAction('Bring in a table', () =>
    excelRun(async (context) => {
      const read = await readSelectionBlock(context, run, {
        sheet: preview.sheet,
        address: preview.address,
      });
      if (read.empty)
        return {
          ok: false,
          message: `The range ${preview.sheet}!${preview.address} is now empty: select the table again.`,
        };
      const {
        block,
        values,
        numberFormats,
        settings: savedSettings,
        sheetNames,
        tableNames,
      } = read;
      if (tableNames.includes(PROGRAMME_TABLE.toLowerCase())) {
        return {
          ok: false,
          message:
            'This workbook already has a Programme table: bring the table into a new workbook, or rename the existing table first.',
        };
      }
      const settings: PlannerSettings = { ...savedSettings.settings };
      const startMonth = settings.fiscalYearStartMonth as Month;
      const grid = {
        sheet: block.sheet,
        values,
        numberFormats,
        origin: { row: block.top, column: block.left },
      };

      const writeProgramme = async (
        rows: Cell[][],
        periodLabels: string[],
      ): Promise<ActionResult<ImportResult>> => {
        const programmeSheet = uniqueSheetName('Programme', sheetNames);
        const logSheet = tableNames.includes(REVISIONS_TABLE.toLowerCase())
          ? undefined
          : uniqueSheetName('Revisions', [...sheetNames, programmeSheet]);
        const entry = {
          label: 'Bring in a table',
          blocks: [],
          activeSheet: preview.sheet,
          addedSheets: [
            programmeSheet,
            ...(logSheet ? [logSheet] : []),
            ...(savedSettings.saved ? [] : [SETTINGS_SHEET]),
          ],
        };
        // All-or-nothing: a failure part-way removes every sheet it added and says so.
        await allOrNothing(entry, async () => {
          const writer = new BatchWriter(context, run, 'Building the Programme table');
          if (!savedSettings.saved) queueSettingsWrite(context, settings, false);
          if (logSheet) await queueRevisionsLog(context, writer, logSheet, settings);
          await queueProgrammeSheet(
            context,
            writer,
            programmeSheet,
            periodLabels,
            rows.map(lineFromCells),
            settings,
          );
          await writer.finish();
        });
        rememberChange(entry);
        report(run, 'Building the Programme table', rows.length, rows.length);
        return { ok: true, value: { sheet: programmeSheet, rows: rows.length } };
      };

      if (preview.columns.some((column) => column.role === 'markers')) {
        const printed = readPrintedProgramme(grid, { startMonth });
        if (!marksQuarters(printed) || printed.schemes.length === 0)
          return {
            ok: false,
            message: 'The table could not be read again: select it and preview it once more.',
          };
        const built = printedRows(printed, settings.unit, startMonth);
        if (!built.ok) return built;
        return writeProgramme(built.value.rows, built.value.periodLabels);
      }

      const table = recogniseTable(grid);
      if (!table)
        return {
          ok: false,
          message: 'The table could not be read again: select it and preview it once more.',
        };
      const fieldColumn = new Map<ProgrammeField, number>();
      for (const column of preview.columns)
        if (
          column.role !== 'period' &&
          column.role !== 'markers' &&
          column.role !== 'ignore' &&
          !fieldColumn.has(column.role)
        )
          fieldColumn.set(column.role, column.index);
      const periodColumns = preview.columns.filter((c) => c.role === 'period');
      const budgetColumn = table.columns[fieldColumn.get('approvedBudget') ?? -1];
      const sourceUnit: MoneyUnit = budgetColumn?.unit ?? preview.unit;

      const rows: Cell[][] = [];
      let heading = '';
      const text = (row: readonly unknown[], field: ProgrammeField): Cell => {
        const index = fieldColumn.get(field);
        return index === undefined || isBlankCell(row[index]) ? '' : plainCell(row[index]);
      };
      for (let r = table.firstDataRow; r < values.length; r++) {
        const kind = table.rowKinds[r];
        const row = values[r];
        if (kind === 'heading') {
          heading = String(row.find((v) => !isBlankCell(v)) ?? '').trim();
          continue;
        }
        if (kind === 'continuation' && rows.length > 0) {
          // More words for the scheme above: keep them with it rather than drop them.
          const extra = row
            .filter((v) => !isBlankCell(v))
            .map(String)
            .join(' ');
          const impactAt = PROGRAMME_COLUMNS.findIndex((c) => c.field === 'impact');
          const previous = rows[rows.length - 1];
          previous[impactAt] = `${String(previous[impactAt] ?? '')} ${extra}`.trim();
          continue;
        }
        if (kind !== 'detail') continue;
        const cells: Cell[] = PROGRAMME_COLUMNS.map(({ field }) => {
          if (field === 'approvedBudget')
            return moneyCell(row[fieldColumn.get(field) ?? -1], sourceUnit, settings.unit);
          if (field === 'revisedBudget') return null;
          if (field === 'status') return text(row, 'status') || plainCell(heading);
          if (field === 'profile') return text(row, 'profile') || 'even';
          return text(row, field);
        });
        cells.push(
          ...periodColumns.map((c) =>
            moneyCell(row[c.index], table.columns[c.index]?.unit ?? sourceUnit, settings.unit),
          ),
        );
        rows.push(cells);
      }
      rows.forEach((cells, i) => {
        if (cells[0] === '') cells[0] = `CP-${String(i + 1).padStart(3, '0')}`;
      });
      if (rows.length === 0)
        return {
          ok: false,
          message:
            'No scheme rows were found under the headings: check the mapping, or select the table again.',
        };

      let periodLabels = periodColumns.map((c) => c.periodLabel ?? c.header);
      if (periodLabels.length === 0) {
        const phasingAt = PROGRAMME_COLUMNS.findIndex((c) => c.field === 'phasing');
        const years = yearsFromPhrases(
          rows.map((r) => String(r[phasingAt] ?? '')),
          startMonth,
        );
        if (!years)
          return {
            ok: false,
            message:
              "The table has no period columns and no phasing that says which years: add a 'Phase' column (e.g. '2016/17 Q1') or set up a new programme.",
          };
        const headers = periodHeaders(years.first, years.last, 'quarter', startMonth);
        if (!headers.ok) return headers;
        periodLabels = headers.value;
        for (const cells of rows) cells.push(...periodLabels.map(() => ''));
      }

      return writeProgramme(rows, periodLabels);
    }),
  );
}
