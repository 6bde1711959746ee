/**
 * One pass down a table, reading every figure as exact integer units at a shared scale and
 * saying what each row is. Consumers (the checks) see each row as it is read, so no figure is
 * stored twice and no object is made per cell.
 *
 * The scale starts at the decimals a sample of the figures needs and grows when a figure needs
 * more places; consumers are then told to multiply what they hold, which keeps everything exact.
 */
import { MAX_SCALE, toNumber } from '../money/decimal';
import { readAmountText } from './amountText';
import { cellResult, excelErrorOf, isBlankCell, isNilText, trimText } from './cells';
import { decimalsFromFormat } from './numberFormat';
import type { PreparedTable } from './prepare';
import { BLANK, DETAIL, HEADER, ROW_KINDS, TITLE, TOTAL, isTotalRow, kindOfRow } from './rowKind';
import { isTotalLabel } from './totals';

/** A figure cell that is text (pasted from a PDF), or cannot be read as a figure at all. */
export interface OddFigure {
  row: number;
  column: number;
  /** The cell as shown, for the message (`TBC`, `#REF!`, `TRUE`). */
  shown: string;
  /** Why it cannot be read, when it is not simply words: e.g. 'is too large to be an amount'. */
  problem?: string;
  /** True when it reads as a figure (`number-as-text`); false when not (`not-a-number`). */
  readable: boolean;
}

/** What the pass has read so far; `units` holds the current row while a consumer looks at it. */
export interface FigureScan {
  /** Decimal places of the units. */
  scale: number;
  /** 10^scale. */
  power: number;
  /** Per figure column: the current row's figure in units of 10^-scale, NaN when none is shown. */
  units: Float64Array;
  /** The current row's cells, so a consumer reading words (a ref, a phrase) need not find the row. */
  cells: readonly unknown[];
  /**
   * The figure columns (indexes into `units`) where the current row shows a figure, left to
   * right: `shown[0]` to `shown[shownCount - 1]`; every other unit is NaN. A scheme phased over
   * a few of 40 quarters leaves most of its row empty, so a consumer adding along the row reads
   * this list rather than every column.
   */
  shown: Int32Array;
  shownCount: number;
  /** Per grid row: its kind code (see ROW_KINDS). */
  kinds: Uint8Array;
  /** Most decimal places any figure shows (numbers, and text such as `10.0`). */
  shownDecimals: number;
  /** Per figure column: decimals of its number format, when the grid gives formats. */
  formatDecimals: (number | undefined)[];
  /**
   * Per figure column: running sum (in units) and count of the figures of every row read so far
   * that is not a total. Only detail rows show figures, so these are the detail rows' sums; the
   * total rule notes them at each total instead of adding every row again.
   */
  runningSums: Float64Array;
  runningCounts: Int32Array;
  /** Sum of the size of every figure, to know that sums of units stay exact. */
  magnitude: number;
  /** True when a figure had to be rounded to keep sums exact (only for absurdly many places). */
  rounded: boolean;
  oddFigures: OddFigure[];
}

/** A consumer of the pass. */
export interface RowSink {
  /**
   * The kinds of row (codes of ROW_KINDS) it looks at. The pass hands each row only to the sinks
   * that want its kind: most rows are detail rows that the total rule does not want, and a call
   * that returns at once still costs a call per row.
   */
  readonly kinds: readonly number[];
  /** Sees one data row (0-based grid index) of a kind it wants, its figures in `scan.units`. */
  row(row: number, kind: number, scan: FigureScan): void;
  /** The scale grew: multiply every unit count held by `factor` (a power of ten). */
  widen(factor: number): void;
  /** A detail row starts a group (its name in the group column), before its figures count. */
  groupStart?(row: number, scan: FigureScan): void;
  /** Asked of a detail row with figures and no label: is it a total? */
  unlabelledTotal?(row: number, scan: FigureScan): boolean;
}

