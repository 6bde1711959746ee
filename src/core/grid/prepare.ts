/**
 * The first look at a grid: find the header, give each column a role, and choose the label
 * column. Reads only the header and a sample of rows, so its cost does not grow with the table.
 */
import { columnLetters } from './address';
import { readAmountText } from './amountText';
import { cellResult, isNilText } from './cells';
import { findHeader } from './header';
import type { HeaderMeaning } from './headers';
import { isTotalLabel } from './totals';
import type { ColumnRole, Grid, RecognisedColumn } from './types';

/** Headers that name the scheme itself, preferred over broader labels such as Area. */
const SCHEME_HEADER = /\b(?:schemes?|projects?|name|title|items?|initiatives?)\b/i;

/** Excel's widest sheet; columns beyond it cannot come from a workbook and are not read. */
export const MAX_COLUMNS = 16384;
/** Rows sampled to judge whether an unnamed column holds figures. */
const SAMPLE_ROWS = 500;

/** Roles whose columns hold figures (summed, compared); the others hold words. */
export const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'budget',
  'forecast',
  'actual',
  'variance',
  'additions',
  'all-years-budget',
  'all-years-forecast',
  'period',
  'amount',
]);
const WORD_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['label', 'ref', 'status']);

/** A grid with its header found and columns recognised, ready to be read row by row. */
export interface PreparedTable {
  values: readonly (readonly unknown[])[];
  origin: { row: number; column: number };
  headerRows: number[];
  firstDataRow: number;
  columns: RecognisedColumn[];
  /** Grid indexes of the figure columns, left to right. */
  figureColumns: number[];
  labelColumn?: number;
  /** A column left of the label naming the group (portfolio) a scheme is in, on its first row. */
  groupColumn?: number;
  /** Columns where a total's label may be: word columns and any column left of the first figure. */
  labelSearch: number[];
  /** The other columns without figures (impact, comments, phasing). */
  otherWords: number[];
  /** Decimal places a sample of the figures shows, to start reading at the right scale. */
  sampleDecimals: number;
}

interface ColumnSample {
  figures: number;
  words: number;
}

function sampleColumns(
  values: readonly (readonly unknown[])[],
  first: number,
  width: number,
): { samples: ColumnSample[]; decimals: number } {
  const samples: ColumnSample[] = Array.from({ length: width }, () => ({ figures: 0, words: 0 }));
  let decimals = 0;
  let power = 1;
  const last = Math.min(values.length, first + SAMPLE_ROWS);
  for (let r = first; r < last; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < width && c < row.length; c++) {
      const value = cellResult(row[c]);
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) continue;
        samples[c].figures++;
        while (decimals < 15 && Math.round(value * power) / power !== value) {
          decimals++;
          power *= 10;
        }
      } else if (typeof value === 'string') {
        const text = value.trim();
        if (text === '' || isNilText(text) || isTotalLabel(text)) continue;
        if (readAmountText(text)) samples[c].figures++;
        else samples[c].words++;
      }
    }
  }
  return { samples, decimals };
}

function decideColumn(
  meaning: HeaderMeaning,
  header: string,
  sample: ColumnSample,
  index: number,
  originColumn: number,
): RecognisedColumn {
  let role = meaning.role;
  if (FIGURE_ROLES.has(role) && sample.figures === 0 && sample.words > 0) role = 'text';
  else if (
    (role === 'text' || role === 'blank') &&
    !meaning.percent &&
    sample.figures > 0 &&
    sample.figures >= sample.words
  )
    role = 'amount';
  else if (role === 'blank' && sample.words > 0) role = 'text';
  const column: RecognisedColumn = {
    index,
    letters: columnLetters(originColumn + index),
    header,
    role,
    figures: FIGURE_ROLES.has(role),
  };
  if (meaning.budgetKind && role === 'budget') column.budgetKind = meaning.budgetKind;
  if (meaning.unit) column.unit = meaning.unit;
  if (meaning.percent) column.percent = true;
  if (meaning.period && role === 'period') column.period = meaning.period;
  return column;
}

const GROUP_HEADER = /\b(?:portfolio|directorate|service|department|committee|group|division)s?\b/i;

/** A notes column's header: `Notes`, `Comments`. */
const NOTES_HEADER = /\b(?:notes?|comments?|remarks?|explanations?|reasons?)\b/i;
/** The header of a column of codes. */
const CODE_HEADER = /^(?:codes?|ref(?:erence)?s?|no\.?|nos\.?|numbers?|cost\s*centres?|account)$/i;

function isCode(value: unknown): boolean {
  const read = cellResult(value);
  if (typeof read === 'number') return Number.isInteger(read) && read >= 10 && read < 1e6;
  return typeof read === 'string' && /^\s*\d{2,6}\s*$/.test(read);
}

/**
 * True when the first column holds codes, not figures (`4000 | Salaries/NI/PAYE | 431,000`,
 * `100 | Staff` over a cost centre): headed Code or nothing, words in the next column, every
 * entry a whole number of two to six digits with no separators, and some on rows where no other
 * column shows a figure (a cost centre's heading row), which an amount never is.
 */
