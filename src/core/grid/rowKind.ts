/**
 * What a row of a table is, from its words and whether it shows figures.
 */
import { isBlankCell, isNilText } from './cells';
import type { PreparedTable } from './prepare';
import { isTotalLabel, mayBeTotalLabel } from './totals';
import type { RowKind } from './types';

/** Row kinds as small integers, for typed arrays in the hot loops. */
export const TITLE = 0;
export const HEADER = 1;
export const BLANK = 2;
export const CONTINUATION = 3;
export const DETAIL = 4;
export const TOTAL = 5;
export const HEADING = 6;

/** The name of each row kind code. */
export const ROW_KINDS: readonly RowKind[] = [
  'title',
  'header',
  'blank',
  'continuation',
  'detail',
  'total',
  'heading',
];

// The quick test first: this runs on every word cell of every row.
function mentionsTotal(value: unknown): boolean {
  return typeof value === 'string' && mayBeTotalLabel(value) && isTotalLabel(value);
}

// A scheme name running onto the next line starts mid-sentence: "(includes ...)", "and ...".
const CARRIES_ON = /^\s*(?:[a-z([&+\u2026]|\.\.\.|[-\u2013\u2022]\s)/;

function carriesOn(value: unknown): boolean {
  return typeof value === 'string' && CARRIES_ON.test(value);
}

/**
 * True when a row is a total: a label such as `Total` or `Sub-total` in a word column, or typed
 * in the first figure column under the scheme names.
 *
 * @example
 * isTotalRow(prepared, ['TOTAL', 9.5]); // true
 */
export function isTotalRow(prepared: PreparedTable, row: readonly unknown[]): boolean {
  const { labelSearch, figureColumns } = prepared;
  for (let i = 0; i < labelSearch.length; i++) if (mentionsTotal(row[labelSearch[i]])) return true;
  return mentionsTotal(row[figureColumns[0]]);
}

/**
 * The kind of a data row (a code of {@link ROW_KINDS}), given whether it is a total (see
 * {@link isTotalRow}) and whether its figure columns show anything.
 *
 * @example
 * kindOfRow(prepared, ['TOTAL', 9.5], true, true); // TOTAL
 * kindOfRow(prepared, ['PLANNED', ''], false, false); // HEADING
 */
export function kindOfRow(
  prepared: PreparedTable,
  row: readonly unknown[],
  total: boolean,
  figureContent: boolean,
): number {
  if (total) return TOTAL;
  if (figureContent) return DETAIL;
  const { labelSearch, otherWords, labelColumn } = prepared;
  let label = false;
  let leftWords = false;
  for (let i = 0; i < labelSearch.length; i++) {
    const c = labelSearch[i];
    if (isBlankCell(row[c])) continue;
    if (c === labelColumn) label = true;
    else leftWords = true;
  }
  let otherText = false;
  for (let i = 0; i < otherWords.length; i++) {
    const other = row[otherWords[i]];
    // A dash in a notes column is nothing printed, not words (`110 Central Services | ... | -`).
    if (!isBlankCell(other) && !(typeof other === 'string' && isNilText(other))) {
      otherText = true;
      break;
    }
  }
  if (labelColumn === undefined) label = leftWords;
  if (label && !otherText && labelColumn !== undefined && carriesOn(row[labelColumn]))
    return CONTINUATION;
  if (label) return otherText ? DETAIL : HEADING;
  if (leftWords) return otherText ? CONTINUATION : HEADING;
  return otherText ? CONTINUATION : BLANK;
}
