/**
 * Reads money as councils print it: `£1,250k`, `£0.075m`, `c£90k`, `(0.3)`, `-£450k`, `£12.4 million`,
 * `1 234.50`. Exact (the digits become integer minor units; no float ever holds the amount) and
 * strict: anything it cannot read for certain is a message, never a guess.
 *
 * Why a hand-written scanner rather than a regular expression or a library: it runs on every text
 * cell of 100k-row grids, so it makes one pass over the characters with no backtracking and no
 * allocation beyond the result, and it can say exactly what is wrong ("the thousands separator is
 * misplaced") instead of just "no match". Number-parsing libraries (numeral, accounting.js, Intl)
 * read through floats and guess at misplaced separators, which this must not do.
 */
import type { Parsed } from '../findings';
import { type Decimal, MAX_SCALE } from './decimal';
import { type MoneyUnit, shiftExactly, unitExponent } from './units';

/** An amount read from text. */
export interface ParsedMoney {
  /** The amount, exactly, in the target unit. */
  value: Decimal;
  /** True when the text said the figure is approximate (`c£90k`, `circa £90k`). */
  circa: boolean;
  /** The unit written in the text (`k`, `m`, `bn` after the figure); `undefined` for a bare figure. */
  printedUnit?: MoneyUnit;
  /** Decimal places as printed, in the printed unit (`£0.075m` -> 3): the basis of the rounding rule. */
  shownDecimals: number;
}

/** How to read a figure: the unit wanted, and the unit a bare figure is in. */
export interface ParseMoneyOptions {
  /** The unit of the returned value. Default `£`. */
  unit?: MoneyUnit;
  /** The unit of a figure with no `k`/`m`/`bn` after it, e.g. from its column header. Default: `unit`. */
  assumedUnit?: MoneyUnit;
}

/** Longer text is refused before it is scanned: no printed amount comes near it. */
export const MAX_MONEY_TEXT_LENGTH = 100;

const HOW_TO_WRITE = 'write e.g. £1,250k, 0.3 or (0.3)';
const SHOWN_TEXT_LENGTH = 40;

const POUND = 0xa3;
const PLUS = 0x2b;
const OPEN = 0x28;
const CLOSE = 0x29;
const COMMA = 0x2c;
const DOT = 0x2e;
const PERCENT = 0x25;

const UNIT_WORDS: ReadonlyMap<string, MoneyUnit> = new Map<string, MoneyUnit>([
  ['k', '£k'],
  ['thousand', '£k'],
  ['m', '£m'],
  ['mn', '£m'],
  ['million', '£m'],
  ['b', '£bn'],
  ['bn', '£bn'],
  ['billion', '£bn'],
]);

const CIRCA_WORDS: ReadonlySet<string> = new Set(['c', 'ca', 'circa', 'approx']);
const LONGEST_CIRCA_WORD = 6;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Hyphen-minus and the dashes that PDFs and Word put in its place (U+2212 minus, en dash). */
function isMinus(code: number): boolean {
  return (
    code === 0x2d ||
    (code >= 0x2010 && code <= 0x2013) ||
    code === 0x2212 ||
    code === 0xfe63 ||
    code === 0xff0d
  );
}

/** White space as JavaScript's `trim` sees it (includes non-breaking and thin spaces). */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Spaces used between groups of thousands: plain, non-breaking, figure, thin, narrow no-break. */
function isGroupSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || (code >= 0x2007 && code <= 0x200a) || code === 0x202f;
}

/**
 * Reads an amount of money as printed in council reports, exactly.
 *
 * Accepted: an optional circa (`c`, `c.`, `ca.`, `circa`, `approx.`); one sign (`-`, `+`, `−`,
 * `–`) or brackets for a negative; `£` before or after the sign; digits with `,` or spaces
 * (including non-breaking and thin) between groups of three; a decimal point; a unit after the
 * figure (`k`, `thousand`, `m`, `mn`, `million`, `b`, `bn`, `billion`, any case, space optional).
 * A figure with no unit is in `assumedUnit` (e.g. from its column header). A `£` with no unit
 * does not make a figure pounds: `£2.6` under a `£m` header is £2.6m.
 *
 * Returns a failure whose message says what is wrong and how to write it: misplaced separators
 * (`1,25`), two signs, two decimal points, words, a unit with no figure, text over
 * {@link MAX_MONEY_TEXT_LENGTH} characters, and figures too large or too precise to hold exactly.
 *
 * @example
 * parseMoney('£1,250k'); // ok: value 1250000 (£), printedUnit '£k', shownDecimals 0
 * parseMoney('(£0.3m)', { unit: '£m' }); // ok: value -0.3, shownDecimals 1
 * parseMoney('c£90k', { unit: '£k' }).ok; // true, circa: true
 * parseMoney('2.6', { assumedUnit: '£m' }); // ok: value 2600000 (£)
 * parseMoney('twelve pounds'); // { ok: false, message: "Cannot read 'twelve pounds' as money: ..." }
 */