/** Figures per column whose number format is read before giving up on finding one. */
const FORMAT_TRIES = 20;
/** Figures beyond this are not money a council holds; they are read as not a number. */
const LARGEST_FIGURE = 1e15;
/**
 * A figure is whole in units when value x 10^scale is within a few parts in 2^50 of an integer:
 * the error of one multiplication of a typed decimal. It is tested as miss^2 <= y^2 x 2^-100,
 * which needs no division (the hot loop's costliest step otherwise). Noise beyond Excel's 15
 * significant digits (0.1 + 0.2) therefore reads as the figure Excel shows (0.3).
 */
const NOISE = 2 ** -100;
const NO_CELLS: readonly unknown[] = [];
const POWERS: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, i) => 10 ** i);

/**
 * Reads every data row of a prepared table once, handing each to the sinks.
 * `fixedScale` reads at that scale, rounding, with no widening (used when sums would not stay exact).
 *
 * @example
 * const scan = scanTable(prepareTable(grid)!, grid.numberFormats, [totalsSink]);
 */
export function scanTable(
  prepared: PreparedTable,
  formats: readonly (readonly (string | undefined)[])[] | undefined,
  sinks: readonly RowSink[],
  fixedScale?: number,
): FigureScan {
  const { values, figureColumns } = prepared;
  const figureCount = figureColumns.length;
  const scale = fixedScale ?? Math.min(prepared.sampleDecimals, MAX_SCALE - 1);
  const scan: FigureScan = {
    scale,
    power: POWERS[scale],
    units: new Float64Array(figureCount),
    cells: NO_CELLS,
    shown: new Int32Array(figureCount),
    shownCount: 0,
    kinds: new Uint8Array(values.length),
    shownDecimals: 0,
    formatDecimals: new Array(figureCount).fill(undefined),
    runningSums: new Float64Array(figureCount),
    runningCounts: new Int32Array(figureCount),
    magnitude: 0,
    rounded: false,
    oddFigures: [],
  };
  const headerRows = new Set(prepared.headerRows);
  for (let r = 0; r < prepared.firstDataRow; r++)
    scan.kinds[r] = headerRows.has(r) ? HEADER : TITLE;
  const formatRows = Array.isArray(formats) ? formats : undefined;
  scan.magnitude = readRows(prepared, scan, sinks, formatRows, fixedScale);
  if (scan.scale > scan.shownDecimals) scan.shownDecimals = scan.scale;
  return scan;
}

/**
 * The pass over the rows. The loop is a plain call per row: the row's work is a method that V8
 * optimises as an ordinary hot function on the first check. (As one long loop it was optimised
 * only by on-stack replacement, and a deopt there could leave it running unoptimised, boxing every
 * figure in a new heap number, for the rest of the process.) Returns the figures' magnitude.
 */
function readRows(
  prepared: PreparedTable,
  scan: FigureScan,
  sinks: readonly RowSink[],
  formatRows: readonly (readonly (string | undefined)[])[] | undefined,
  fixedScale: number | undefined,
): number {
  const reader = new RowReader(prepared, scan, sinks, formatRows, fixedScale);
  const rows = prepared.values.length;
  for (let r = prepared.firstDataRow; r < rows; r++) reader.read(r);
  return reader.magnitude;
}

/** What the pass keeps from row to row; one per scan, so each row's work is one method call. */
class RowReader {
  private readonly values: readonly (readonly unknown[])[];
  private readonly figureColumns: readonly number[];
  private readonly figureCount: number;
  private readonly columns: PreparedTable['columns'];
  // Each column's number format is looked for on its first few figures (a first figure may be
  // General while the rest say 0.0), then no more: the hot loop does not parse formats.
  private readonly formatTries: Int32Array;
  private pending: number;
  private readonly units: Float64Array;
  private readonly sums: Float64Array;
  private readonly counts: Int32Array;
  private readonly shown: Int32Array;
  private readonly kinds: Uint8Array;
  // The sinks that want each row kind, indexed by kind code.
  private readonly sinksByKind: readonly (readonly RowSink[])[];
  private readonly groupColumn: number;
  private readonly groupSinks: readonly RowSink[];
  private readonly totalProbe: RowSink | undefined;
  private readonly labelSearch: readonly number[];
  private readonly labelColumn: number;
  private lastGroup: unknown = undefined;
  private power: number;
  /** Sum of the size of every figure read, in row order. */
  magnitude = 0;

