/**
 * Reading a capital programme table as councils print it, with quarter markers under period
 * columns instead of a Phase column (Manchester, Our ICT Strategy 2016-19, Table 1; issue 18):
 * status headings (`DELIVERED OR IN PROGRESS`, `PLANNED`) give each scheme its status;
 * continuation rows (no name, no amount) add their text and markers to the scheme above, also
 * across a header row repeated at a page break; repeated headers are skipped; total rows are
 * checked under the rounding rule, never imported. Grid in, schemes and findings out.
 */
import { formatFiscalYear, quarterFromIndex, quarterIndex, type Month } from '../calendar';
import { normaliseText, quoteForMessage } from '../calendar/text';
import type { Finding } from '../findings';
import { decimalsFromFormat, isTotalLabel, readHeader, type Grid } from '../grid';
import { toA1 } from '../grid/address';
import { isBlankCell } from '../grid/cells';
import {
  abs,
  formatDecimal,
  normalise,
  parseMoney,
  sum,
  tryFromNumber,
  type Decimal,
  type MoneyUnit,
} from '../money';
import { parsePhasing, type Phasing } from '../phasing';
import { phraseForMarkedQuarters } from './markerPhrase';
import { DecimalRangeError } from '../errors';
import { checkTotal, type TotalCheck } from '../validation/rounding';
import { readMarker, type MarkerReading } from './markers';
import { readPeriodHeading, yearAbove } from './periodHeadings';

/** What a column of the printed table becomes in the Programme. */
export type PrintedColumnRole =
  | 'scheme'
  | 'amount'
  | 'status'
  | 'ref'
  | 'phasing'
  | 'description'
  | 'impact'
  | 'text'
  | 'quarter markers'
  | 'ignored';

/** One column of the printed table and what the reader made of it. */
export interface PrintedColumn {
  /** 0-based index into the grid's rows. */
  index: number;
  /** Column letters on the sheet, e.g. `E`. */
  letters: string;
  header: string;
  role: PrintedColumnRole;
  /** The quarters a marker column covers (quarter indexes, ascending). */
  quarters?: readonly number[];
  /** The period a marker column covers, as a report names it (`2016/17`, `2016/17 Q1`). */
  period?: string;
}

/** One scheme read from the table. */
export interface PrintedScheme {
  name: string;
  ref: string;
  /** From the table's Status column, else the status heading above it (`Delivered or in progress`). */
  status: string;
  /** The amount in the table's unit (see {@link PrintedProgramme.unit}); undefined when blank or unreadable. */
  amount?: Decimal;
  /** The amount cell as printed, when it could not be read as money. */
  amountText?: string;
  /** Description and impact text of the scheme's row and its continuation rows, joined with `; `. */
  description: string;
  impact: string;
  /** Words in other columns, by header, joined the same way. */
  otherText: Readonly<Record<string, string>>;
  /** The union of the quarters marked on its rows. */
  phasing: Phasing;
  /**
   * The shortest phrase for those quarters (`2016/17 Q1-2`, `2017-20`); `TBC` when marked TBC;
   * `''` when nothing is marked.
   */
  phrase: string;
  /** Sheet rows (1-based) the scheme was read from: its own row first, then its continuation rows. */
  rows: number[];
  /** A1 address of its name cell. */
  cell: string;
}

/** A printed total and the schemes it was checked against. */
export interface PrintedTotal {
  cell: string;
  label: string;
  printed: Decimal;
  /** The exact sum of the schemes it covers. */
  schemesSum: Decimal;
  schemes: number;
  ok: boolean;
}

/** What was read from a printed programme table. */
export interface PrintedProgramme {
  sheet?: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** The unit the header declares for the amounts (`Capital £m` -> `£m`). */
  unit?: MoneyUnit;
  /** Decimal places the amounts are shown to: from the number format, else the figures (`10.0` -> 1). */
  decimals: number;
  columns: PrintedColumn[];
  schemes: PrintedScheme[];
  totals: PrintedTotal[];
  /** Header rows repeated at page breaks, skipped (1-based sheet rows). */
  repeatedHeaders: number[];
  findings: Finding[];
}

/** How to read the table. */
export interface PrintedProgrammeOptions {
  /** The fiscal year's first month; April by default. */
  startMonth?: Month;
}

const HEADER_SEARCH_ROWS = 30;
const DESCRIPTION = /description|detail|purpose|scope/i;
const IMPACT = /impact|benefit|outcome/i;