export function parseMoney(text: string, options?: ParseMoneyOptions): Parsed<ParsedMoney> {
  if (text.length > MAX_MONEY_TEXT_LENGTH) {
    return {
      ok: false,
      message: `Cannot read a ${String(text.length).replace(/\B(?=(\d{3})+$)/g, ',')}-character text as money: a figure is at most ${MAX_MONEY_TEXT_LENGTH} characters; ${HOW_TO_WRITE}`,
    };
  }
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end)
    return { ok: false, message: `Cannot read blank text as money: ${HOW_TO_WRITE}` };

  let pos = start;
  let code = 0;

  // Before the figure: circa, sign, £ and an opening bracket, in any order printed.
  let circa = false;
  let signs = 0;
  let negative = false;
  let pounds = 0;
  let bracket = false;
  for (; pos < end; pos++) {
    code = text.charCodeAt(pos);
    if (isSpace(code)) continue;
    if (isMinus(code)) {
      signs++;
      negative = true;
    } else if (code === PLUS) {
      signs++;
    } else if (code === POUND) {
      pounds++;
    } else if (code === OPEN) {
      if (bracket) return failure(text, start, end, 'it has two opening brackets');
      bracket = true;
    } else if (isLetter(code) && !circa) {
      const wordEnd = endOfWord(text, pos, end);
      // Longer words cannot be circa: skip the slice for the labels of every text cell.
      if (wordEnd - pos > LONGEST_CIRCA_WORD) break;
      if (!CIRCA_WORDS.has(text.slice(pos, wordEnd).toLowerCase())) break;
      circa = true;
      pos = wordEnd - 1; // the loop steps past the word
      // ...and past the point of `c.`, unless the point starts the figure (`c.5m`).
      if (
        wordEnd < end &&
        text.charCodeAt(wordEnd) === DOT &&
        !(wordEnd + 1 < end && isDigit(text.charCodeAt(wordEnd + 1)))
      ) {
        pos = wordEnd;
      }
    } else {
      break;
    }
  }
  if (signs > 1) return failure(text, start, end, 'it has two signs');
  if (signs === 1 && bracket)
    return failure(text, start, end, 'it has both brackets and a sign (use one or the other)');
  if (pounds > 1) return failure(text, start, end, "'£' appears twice");
  if (bracket) negative = true;

  // The figure: whole part with optional thousands separators, then an optional fraction.
  let units = 0;
  let wholeDigits = 0;
  let separator = 0; // 0 none yet, 1 comma, 2 space
  while (pos < end && isDigit((code = text.charCodeAt(pos)))) {
    units = units * 10 + (code - 48);
    wholeDigits++;
    pos++;
  }
  while (pos < end) {
    code = text.charCodeAt(pos);
    const isComma = code === COMMA;
    if (!isComma && !isGroupSpace(code)) break;
    if (wholeDigits === 0 || !(pos + 1 < end && isDigit(text.charCodeAt(pos + 1)))) {
      if (isComma) return failure(text, start, end, misplacedSeparator);
      break; // a space before the unit or bracket
    }
    const kind = isComma ? 1 : 2;
    if (separator === 0) {
      if (wholeDigits > 3) return failure(text, start, end, misplacedSeparator);
      separator = kind;
    } else if (separator !== kind) {
      return failure(text, start, end, misplacedSeparator);
    }
    pos++;
    let groupDigits = 0;
    while (pos < end && isDigit((code = text.charCodeAt(pos)))) {
      units = units * 10 + (code - 48);
      groupDigits++;
      pos++;
    }
    if (groupDigits !== 3) return failure(text, start, end, misplacedSeparator);
    wholeDigits += 3;
  }
  let shownDecimals = 0;
  if (pos < end && text.charCodeAt(pos) === DOT) {
    pos++;
    while (pos < end && isDigit((code = text.charCodeAt(pos)))) {
      units = units * 10 + (code - 48);
      shownDecimals++;
      pos++;
    }
  }
  if (wholeDigits + shownDecimals === 0) {
    // A lone dash is how many tables print nil; say so rather than guess it is zero.
    if (end - start === 1 && signs === 1)
      return failure(text, start, end, 'a dash alone is not a figure (for nil, write 0)');
    return failure(text, start, end, noFigureReason(text, pos, end, bracket));
  }
  if (pos < end) {
    code = text.charCodeAt(pos);
    if (code === DOT) return failure(text, start, end, 'it has two decimal points');
    if (
      code === COMMA ||
      (isGroupSpace(code) && pos + 1 < end && isDigit(text.charCodeAt(pos + 1)))
    ) {
      return failure(text, start, end, misplacedSeparator);
    }
  }
  if (shownDecimals > MAX_SCALE)
    return failure(text, start, end, `it has more than ${MAX_SCALE} decimal places`);
  if (!Number.isSafeInteger(units))
    return failure(
      text,
      start,
      end,
      'it has more digits than can be held exactly (at most 15 significant digits)',
    );

  // After the figure: a unit, then the closing bracket.
  while (pos < end && isSpace(text.charCodeAt(pos))) pos++;
  let printedUnit: MoneyUnit | undefined;
  if (pos < end && isLetter(text.charCodeAt(pos))) {
    const wordEnd = endOfWord(text, pos, end);
    printedUnit = UNIT_WORDS.get(text.slice(pos, wordEnd).toLowerCase());
    if (printedUnit === undefined)
      return failure(
        text,
        start,
        end,
        `'${text.slice(pos, wordEnd)}' is not a unit: use k, m or bn`,
      );
    pos = wordEnd;
    while (pos < end && isSpace(text.charCodeAt(pos))) pos++;
  }
  if (bracket) {
    if (!(pos < end && text.charCodeAt(pos) === CLOSE))
      return failure(text, start, end, 'the bracket is not closed');
    pos++;
    while (pos < end && isSpace(text.charCodeAt(pos))) pos++;
  }
  if (pos < end) return failure(text, start, end, strayReason(text, pos));

  const target = options?.unit ?? '£';
  const source = printedUnit ?? options?.assumedUnit ?? target;
  const value = shiftExactly(
    negative && units !== 0 ? -units : units,
    shownDecimals,
    unitExponent(source) - unitExponent(target),
  );
  if (!value)
    return failure(
      text,
      start,
      end,
      `it is too large, or has too many decimal places, to hold exactly in ${target}`,
    );
  return { ok: true, value: { value, circa, printedUnit, shownDecimals } };
}

