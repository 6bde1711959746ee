/**
 * Recognising total rows by their label, as councils write them.
 */

/** Words that may come before "total" at the start of a label (`Grand total`, `Sub-total`). */
const PREFIXES: readonly string[] = ['grand', 'sub', 'net', 'overall', 'programme', 'capital'];

// `Total`, `TOTAL`, `Sub-total`, `Subtotal`, `Grand total`, `Net total`, `Total ICT Investment`,
// `Programme total`, `Totals`. Anchored on a word so `Totally` or `subtotalling` do not count.
const TOTAL_LABEL = new RegExp(
  `^(?:(?:${PREFIXES.join('|')})[\\s-]*)?totals?\\b|\\btotals?:?$`,
  'i',
);

/** Longest text read as a total's label. */
const LONGEST_LABEL = 120;

/**
 * True when a label marks a total row.
 *
 * @example
 * isTotalLabel('Sub-total'); // true
 * isTotalLabel('Total ICT Investment'); // true
 * isTotalLabel('Business transformation'); // false
 */
export function isTotalLabel(text: string): boolean {
  return text.length <= LONGEST_LABEL && TOTAL_LABEL.test(text.trim());
}

const SPACE = 32;
const HYPHEN = 45;
const COLON = 58;
const LOWER_L = 108;
const LOWER_S = 115;
/** Codes from here on may be spaces that `trim` and `\s` know (no-break space, em space...). */
const NOT_ASCII = 128;

function isAsciiSpace(code: number): boolean {
  return code === SPACE || (code >= 9 && code <= 13);
}

/** True when `word` (lower case ASCII) is at `at` in `text`, in any case. */
function wordAt(text: string, at: number, word: string): boolean {
  if (at < 0 || at + word.length > text.length) return false;
  // `| 32` lower-cases an ASCII letter; only 'T' and 't' give 't', and so on.
  for (let i = 0; i < word.length; i++)
    if ((text.charCodeAt(at + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * The word that may start a total's label, by its first letter in lower case (`t` for `total`,
 * `g` for `grand`...). The prefixes and "total" all start with different letters.
 */
const STARTS_BY_INITIAL: readonly (string | undefined)[] = (() => {
  const starts = new Array<string | undefined>(NOT_ASCII).fill(undefined);
  for (const word of ['total', ...PREFIXES]) starts[word.charCodeAt(0)] = word;
  return starts;
})();
/** The second letter of that word, by its first letter (0 for letters that start none). */
const SECOND_BY_INITIAL: Uint8Array = (() => {
  const seconds = new Uint8Array(NOT_ASCII);
  for (const word of ['total', ...PREFIXES]) seconds[word.charCodeAt(0)] = word.charCodeAt(1);
  return seconds;
})();

/**
 * A quick first test, true for every label {@link isTotalLabel} accepts (and for some it does
 * not): the label pattern is anchored, so "total" starts the text (perhaps after a word such as
 * Grand or Sub) or ends it. Row kinds test every word cell of every row, so this looks at the
 * first two letters and the last one, and most labels are ruled out there; only the rest are
 * looked at more closely. Any character beyond ASCII where spaces would be skipped answers true,
 * leaving the decision to isTotalLabel (it may be a space that `trim` removes).
 *
 * @example
 * mayBeTotalLabel('Grand total'); // true
 * mayBeTotalLabel('Roof replacement 12'); // false
 */
export function mayBeTotalLabel(text: string): boolean {
  const length = text.length;
  if (length < 5 || length > LONGEST_LABEL) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(length - 1);
  // `| 32` lower-cases an ASCII letter. Both ends printable ASCII means nothing to trim, so
  // "total" or a prefix would start at the first letter, and "total(s)(:)" end at the last.
  if (
    first > SPACE &&
    first < NOT_ASCII &&
    SECOND_BY_INITIAL[first | 32] !== (text.charCodeAt(1) | 32) &&
    last > SPACE &&
    last < NOT_ASCII &&
    (last | 32) !== LOWER_L &&
    (last | 32) !== LOWER_S &&
    last !== COLON
  )
    return false;
  return lookCloser(text);
}

/** The rest of {@link mayBeTotalLabel}: both ends, after any spaces. */
function lookCloser(text: string): boolean {
  const length = text.length;
  let start = 0;
  while (start < length && isAsciiSpace(text.charCodeAt(start))) start++;
  if (text.charCodeAt(start) >= NOT_ASCII) return true;
  let end = length;
  while (end > 0 && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  if (end > 0 && text.charCodeAt(end - 1) >= NOT_ASCII) return true;
  return startsAsTotal(text, start) || endsAsTotal(text, end);
}

/**
 * True when "total" starts the text at `start`, perhaps after one of the PREFIXES and hyphens or
 * spaces; also true at a character beyond ASCII among those (a space `\s` knows).
 */
function startsAsTotal(text: string, start: number): boolean {
  const word = STARTS_BY_INITIAL[text.charCodeAt(start) | 32];
  if (word === undefined || !wordAt(text, start, word)) return false;
  if (word === 'total') return true;
  let next = start + word.length;
  for (; next < text.length; next++) {
    const code = text.charCodeAt(next);
    if (code >= NOT_ASCII) return true;
    if (code !== HYPHEN && !isAsciiSpace(code)) break;
  }
  return wordAt(text, next, 'total');
}

/** True when "total", "totals", "total:" or "totals:" ends the text just before `end`. */
function endsAsTotal(text: string, end: number): boolean {
  let at = end;
  if (text.charCodeAt(at - 1) === COLON) at--;
  if ((text.charCodeAt(at - 1) | 32) === LOWER_S) at--;
  return wordAt(text, at - 5, 'total');
}