  constructor(
    private readonly prepared: PreparedTable,
    private readonly scan: FigureScan,
    private readonly sinks: readonly RowSink[],
    private readonly formatRows: readonly (readonly (string | undefined)[])[] | undefined,
    private readonly fixedScale: number | undefined,
  ) {
    this.values = prepared.values as readonly (readonly unknown[])[];
    this.figureColumns = prepared.figureColumns;
    this.figureCount = prepared.figureColumns.length;
    this.columns = prepared.columns;
    this.formatTries = new Int32Array(this.figureCount).fill(formatRows ? FORMAT_TRIES : 0);
    this.pending = formatRows ? this.figureCount : 0;
    this.units = scan.units;
    this.sums = scan.runningSums;
    this.counts = scan.runningCounts;
    this.shown = scan.shown;
    this.kinds = scan.kinds;
    this.sinksByKind = ROW_KINDS.map((_, kind) =>
      sinks.filter((sink) => sink.kinds.includes(kind)),
    );
    this.groupColumn = prepared.groupColumn ?? -1;
    this.groupSinks = sinks.filter((sink) => sink.groupStart !== undefined);
    this.totalProbe =
      prepared.labelColumn === undefined
        ? undefined
        : sinks.find((sink) => sink.unlabelledTotal !== undefined);
    this.labelSearch = prepared.labelSearch;
    this.labelColumn = prepared.labelColumn ?? 0;
    this.power = scan.power;
    this.units.fill(NaN);
  }

  /** Reads grid row `r` and hands it to the sinks that want its kind. */
  read(r: number): void {
    const { scan, units, shown, sums, counts } = this;
    // Units are NaN except the previous row's figures: reset just those. Most cells of a wide
    // programme are empty, and an empty cell then costs no write at all.
    for (let i = 0; i < scan.shownCount; i++) units[shown[i]] = NaN;
    const row = this.values[r];
    if (!Array.isArray(row)) {
      // Not a row at all (hostile input): nothing shown.
      this.kinds[r] = BLANK;
      scan.cells = NO_CELLS;
      scan.shownCount = 0;
      const wanting = this.sinksByKind[BLANK];
      for (let s = 0; s < wanting.length; s++) wanting[s].row(r, BLANK, scan);
      return;
    }
    scan.cells = row;
    let total = isTotalRow(this.prepared, row);
    const content = this.figures(row, r);
    const shownCount = scan.shownCount;
    if (
      !total &&
      content &&
      this.totalProbe !== undefined &&
      (unlabelled(row, this.labelSearch) || namesAResult(row[this.labelColumn]))
    )
      total = this.totalProbe.unlabelledTotal?.(r, scan) === true;
    if (this.groupColumn >= 0 && !total && content) {
      const name = row[this.groupColumn];
      if (typeof name === 'string' && name.trim() !== '' && name !== this.lastGroup) {
        this.lastGroup = name;
        const groupSinks = this.groupSinks;
        for (let s = 0; s < groupSinks.length; s++) groupSinks[s].groupStart?.(r, scan);
      }
    }
    if (total) {
      // Totals are rare: add every figure above, then take a total's own figures back out.
      for (let i = 0; i < shownCount; i++) {
        sums[shown[i]] -= units[shown[i]];
        counts[shown[i]]--;
      }
    }
    // Totals and rows with figures are known without a call (most rows are the latter).
    const kind = total ? TOTAL : content ? DETAIL : kindOfRow(this.prepared, row, total, content);
    this.kinds[r] = kind;
    const wanting = this.sinksByKind[kind];
    for (let s = 0; s < wanting.length; s++) wanting[s].row(r, kind, scan);
  }