const misplacedSeparator =
  'the thousands separators are misplaced (write groups of three digits, e.g. 1,250 or 1,234.50)';

function endOfWord(text: string, from: number, end: number): number {
  let pos = from;
  while (pos < end && isLetter(text.charCodeAt(pos))) pos++;
  return pos;
}

function noFigureReason(text: string, pos: number, end: number, bracket: boolean): string {
  if (pos >= end) return 'there is no figure';
  const code = text.charCodeAt(pos);
  if (isLetter(code)) {
    const word = text.slice(pos, endOfWord(text, pos, end));
    return UNIT_WORDS.has(word.toLowerCase())
      ? `'${word}' is a unit with no figure in front of it`
      : `'${word}' is a word, not a figure`;
  }
  if (code === CLOSE) return bracket ? 'the brackets hold no figure' : "')' has no opening bracket";
  return strayReason(text, pos);
}

function strayReason(text: string, pos: number): string {
  const code = text.charCodeAt(pos);
  if (code === CLOSE) return "')' has no opening bracket";
  if (code === PERCENT) return 'a percentage is not an amount of money';
  if (code === POUND) return "'£' goes in front of the figure";
  if (code === PLUS || isMinus(code)) return 'the sign goes in front of the figure';
  if (code === 0x24 || code === 0x20ac || code === 0xa5)
    return 'only amounts in pounds (£) can be read';
  if (isDigit(code)) return 'it holds two figures';
  return `'${String.fromCodePoint(text.codePointAt(pos) ?? code)}' is not part of a figure`;
}

function failure(text: string, start: number, end: number, reason: string): Parsed<ParsedMoney> {
  const trimmed = text.slice(start, end);
  const shown =
    trimmed.length > SHOWN_TEXT_LENGTH ? `${trimmed.slice(0, SHOWN_TEXT_LENGTH)}…` : trimmed;
  return { ok: false, message: `Cannot read '${shown}' as money: ${reason}; ${HOW_TO_WRITE}` };
}
