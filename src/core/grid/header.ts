/**
 * Finding the header row(s) of a table with no prior knowledge of its layout: title rows may sit
 * above it, and a second header row may split a heading (`2016/17` over `Q1 Q2 Q3 Q4`).
 */
import { readAmountText } from './amountText';
import { cellText } from './cells';
import { unitFromHeader } from '../money/units';
import { type HeaderMeaning, readHeader } from './headers';

// A cell that only names a unit: `£m`, `(£'000)`, `£000s`, `£ million`.
const UNITS_ONLY = /^\(?\s*£\s*['\u2019]?\s*(?:m|k|bn|000|million|thousand|billion)?'?s?\s*\)?$/i;

/** A column of notes: `NOTE`, `Comments`, `Remarks`. */
const NOTES = /\b(?:notes?|comments?|remarks?|footnotes?|explanations?|reasons?)\s*$/i;

/** A units cell: `£'000`, `£m`, `(£000s)`, or `%` over a percentage column. */
function isUnitsText(text: string): boolean {
  return (
    /^\(?\s*%\s*\)?$/.test(text) || (UNITS_ONLY.test(text) && unitFromHeader(text) !== undefined)
  );
}

/** The header found: its rows and one text per column. */
export interface FoundHeader {
  rows: number[];
  texts: string[];
  meanings: HeaderMeaning[];
}

/** Rows searched for a header: titles and notes above a table are short. */
const HEADER_SEARCH_ROWS = 30;
/** Rows below a candidate header searched for a first figure. */
const FIGURE_LOOKAHEAD = 8;

function rowTexts(row: readonly unknown[] | undefined, width: number): (string | undefined)[] {
  const texts: (string | undefined)[] = new Array<string | undefined>(width).fill(undefined);
  if (!row) return texts;
  for (let c = 0; c < width && c < row.length; c++) {
    const value = row[c];
    const text = cellText(value);
    // Year headings are sometimes typed as numbers (2016).
    texts[c] =
      text ??
      (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2100
        ? String(value)
        : undefined);
  }
  return texts;
}

function isTextRow(row: readonly unknown[] | undefined, width: number): boolean {
  if (!row) return false;
  let amounts = 0;
  for (let c = 0; c < width && c < row.length; c++) {
    const value = row[c];
    if (typeof value === 'number' && !(Number.isInteger(value) && value >= 1900 && value <= 2100))
      return false;
    // Figures pasted as text (`£1.169m`, `2,400`, `(51)`) make a row of data, not of headings.
    // A units cell (`£000`) is a heading's, not a figure.
    if (
      typeof value === 'string' &&
      c > 0 &&
      /\d/.test(value) &&
      !isUnitsText(value.trim()) &&
      isAmountText(value)
    )
      amounts++;
  }
  return amounts === 0;
}

/** A cell of text that reads as an amount and not as a year heading (`2016`, `2016/17`). */
function isAmountText(text: string): boolean {
  const trimmed = text.trim();
  if (/^(?:19|20)\d\d$/.test(trimmed)) return false;
  return readAmountText(trimmed) !== undefined;
}

function countDefined(texts: readonly (string | undefined)[]): number {
  let count = 0;
  for (const text of texts) if (text !== undefined) count++;
  return count;
}

function score(meanings: readonly HeaderMeaning[]): number {
  let total = 0;
  for (const meaning of meanings) if (meaning.role !== 'text' && meaning.role !== 'blank') total++;
  return total;
}

/** True when a row's cells only name units (`£m  £m  £m`), perhaps after a period label. */
function unitsOnly(texts: readonly (string | undefined)[]): boolean {
  let units = 0;
  for (const text of texts) {
    if (text === undefined) continue;
    if (!isUnitsText(text.trim())) return false;
    units++;
  }
  return units > 0;
}

/**
 * What each column of a header of two or more rows means: the lowest row names the column; the
 * rows above (a merged heading such as `YEAR END FORECAST` over Forecast, Budget, Note) only add
 * a unit or a period where the lowest row says nothing, or says only a unit (`£m` under
 * `Variation`).
 */
function stackedMeanings(
  texts: readonly string[],
  lower: readonly (string | undefined)[],
): HeaderMeaning[] {
  return texts.map((text, c) => {
    const own = lower[c] === undefined ? undefined : readHeader(lower[c]);
    const joined = readHeader(text);
    if (!own || own.role === 'blank') return joined;
    if (isUnitsText((lower[c] ?? '').trim())) return { ...joined, unit: own.unit ?? joined.unit };
    if (own.role === 'text' && !own.percent && !NOTES.test(lower[c] ?? '')) return joined;
    return { ...joined, ...own, unit: own.unit ?? joined.unit };
  });
}

/** True when a row above a candidate header may be a heading over its columns, not a title. */
function headsColumns(
  upper: readonly (string | undefined)[],
  lower: readonly (string | undefined)[],
): boolean {
  const upperCount = countDefined(upper);
  const firstUpper = upper.findIndex((text) => text !== undefined);
  const firstLower = lower.findIndex((text) => text !== undefined);
  // One lone cell at the left is a title, not a heading over columns.
  return upperCount >= 2 || (upperCount === 1 && firstUpper > firstLower);
}

function hasFigureBelow(values: readonly (readonly unknown[])[], row: number): boolean {
  for (let r = row + 1; r < values.length && r <= row + FIGURE_LOOKAHEAD; r++) {
    const cells = values[r];
    if (!Array.isArray(cells)) continue;
    for (const value of cells) {
      if (typeof value === 'number' && Number.isFinite(value)) return true;
      if (typeof value === 'string' && /\d/.test(value) && value.length < 40) return true;
    }
  }
  return false;
}

function combine(
  upper: readonly (string | undefined)[],
  lower: readonly (string | undefined)[],
): string[] {
  const texts: string[] = [];
  // A merged heading keeps its text in its first cell only: carry it over the columns it spans.
  let carried: string | undefined;
  for (let c = 0; c < lower.length; c++) {
    if (upper[c] !== undefined) carried = upper[c];
    else if (lower[c] === undefined) carried = undefined;
    const top = upper[c] ?? carried;
    texts.push([top, lower[c]].filter((part) => part !== undefined).join(' '));
  }
  return texts;
}

/**
 * Finds the header: the row (or pair of rows) in the first rows whose texts name the most
 * recognised columns and that has figures below it. `undefined` when no row names any.
 *
 * @example
 * findHeader([['Capital programme'], ['Project', 'Budget £m'], ['Compliance', 2.6]], 2)?.rows; // [1]
 */
export function findHeader(
  values: readonly (readonly unknown[])[],
  width: number,
): FoundHeader | undefined {
  let best: (FoundHeader & { score: number }) | undefined;
  const last = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const row = Array.isArray(values[r]) ? values[r] : undefined;
    if (!isTextRow(row, width)) continue;
    const lower = rowTexts(row, width);
    if (countDefined(lower) < 2 || !hasFigureBelow(values, r)) continue;
    const single = lower.map((text) => text ?? '');
    const singleMeanings = single.map(readHeader);
    let candidate = {
      rows: [r],
      texts: single,
      meanings: singleMeanings,
      score: score(singleMeanings),
    };
    const above = r > 0 && Array.isArray(values[r - 1]) ? values[r - 1] : undefined;
    if (above && isTextRow(above, width)) {
      const upper = rowTexts(above, width);
      if (headsColumns(upper, lower)) {
        const texts = combine(upper, lower);
        const meanings = stackedMeanings(texts, lower);
        const pairScore = score(meanings);
        // A row of units under the headings (`£m` under `Variation`) is part of the header: the
        // headings above it say what the columns hold.
        if (pairScore > candidate.score || (pairScore === candidate.score && unitsOnly(lower)))
          candidate = { rows: [r - 1, r], texts, meanings, score: pairScore };
        // A third heading row on top (`Current Year 2019/20` over `Agreed` over `Budget`).
        const top = r > 1 && Array.isArray(values[r - 2]) ? values[r - 2] : undefined;
        if (top && isTextRow(top, width)) {
          const highest = rowTexts(top, width);
          if (headsColumns(highest, upper) && countDefined(highest) >= 2) {
            const middle = combine(highest, upper).map((text) => (text === '' ? undefined : text));
            const threeTexts = combine(middle, lower);
            const threeMeanings = stackedMeanings(threeTexts, lower);
            const threeScore = score(threeMeanings);
            if (threeScore >= candidate.score)
              candidate = {
                rows: [r - 2, r - 1, r],
                texts: threeTexts,
                meanings: threeMeanings,
                score: threeScore,
              };
          }
        }
      }
    }
    if (candidate.score > 0 && (!best || candidate.score > best.score)) best = candidate;
  }
  if (!best) return undefined;
  return withUnitsRow(values, width, {
    rows: best.rows,
    texts: best.texts,
    meanings: best.meanings,
  });
}

/**
 * A row of units under the header (`£m  £m  £'000`) belongs to the header: its units join the
 * header texts, and it is not read as a row of bad figures.
 */
function withUnitsRow(
  values: readonly (readonly unknown[])[],
  width: number,
  header: FoundHeader,
): FoundHeader {
  const below = header.rows[header.rows.length - 1] + 1;
  const row = Array.isArray(values[below]) ? values[below] : undefined;
  if (!row || !isTextRow(row, width)) return header;
  const units = rowTexts(row, width);
  let unitCells = 0;
  let others = 0;
  let firstPresent = true;
  for (const text of units) {
    if (text === undefined) continue;
    if (isUnitsText(text)) unitCells++;
    // The first cell may name the period the figures are for (`Jun-05`, `Month 9`).
    else if (firstPresent && text.length <= 30) others++;
    else return header;
    firstPresent = false;
  }
  if (unitCells === 0 || others > 1) return header;
  const texts = header.texts.map((text, c) =>
    units[c] === undefined || !isUnitsText(units[c]) ? text : `${text} ${units[c]}`.trim(),
  );
  return { rows: [...header.rows, below], texts, meanings: texts.map(readHeader) };
}