  /**
   * Reads the figures of grid row `r` into the scan's units (and `shown`, `shownCount`), adding
   * them to the running sums. True when a figure column shows anything.
   */
  private figures(row: readonly unknown[], r: number): boolean {
    const { scan, figureColumns, figureCount, units, shown, sums, counts, fixedScale } = this;
    let shownCount = 0;
    let content = false;
    let power = this.power;
    let magnitude = this.magnitude;
    for (let f = 0; f < figureCount; f++) {
      const c = figureColumns[f];
      const value = row[c];
      // One range test rules out NaN, the infinities and absurd sizes together.
      if (typeof value === 'number' && value <= LARGEST_FIGURE && value >= -LARGEST_FIGURE) {
        let y = value * power;
        let u = Math.round(y);
        let miss = y - u;
        if (miss * miss > y * y * NOISE) {
          if (fixedScale === undefined) {
            power = widen(scan, this.sinks, placesOf(value, scan.scale), f);
            y = value * power;
            u = Math.round(y);
            miss = y - u;
          }
          if (miss * miss > y * y * NOISE) scan.rounded = true;
        }
        units[f] = u;
        shown[shownCount++] = f;
        sums[f] += u;
        counts[f]++;
        magnitude += value < 0 ? -value : value;
        content = true;
        if (this.pending !== 0 && this.formatTries[f] !== 0) this.tryFormat(r, c, f);
      } else if (value !== '' && value !== null && value !== undefined) {
        const read = readOddFigure(value, r, c, this.columns[c].unit, scan);
        if (read !== undefined) {
          content = true;
          if (typeof read === 'object') {
            if (read.scale > scan.scale && fixedScale === undefined)
              power = widen(scan, this.sinks, read.scale, f);
            units[f] = atScan(read.units, read.scale, scan);
            shown[shownCount++] = f;
            sums[f] += units[f];
            counts[f]++;
            magnitude += Math.abs(toNumber(read));
          }
        }
      }
    }
    this.power = power;
    this.magnitude = magnitude;
    scan.shownCount = shownCount;
    return content;
  }

  /** Looks for the number format of figure column `f` at grid row `r` (column `c`). */
  private tryFormat(r: number, c: number, f: number): void {
    const formatRow = this.formatRows?.[r];
    const found = decimalsFromFormat(Array.isArray(formatRow) ? formatRow[c] : undefined);
    if (found !== undefined) this.scan.formatDecimals[f] = found;
    this.formatTries[f] = found === undefined ? this.formatTries[f] - 1 : 0;
    if (this.formatTries[f] === 0) this.pending--;
  }
}

// Labels of rows that may add up the rows above without saying Total: `Current budget`,
// `Net Budget Requirement`, `Current Approved Capital Programme Budget`, and a block's bare
// `Expenditure` or `Income` under its lines (a town council's cost centres).
const RESULT_LABEL =
  /^(?:current|revised|latest|net|updated|amended)\b|\brequirement$|^(?:gross\s+)?(?:expenditure|income|spending|receipts|payments)$/i;
const LOWER_T = 116;

/**
 * True when a label may name a result of the rows above (see RESULT_LABEL). This runs on every
 * row's label: the first and last letters rule out most labels before the pattern is tried.
 */
function namesAResult(label: unknown): boolean {
  if (typeof label !== 'string' || label.length < 3 || label.length > 80) return false;
  const start =
    ((label.charCodeAt(0) | 32) << 16) |
    ((label.charCodeAt(1) | 32) << 8) |
    (label.charCodeAt(2) | 32);
  if (!RESULT_STARTS.has(start) && (label.charCodeAt(label.length - 1) | 32) !== LOWER_T)
    return false;
  return RESULT_LABEL.test(trimText(label));
}

/** The first three letters (lower case, packed) of the words RESULT_LABEL starts with. */
const RESULT_STARTS: ReadonlySet<number> = new Set(
  [
    ...['cur', 'rev', 'lat', 'net', 'upd', 'ame', '  c', '  r', '  l', '  n'],
    ...['exp', 'inc', 'spe', 'rec', 'pay', 'gro', '  e', '  i', '  s', '  p', '  g'],
  ].map((word) => (word.charCodeAt(0) << 16) | (word.charCodeAt(1) << 8) | word.charCodeAt(2)),
);