function isCodeColumn(
  values: readonly (readonly unknown[])[],
  firstDataRow: number,
  columns: readonly RecognisedColumn[],
  figureColumns: readonly number[],
): boolean {
  if (figureColumns[0] !== 0 || columns.length < 3 || columns[1].figures) return false;
  if (
    columns[0].role !== 'amount' ||
    (columns[0].header !== '' && !CODE_HEADER.test(columns[0].header))
  )
    return false;
  let codes = 0;
  let alone = 0;
  for (let r = firstDataRow; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const value = cellResult(row[0]);
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
      continue;
    if (!isCode(value)) return false;
    codes++;
    let others = false;
    for (let f = 1; f < figureColumns.length && !others; f++) {
      const other = cellResult(row[figureColumns[f]]);
      others = typeof other === 'number' || (typeof other === 'string' && /\d/.test(other));
    }
    if (!others) alone++;
  }
  return codes >= 2 && alone >= 1;
}

/**
 * The group column: left of the label column, words on some rows only (a portfolio's name on its
 * first scheme), or headed Portfolio, Directorate, Service...
 */
function findGroupColumn(
  columns: readonly RecognisedColumn[],
  samples: readonly ColumnSample[],
  labelColumn: number | undefined,
): number | undefined {
  if (labelColumn === undefined) return undefined;
  const labelRows = samples[labelColumn].words + samples[labelColumn].figures;
  for (const column of columns) {
    if (column.index >= labelColumn) break;
    if (column.figures || column.role === 'ref') continue;
    const words = samples[column.index].words;
    if (words === 0) continue;
    if (GROUP_HEADER.test(column.header) || words * 2 <= labelRows) return column.index;
  }
  return undefined;
}

function readOrigin(origin: unknown): { row: number; column: number } {
  if (typeof origin !== 'object' || origin === null) return { row: 0, column: 0 };
  const { row, column } = origin as { row?: unknown; column?: unknown };
  const valid = (n: unknown): n is number =>
    typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  return { row: valid(row) ? row : 0, column: valid(column) ? column : 0 };
}

/**
 * Finds the header and recognises the columns of a grid; `undefined` when no column holds figures.
 *
 * @example
 * prepareTable({ values: [['Project', 'Budget'], ['Compliance', 2.6]] })?.figureColumns; // [1]
 */
export function prepareTable(grid: Grid): PreparedTable | undefined {
  const values: readonly (readonly unknown[])[] = Array.isArray(grid?.values) ? grid.values : [];
  let width = 0;
  for (const row of values) if (Array.isArray(row) && row.length > width) width = row.length;
  width = Math.min(width, MAX_COLUMNS);
  if (width === 0) return undefined;
  const origin = readOrigin(grid.origin);
  const header = findHeader(values, width);
  const firstDataRow = header ? header.rows[header.rows.length - 1] + 1 : 0;
  const { samples, decimals } = sampleColumns(values, firstDataRow, width);
  const columns = samples.map((sample, index) =>
    decideColumn(
      header?.meanings[index] ?? { role: 'blank' },
      header?.texts[index] ?? '',
      sample,
      index,
      origin.column,
    ),
  );
  let figureColumns = columns.filter((column) => column.figures).map((column) => column.index);
  if (figureColumns.length === 0) return undefined;
  if (isCodeColumn(values, firstDataRow, columns, figureColumns)) {
    columns[0].role = 'ref';
    columns[0].figures = false;
    figureColumns = figureColumns.slice(1);
    if (figureColumns.length === 0) return undefined;
  }
  // With both an Area and a Scheme column, findings should name the scheme.
  const labels = columns.filter((column) => column.role === 'label');
  let labelColumn: number | undefined = (
    labels.find((column) => SCHEME_HEADER.test(column.header)) ?? labels[0]
  )?.index;
  if (labelColumn === undefined) {
    labelColumn = columns.find(
      (column) =>
        column.index < figureColumns[0] &&
        column.role === 'text' &&
        samples[column.index].words > 0,
    )?.index;
  }
  // Figures either side of the names (last year | label | this year): the names are the column
  // of words with the most of them.
  if (labelColumn === undefined) {
    let most = 0;
    for (const column of columns) {
      const words = samples[column.index].words;
      if (column.figures || column.role !== 'text' || words <= most) continue;
      if (NOTES_HEADER.test(column.header)) continue;
      most = words;
      labelColumn = column.index;
    }
    if (labelColumn !== undefined) columns[labelColumn].role = 'label';
  }
  const labelSearch = columns
    .filter(
      (column) =>
        !column.figures && (column.index < figureColumns[0] || WORD_ROLES.has(column.role)),
    )
    .map((column) => column.index);
  const otherWords = columns
    .filter((column) => !column.figures && !labelSearch.includes(column.index))
    .map((column) => column.index);
  const prepared: PreparedTable = {
    values,
    origin,
    headerRows: header ? [...header.rows] : [],
    firstDataRow,
    columns,
    figureColumns,
    labelSearch,
    otherWords,
    sampleDecimals: decimals,
  };
  if (labelColumn !== undefined) prepared.labelColumn = labelColumn;
  let groupColumn = findGroupColumn(columns, samples, labelColumn);
  // `EXECUTIVE PORTFOLIO | SERVICE | ...`: the first words name the group on its first row only;
  // the scheme is named in the next word column.
  if (groupColumn === undefined && labelColumn !== undefined) {
    const next = columns.find(
      (column) =>
        column.index > labelColumn! &&
        column.index < figureColumns[0] &&
        !column.figures &&
        column.role !== 'ref' &&
        samples[column.index].words > samples[labelColumn!].words,
    );
    const own = samples[labelColumn];
    if (
      next &&
      (GROUP_HEADER.test(columns[labelColumn].header) || own.words * 2 <= samples[next.index].words)
    ) {
      groupColumn = labelColumn;
      prepared.labelColumn = next.index;
    }
  }
  if (groupColumn !== undefined) prepared.groupColumn = groupColumn;
  return prepared;
}