function cellText(value: unknown): string {
  if (isBlankCell(value)) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** `DELIVERED OR IN PROGRESS` -> `Delivered or in progress`; mixed case is kept as printed. */
function statusFromHeading(text: string): string {
  return text === text.toUpperCase() && /[A-Z]/.test(text)
    ? text.charAt(0) + text.slice(1).toLowerCase()
    : text;
}

interface Layout {
  headerRow: number;
  yearBandRow?: number;
  columns: PrintedColumn[];
  nameColumn: number;
  amountColumn?: number;
  unit?: MoneyUnit;
}

function findLayout(
  values: Grid['values'],
  startMonth: Month,
  origin: { row: number; column: number },
): Layout | undefined {
  const last = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const row = values[r] ?? [];
    const headings = row.map((cell) => readPeriodHeading(cell, startMonth));
    const meanings = row.map((cell) => (typeof cell === 'string' ? readHeader(cell) : undefined));
    // A header names its periods, or at least an amount or a Phase column.
    if (
      !headings.some((h) => h.kind !== 'none') &&
      !meanings.some((m) => m?.role === 'budget' || m?.role === 'phasing')
    )
      continue;
    const nameColumn = meanings.findIndex(
      (m, c) =>
        m?.role === 'label' && headings[c].kind === 'none' && !DESCRIPTION.test(String(row[c])),
    );
    if (nameColumn < 0) continue;
    const above = r > 0 ? values[r - 1] : undefined;
    const columns: PrintedColumn[] = [];
    let amountColumn: number | undefined;
    let unit: MoneyUnit | undefined;
    const taken = new Set<PrintedColumnRole>();
    const claim = (role: PrintedColumnRole): PrintedColumnRole => {
      if (taken.has(role)) return role === 'description' || role === 'impact' ? 'text' : 'ignored';
      taken.add(role);
      return role;
    };
    for (let c = 0; c < row.length; c++) {
      const header = cellText(row[c]);
      const base = { index: c, letters: toA1(0, origin.column + c).replace(/\d+$/, ''), header };
      const heading = headings[c];
      const quarters =
        heading.kind === 'period'
          ? heading.quarters
          : heading.kind === 'needs year'
            ? (() => {
                const year = yearAbove(above, c, startMonth);
                return year === undefined ? undefined : heading.place(year);
              })()
            : undefined;
      if (quarters && quarters.length > 0) {
        const first = quarterFromIndex(quarters[0]);
        const period =
          quarters.length === 4 && first.quarter === 1
            ? formatFiscalYear(first.year, startMonth)
            : `${formatFiscalYear(first.year, startMonth)} Q${first.quarter}`;
        columns.push({ ...base, role: 'quarter markers', quarters, period });
        continue;
      }
      if (c === nameColumn) {
        columns.push({ ...base, role: claim('scheme') });
        continue;
      }
      const meaning = meanings[c];
      let role: PrintedColumnRole = 'ignored';
      if (header === '') role = 'ignored';
      else if (DESCRIPTION.test(header)) role = claim('description');
      else if (IMPACT.test(header)) role = claim('impact');
      else if (meaning?.role === 'ref') role = claim('ref');
      else if (meaning?.role === 'status') role = claim('status');
      else if (meaning?.role === 'phasing') role = claim('phasing');
      else if (
        (meaning?.role === 'budget' ||
          meaning?.role === 'all-years-budget' ||
          meaning?.role === 'amount') &&
        amountColumn === undefined
      ) {
        role = claim('amount');
        amountColumn = c;
        unit = meaning.unit;
      } else if (meaning?.role === 'label' || meaning?.role === 'text') role = 'text';
      columns.push({ ...base, role });
    }
    const yearBand =
      above &&
      columns.some((col, c) => col.role === 'quarter markers' && headings[c].kind === 'needs year')
        ? r - 1
        : undefined;
    return { headerRow: r, yearBandRow: yearBand, columns, nameColumn, amountColumn, unit };
  }
  return undefined;
}

/** True when a row repeats the header (or the year band above it) at a page break. */
function repeatsRow(row: readonly unknown[], header: readonly string[]): boolean {
  let matched = 0;
  for (let c = 0; c < Math.max(row.length, header.length); c++) {
    const text = cellText(row[c]);
    if (text === '') continue;
    // Lengths first: most rows differ from the header in their first filled cell.
    const heading = header[c] ?? '';
    if (heading === '' || Math.abs(text.length - heading.length) > 2) return false;
    if (normaliseText(text) !== heading) return false;
    matched++;
  }
  return matched >= 2;
}

