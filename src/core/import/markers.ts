/**
 * Quarter markers: what councils print under a period column instead of a figure to say when a
 * scheme spends. Under a year column `Q1`, `Q2-4`, `Q1-4`, `Q2-Q4`, `Q1, Q3` name quarters of that
 * year; a tick or dot (`✓`, `x`, `●`, `•`) means the whole column (the year, or the quarter or
 * month a column covers); `TBC` says the scheme is not phased yet. Manchester's ICT Strategy
 * 2016-19, Table 1, is printed this way (issue 18).
 */
import { normaliseText, quoteForMessage } from '../calendar/text';
import { formatFiscalYear, quarterFromIndex, type Month } from '../calendar';
import { parsePhasing } from '../phasing';
import { quarterIndex } from '../calendar/fiscal';

/** What one marker cell says, given the quarters its column covers (quarter indexes). */
export type MarkerReading =
  | { readonly kind: 'none' }
  | { readonly kind: 'quarters'; readonly quarters: readonly number[] }
  | { readonly kind: 'not phased' }
  | { readonly kind: 'unreadable'; readonly message: string };

const NONE: MarkerReading = { kind: 'none' };

/** Ticks, crosses and dots: "spends in this column". `√` is what Excel users type for a tick. */
const WHOLE_COLUMN = new Set([
  '✓',
  '✔',
  '✅',
  '☑',
  '√',
  'x',
  '✗',
  '✘',
  '×',
  '●',
  '•',
  '∙',
  '·',
  '■',
  '◼',
  '*',
  'y',
  'yes',
]);

/** Marks that say nothing is spent in this column. */
const NOTHING = new Set(['', '-', '--', '—', 'n/a', 'nil', '0']);

const NOT_PHASED = new Set(['tbc', 'tba', 'tbd', 'to be confirmed', 'not phased', 'unphased']);

/** One quarter or a run of quarters: `q1`, `q2-4`, `q2-q4`, `q2 to q4` (after the first, `q` may be left off). */
const QUARTER_PART = /^(q?)\s*([0-9])(?:\s*(?:-|to)\s*q?\s*([0-9]))?$/;

const HOW_TO = "write e.g. 'Q1', 'Q2-4', 'Q1, Q3', a tick (✓) for the whole column, or TBC";

/** The quarters a column covers, named as a report would (`2016/17`, `2016/17 Q2`). */
function describeColumn(covered: readonly number[], startMonth: Month): string {
  const first = quarterFromIndex(covered[0]);
  if (covered.length === 4 && first.quarter === 1) return formatFiscalYear(first.year, startMonth);
  return covered.length === 1
    ? `${formatFiscalYear(first.year, startMonth)} Q${first.quarter}`
    : `${formatFiscalYear(first.year, startMonth)} Q${first.quarter}-${quarterFromIndex(covered[covered.length - 1]).quarter}`;
}

function readQuarterList(
  text: string,
  covered: readonly number[],
  startMonth: Month,
): MarkerReading | undefined {
  const parts = text.split(/\s*(?:,|;|&|\+|\/|\band\b)\s*/);
  const year = quarterFromIndex(covered[0]).year;
  const quarters = new Set<number>();
  for (let i = 0; i < parts.length; i++) {
    const match = QUARTER_PART.exec(parts[i]);
    if (!match || (i === 0 && match[1] !== 'q')) return undefined;
    const first = Number(match[2]);
    const last = match[3] === undefined ? first : Number(match[3]);
    for (const q of [first, last]) {
      if (q < 1 || q > 4)
        return {
          kind: 'unreadable',
          message: `Q${q} is not a quarter (quarters are Q1 to Q4); ${HOW_TO}`,
        };
    }
    if (last < first)
      return {
        kind: 'unreadable',
        message: `the quarters run backwards (Q${first} to Q${last}); write 'Q${last}-${first}', or mark the next year's column for quarters after Q4`,
      };
    for (let q = first; q <= last; q++) quarters.add(quarterIndex({ year, quarter: q as 1 }));
  }
  return withinColumn([...quarters], covered, startMonth);
}

function withinColumn(
  quarters: number[],
  covered: readonly number[],
  startMonth: Month,
): MarkerReading {
  const outside = quarters.filter((q) => !covered.includes(q));
  if (outside.length > 0) {
    const shown = quarterFromIndex(outside[0]);
    return {
      kind: 'unreadable',
      message: `Q${shown.quarter} of ${formatFiscalYear(shown.year, startMonth)} is not in this column (${describeColumn(covered, startMonth)}); mark it under its own column, or use a tick (✓) for the whole column`,
    };
  }
  return { kind: 'quarters', quarters: quarters.sort((a, b) => a - b) };
}

/**
 * Reads one marker cell under a period column that covers `covered` (quarter indexes, see
 * `quarterIndex`, ascending). Blank and `-` mark nothing; a number is not a marker (a table of
 * phased figures is read by the checks instead).
 *
 * @example
 * const year2016 = [8064, 8065, 8066, 8067]; // 2016/17 Q1-Q4
 * readMarker('Q2-4', year2016); // { kind: 'quarters', quarters: [8065, 8066, 8067] }
 * readMarker('✓', year2016); // the whole year
 * readMarker('TBC', year2016); // { kind: 'not phased' }
 * readMarker('soon', year2016); // { kind: 'unreadable', message: "Cannot read the marker 'soon' under 2016/17: write e.g. 'Q1', ..." }
 */
export function readMarker(
  value: unknown,
  covered: readonly number[],
  startMonth: Month = 4,
): MarkerReading {
  if (value === null || value === undefined || value === '') return NONE;
  const fail = (reason: string): MarkerReading => ({
    kind: 'unreadable',
    message: `Cannot read the marker '${quoteForMessage(value)}' under ${covered.length > 0 ? describeColumn(covered, startMonth) : 'this column'}: ${reason}`,
  });
  if (typeof value === 'boolean')
    return value ? { kind: 'quarters', quarters: [...covered] } : { kind: 'none' };
  if (typeof value !== 'string') {
    if (typeof value === 'number' && value === 0) return { kind: 'none' };
    return fail(`a figure is not a quarter marker; ${HOW_TO}`);
  }
  if (value.length > 200) return fail(`it is too long for a marker; ${HOW_TO}`);
  const text = normaliseText(value).replace(/\.$/, '');
  if (NOTHING.has(text)) return { kind: 'none' };
  if (NOT_PHASED.has(text)) return { kind: 'not phased' };
  if (covered.length === 0) return fail('its column heading names no period');
  if (WHOLE_COLUMN.has(text)) return { kind: 'quarters', quarters: [...covered] };
  const list = readQuarterList(text, covered, startMonth);
  if (list) return list.kind === 'unreadable' ? fail(list.message) : list;
  // A whole phrase in the cell (`2016/17 Q2-4`) reads as the phasing reader reads it.
  const phrase = parsePhasing(value, startMonth);
  if (phrase.ok && phrase.value.kind === 'phased') {
    const read = withinColumn(phrase.value.quarters.map(quarterIndex), covered, startMonth);
    return read.kind === 'unreadable' ? fail(read.message) : read;
  }
  return fail(HOW_TO);
}