/** True when a row shows no word where a label may be. */
function unlabelled(row: readonly unknown[], labelSearch: readonly number[]): boolean {
  for (let i = 0; i < labelSearch.length; i++) if (!isBlankCell(row[labelSearch[i]])) return false;
  return true;
}

/**
 * Raises the scan's scale to `needed` places: tells every sink, and rescales the running sums and
 * the figures of the current row read so far. Returns the new power of ten.
 */
function widen(scan: FigureScan, sinks: readonly RowSink[], needed: number, upTo: number): number {
  const target = Math.min(needed, MAX_SCALE - 1);
  if (target <= scan.scale) return scan.power;
  const factor = POWERS[target - scan.scale];
  for (const sink of sinks) sink.widen(factor);
  for (let g = 0; g < upTo; g++) scan.units[g] *= factor;
  for (let g = 0; g < scan.runningSums.length; g++) scan.runningSums[g] *= factor;
  scan.scale = target;
  scan.power = POWERS[target];
  return scan.power;
}

/** The fewest places above `scale` at which a figure is whole in units. */
function placesOf(value: number, scale: number): number {
  for (let places = scale + 1; places < MAX_SCALE; places++) {
    const y = value * POWERS[places];
    const miss = y - Math.round(y);
    if (miss * miss <= y * y * NOISE) return places;
  }
  return MAX_SCALE - 1;
}

function atScan(units: number, scale: number, scan: FigureScan): number {
  if (scale <= scan.scale) return units * POWERS[scan.scale - scale];
  scan.rounded = true;
  return Math.round(units / POWERS[scale - scan.scale]);
}

/**
 * Reads a figure cell that is not a plain number. Returns the figure (units and scale), NaN for
 * a cell that shows something unreadable, or undefined for a cell that shows nothing.
 */
function readOddFigure(
  raw: unknown,
  row: number,
  column: number,
  unit: PreparedTable['columns'][number]['unit'],
  scan: FigureScan,
): { units: number; scale: number } | number | undefined {
  const value = cellResult(raw);
  if (typeof value === 'number') {
    if (value <= LARGEST_FIGURE && value >= -LARGEST_FIGURE) {
      const read = readAmountText(String(value));
      if (read) return read.value;
    }
    const problem =
      value !== value
        ? 'is not a number'
        : Number.isFinite(value)
          ? 'is too large to be an amount'
          : 'is infinite';
    scan.oddFigures.push({ row, column, shown: String(value), problem, readable: false });
    return NaN;
  }
  if (isBlankCell(value)) return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (isNilText(text)) return undefined;
    const error = excelErrorOf(text);
    const amount = error === undefined ? readAmountText(text, unit) : undefined;
    if (amount && Math.abs(toNumber(amount.value)) <= LARGEST_FIGURE) {
      if (amount.shownDecimals > scan.shownDecimals)
        scan.shownDecimals = Math.min(amount.shownDecimals, MAX_SCALE - 1);
      scan.oddFigures.push({ row, column, shown: text.slice(0, 60), readable: true });
      return amount.value;
    }
    // A total's label typed under the figures is a label, not a bad figure.
    if (isTotalLabel(text)) return undefined;
    const shown = text.length <= 60 ? text : `${text.slice(0, 59)}…`;
    scan.oddFigures.push(
      error === undefined
        ? { row, column, shown, readable: false }
        : { row, column, shown, problem: `holds the error ${error}`, readable: false },
    );
    return NaN;
  }
  scan.oddFigures.push({ row, column, ...describeOdd(value), readable: false });
  return NaN;
}

function describeOdd(value: unknown): { shown: string; problem: string } {
  if (typeof value === 'boolean')
    return { shown: value ? 'TRUE' : 'FALSE', problem: 'is TRUE/FALSE, not an amount' };
  const error = excelErrorOf(value);
  if (error !== undefined) return { shown: error, problem: `holds the error ${error}` };
  return { shown: `(${typeof value})`, problem: 'holds something that is not a figure' };
}