interface OpenScheme {
  scheme: PrintedScheme;
  /** Quarter indexes marked on its rows (may repeat; sorted and made unique at the end). */
  quarters: number[];
  notPhased: boolean;
  /** Words per text column (by position in the text columns), from each of its rows. */
  texts: string[][];
}

function appendText(open: OpenScheme, position: number, text: string): void {
  if (text === '') return;
  (open.texts[position] ??= []).push(text);
}

/**
 * Reads a printed programme table: quarter markers under its period columns, or a Phase column,
 * or both. Returns `undefined` when the grid is not of this shape (no header with a scheme column
 * and period columns, an amount or a Phase column; or figures rather than markers under the
 * periods): read such tables as figures.
 *
 * @example
 * const read = readPrintedProgramme({ values: [
 *   ['Area for investment', 'Capital £m', '2016/17', '2017/18'],
 *   ['PLANNED', '', '', ''],
 *   ['Compliance', 2.6, 'Q1', ''],
 *   ['', '', 'Q2', ''],
 *   ['TOTAL', 2.6, '', ''],
 * ] });
 * read?.schemes[0]; // { name: 'Compliance', status: 'Planned', amount: 2.6, phrase: '2016/17 Q1-2', ... }
 */
export function readPrintedProgramme(
  grid: Grid,
  options: PrintedProgrammeOptions = {},
): PrintedProgramme | undefined {
  const startMonth = options.startMonth ?? 4;
  const origin = grid.origin ?? { row: 0, column: 0 };
  const { values } = grid;
  const layout = findLayout(values, startMonth, origin);
  if (!layout) return undefined;
  const { columns, headerRow, nameColumn, amountColumn, unit } = layout;
  const markerColumns = columns.filter((c) => c.role === 'quarter markers');
  // Figures under the periods make a phased-figures table, which the checks read; markers make this one.
  let markers = 0;
  let figures = 0;
  for (let r = headerRow + 1; r < values.length; r++) {
    for (const column of markerColumns) {
      const value = values[r]?.[column.index];
      if (typeof value === 'number') figures++;
      else if (!isBlankCell(value)) markers++;
    }
  }
  if (figures > markers) return undefined;

  const sheet = grid.sheet;
  const at = (r: number, c: number): string => toA1(origin.row + r, origin.column + c);
  const findings: Finding[] = [];
  const found = (finding: Omit<Finding, 'sheet'>): void => {
    findings.push(sheet === undefined ? finding : { ...finding, sheet });
  };
  const normalisedRow = (row: readonly unknown[]): string[] =>
    Array.from(row, (cell) => normaliseText(cellText(cell)));
  const headerCells = normalisedRow(values[headerRow]);
  const yearBand =
    layout.yearBandRow === undefined ? undefined : normalisedRow(values[layout.yearBandRow]);
  const statusColumn = columns.find((c) => c.role === 'status')?.index;
  const refColumn = columns.find((c) => c.role === 'ref')?.index;
  const phasingColumn = columns.find((c) => c.role === 'phasing')?.index;
  const textColumns = columns.filter(
    (c) => c.role === 'description' || c.role === 'impact' || c.role === 'text',
  );

  const schemes: PrintedScheme[] = [];
  const totals: PrintedTotal[] = [];
  const repeatedHeaders: number[] = [];
  let status = '';
  let open: OpenScheme | undefined;
  let group: PrintedScheme[] = [];
  const opened: OpenScheme[] = [];

  const readAmount = (value: unknown, r: number): { amount?: Decimal; text?: string } => {
    if (amountColumn === undefined || isBlankCell(value)) return {};
    if (typeof value === 'number') {
      const exact = tryFromNumber(value);
      if (exact) return { amount: exact };
    } else if (typeof value === 'string') {
      const parsed = parseMoney(value, unit ? { unit, assumedUnit: unit } : {});
      if (parsed.ok) return { amount: parsed.value.value };
      found({
        rule: 'not-a-number',
        severity: 'error',
        cell: at(r, amountColumn),
        message: `${parsed.message} (kept as text)`,
        actual: quoteForMessage(value),
      });
    }
    return { text: cellText(value) };
  };

  const markerIndexes = new Set(markerColumns.map((column) => column.index));
  const markerCache: Map<string, MarkerReading>[] = columns.map(() => new Map());
  const readMarkers = (r: number, into: OpenScheme | undefined): boolean => {
    let any = false;
    for (const column of markerColumns) {
      const value = values[r]?.[column.index];
      // Markers repeat down a column (`Q1-4`, `✓`): each text is read once per column.
      const key = typeof value === 'string' ? value : undefined;
      let reading = key === undefined ? undefined : markerCache[column.index].get(key);
      if (!reading) {
        reading = readMarker(value, column.quarters ?? [], startMonth);
        if (key !== undefined && markerCache[column.index].size < 1000)
          markerCache[column.index].set(key, reading);
      }
      if (reading.kind === 'none') continue;
      any = true;
      if (reading.kind === 'unreadable') {
        found({
          rule: 'unreadable-marker',
          severity: 'error',
          cell: at(r, column.index),
          message: reading.message,
          actual: quoteForMessage(value),
        });
      } else if (into && reading.kind === 'quarters') {
        for (const q of reading.quarters) into.quarters.push(q);
      } else if (into) into.notPhased = true;
    }
    if (phasingColumn !== undefined && !isBlankCell(values[r]?.[phasingColumn])) {
      any = true;
      const read = parsePhasing(cellText(values[r][phasingColumn]), startMonth);
      if (!read.ok)
        found({
          rule: 'unreadable-marker',
          severity: 'error',
          cell: at(r, phasingColumn),
          message: read.message,
        });
      else if (into && read.value.kind === 'phased')
        for (const q of read.value.quarters) into.quarters.push(quarterIndex(q));
      else if (into) into.notPhased = true;
    }
    return any;
  };

  const checkTotalRow = (r: number, label: string): void => {
    if (amountColumn === undefined) return;
    const value = values[r]?.[amountColumn];
    const { amount } = readAmount(value, r);
    if (!amount) return;
    const decimals = decimalsFromFormat(grid.numberFormats?.[r]?.[amountColumn]);
    const amountsOf = (list: PrintedScheme[]): Decimal[] => {
      const amounts: Decimal[] = [];
      for (const scheme of list) if (scheme.amount) amounts.push(scheme.amount);
      return amounts;
    };
    let covered = group;
    let check: TotalCheck;
    let schemesSum: Decimal;
    try {
      check = checkTotal(amountsOf(covered), amount, decimals);
      if (!check.ok && covered.length !== schemes.length) {
        // A grand total adds up every scheme above it, not just the last group.
        const all = checkTotal(amountsOf(schemes), amount, decimals);
        if (all.ok) {
          covered = schemes;
          check = all;
        }
      }
      schemesSum = sum(amountsOf(covered));
    } catch (error) {
      if (!(error instanceof DecimalRangeError)) throw error;
      // Figures with more places than can be added exactly (5e-324 next to 9.007...): say the
      // total was not checked, never throw (regression: fuzz seed 1127781394).
      found({
        rule: 'total-mismatch',
        severity: 'warning',
        cell: at(r, amountColumn),
        message: `${label} was not checked: the figures above it have too many decimal places to add exactly; round them to the places the table shows`,
        actual: formatDecimal(amount),
      });
      group = [];
      return;
    }
    totals.push({
      cell: at(r, amountColumn),
      label,
      printed: amount,
      schemesSum,
      schemes: covered.length,
      ok: check.ok,
    });
    if (!check.ok) {
      const shown = check.decimals;
      found({
        rule: 'total-mismatch',
        severity: 'error',
        cell: at(r, amountColumn),
        message: `${label} ${formatDecimal(amount, shown)} does not match the ${covered.length} schemes above it (${formatDecimal(schemesSum, shown)}): ${formatDecimal(abs(check.difference), shown)} more than rounding can explain (±${formatDecimal(check.tolerance)})`,
        expected: formatDecimal(schemesSum, shown),
        actual: formatDecimal(amount, shown),
      });
    }
    group = [];
  };

  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    // One pass: how many cells are filled, and the first that holds words.
    let filled = 0;
    let firstText = -1;
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (isBlankCell(value)) continue;
      filled++;
      if (firstText < 0 && typeof value === 'string') firstText = c;
    }
    if (filled === 0) continue;
    if (repeatsRow(row, headerCells) || (yearBand && repeatsRow(row, yearBand))) {
      repeatedHeaders.push(origin.row + r + 1);
      continue;
    }
    const name = cellText(row[nameColumn]);
    const words = firstText < 0 ? '' : cellText(row[firstText]);
    if (words !== '' && isTotalLabel(words) && (name === '' || firstText === nameColumn)) {
      checkTotalRow(r, words);
      open = undefined;
      continue;
    }
    const amountCell = amountColumn === undefined ? undefined : row[amountColumn];
    if (filled === 1 && words !== '' && isBlankCell(amountCell) && !markerIndexes.has(firstText)) {
      // A heading on its own: the status of the schemes under it.
      status = statusFromHeading(words);
      open = undefined;
      continue;
    }
    if (name === '' && isBlankCell(amountCell)) {
      // A continuation row: more words and markers for the scheme above.
      const hasMarkers = readMarkers(r, open);
      if (!open) {
        if (hasMarkers)
          found({
            rule: 'marker-without-scheme',
            severity: 'warning',
            cell: at(r, markerColumns.find((c) => !isBlankCell(row[c.index]))?.index ?? nameColumn),
            message: `Quarters are marked on row ${origin.row + r + 1}, which has no scheme name and no scheme above it: add the scheme's name and amount, or move the markers to its row`,
          });
        continue;
      }
      const above = open;
      above.scheme.rows.push(origin.row + r + 1);
      textColumns.forEach((column, k) => appendText(above, k, cellText(row[column.index])));
      continue;
    }
    const { amount, text: amountText } = readAmount(amountCell, r);
    const scheme: PrintedScheme = {
      name,
      ref: refColumn === undefined ? '' : cellText(row[refColumn]),
      status:
        statusColumn !== undefined && cellText(row[statusColumn]) !== ''
          ? cellText(row[statusColumn])
          : status,
      ...(amount ? { amount } : {}),
      ...(amountText ? { amountText } : {}),
      description: '',
      impact: '',
      otherText: {},
      phasing: { kind: 'not phased' },
      phrase: '',
      rows: [origin.row + r + 1],
      cell: at(r, nameColumn),
    };
    const opening: OpenScheme = { scheme, quarters: [], notPhased: false, texts: [] };
    open = opening;
    opened.push(opening);
    readMarkers(r, opening);
    textColumns.forEach((column, k) => appendText(opening, k, cellText(row[column.index])));
    schemes.push(scheme);
    group.push(scheme);
  }

  const shownDecimals = (): number => {
    let decimals = 0;
    for (const scheme of schemes)
      if (scheme.amount) decimals = Math.max(decimals, normalise(scheme.amount).scale);
    for (const total of totals) decimals = Math.max(decimals, normalise(total.printed).scale);
    if (amountColumn !== undefined && grid.numberFormats)
      for (let r = headerRow + 1; r < values.length; r++) {
        const format = decimalsFromFormat(grid.numberFormats[r]?.[amountColumn]);
        if (format !== undefined && typeof values[r]?.[amountColumn] === 'number')
          decimals = Math.max(decimals, format);
      }
    return Math.min(decimals, 6);
  };

  for (const { scheme, quarters, notPhased, texts } of opened) {
    const other: Record<string, string> = {};
    for (let k = 0; k < textColumns.length; k++) {
      const column = textColumns[k];
      const text = texts[k]?.join('; ') ?? '';
      if (column.role === 'description') scheme.description = text;
      else if (column.role === 'impact') scheme.impact = text;
      else if (text !== '') other[column.header || column.letters] = text;
    }
    scheme.otherText = other;
    if (quarters.length > 0) {
      quarters.sort((a, b) => a - b);
      const list = quarters
        .filter((q, i) => i === 0 || q !== quarters[i - 1])
        .map(quarterFromIndex);
      scheme.phasing = { kind: 'phased', quarters: list };
      scheme.phrase = phraseForMarkedQuarters(list, startMonth);
    } else if (notPhased) scheme.phrase = 'TBC';
    else if (scheme.amount) {
      found({
        rule: 'unphased',
        severity: 'warning',
        cell: scheme.cell,
        message:
          markerColumns.length > 0
            ? `'${quoteForMessage(scheme.name)}' has an amount and no quarters marked under ${markerColumns[0].period} to ${markerColumns[markerColumns.length - 1].period}: mark the quarters it spends in (e.g. Q1-4), or write TBC`
            : `'${quoteForMessage(scheme.name)}' has an amount and no phasing: write when it spends (e.g. 2016/17 Q1-4), or TBC`,
      });
    }
  }

  return {
    ...(sheet === undefined ? {} : { sheet }),
    headerRow: origin.row + headerRow + 1,
    ...(unit ? { unit } : {}),
    decimals: shownDecimals(),
    columns,
    schemes,
    totals,
    repeatedHeaders,
    findings,
  };
}
