/**
 * Reads the phasing phrases of capital reports: `2016/17 Q1`, `2016/17 Q2-4` (also `Q2-Q4`,
 * `Q2 to Q4`, `Q1 2016/17`), `2017/18 Q4 - 2019/20 Q1`, `2016/17`, `2017-20` (2017/18 to 2019/20),
 * `2017/18 - 2019/20`, joined by `and`, `,`, `;` or `&`; `TBC`, `TBA`, blank, `-` and `n/a` mean
 * not phased yet. Typographic dashes and non-breaking spaces read as plain ones.
 *
 * A small hand-written tokenizer and recursive-descent reader: one pass, no backtracking regular
 * expressions, so hostile 10,000-character text costs microseconds. Year terms are interpreted by
 * the calendar's `readYearTerm`, so labels mean the same here as in headers.
 */
import {
  DEFAULT_START_MONTH,
  formatFiscalYear,
  quarterFromIndex,
  quarterIndex,
  type FiscalQuarter,
  type Month,
  type Quarter,
} from '../calendar';
import { readYearTerm, type YearSpan } from '../calendar/labels';
import { normaliseText, quoteForMessage } from '../calendar/text';
import type { Parsed } from '../findings';
import { formatPhasing } from './format';
import type { Phasing } from './types';

/** Phrases that mean "not phased yet". */
const NOT_PHASED = new Set([
  '',
  '-',
  '--',
  '---',
  'tbc',
  'tba',
  'tbd',
  'n/a',
  'na',
  'n.a.',
  'not phased',
  'unphased',
  'to be confirmed',
  'not yet phased',
]);

/** Longer text is not a phasing phrase (the longest real ones are a few dozen characters). */
const MAX_PHRASE_LENGTH = 1000;

type Token =
  | { kind: 'number'; digits: string }
  | { kind: 'quarter'; digits: string }
  | { kind: 'fy' }
  | { kind: 'slash' }
  | { kind: 'range' }
  | { kind: 'join' }
  | { kind: 'other'; text: string };

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const char = text[i];
    if (char === ' ') {
      i++;
    } else if (isDigit(code)) {
      const start = i;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'number', digits: text.slice(start, i) });
    } else if (isLetter(code)) {
      const start = i;
      while (i < text.length && isLetter(text.charCodeAt(i))) i++;
      const word = text.slice(start, i);
      if (word === 'q') {
        let j = text[i] === ' ' ? i + 1 : i;
        if (j < text.length && isDigit(text.charCodeAt(j))) {
          const digitsStart = j;
          while (j < text.length && isDigit(text.charCodeAt(j))) j++;
          tokens.push({ kind: 'quarter', digits: text.slice(digitsStart, j) });
          i = j;
          continue;
        }
      }
      if (word === 'fy') tokens.push({ kind: 'fy' });
      else if (word === 'and') tokens.push({ kind: 'join' });
      else if (word === 'to' || word === 'until' || word === 'through')
        tokens.push({ kind: 'range' });
      else tokens.push({ kind: 'other', text: word });
    } else if (char === '/') {
      tokens.push({ kind: 'slash' });
      i++;
    } else if (char === '-') {
      tokens.push({ kind: 'range' });
      i++;
    } else if (char === ',' || char === ';' || char === '&' || char === '+') {
      tokens.push({ kind: 'join' });
      i++;
    } else {
      tokens.push({ kind: 'other', text: char });
      i++;
    }
  }
  return tokens;
}

/** A failure found while reading: the reason and how to write it. */
class Unreadable {
  constructor(readonly reason: string) {}
}

/** Reads one phrase's tokens into ranges of quarter indexes. */
class PhraseReader {
  private position = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly startMonth: Month,
    private readonly examples: string,
  ) {}

  readRanges(): Array<[number, number]> | Unreadable {
    const ranges: Array<[number, number]> = [];
    while (this.position < this.tokens.length) {
      if (this.peek()?.kind === 'join') {
        this.position++;
        continue;
      }
      const range = this.readItem();
      if (range instanceof Unreadable) return range;
      ranges.push(range);
      const next = this.peek();
      if (next && next.kind !== 'join') return new Unreadable(this.examples);
    }
    return ranges;
  }

  private peek(ahead = 0): Token | undefined {
    return this.tokens[this.position + ahead];
  }

  private startsYear(token: Token | undefined): boolean {
    return (
      token !== undefined &&
      (token.kind === 'fy' ||
        (token.kind === 'number' && (token.digits.length === 2 || token.digits.length === 4)))
    );
  }

  private startsQuarter(token: Token | undefined): boolean {
    return (
      token !== undefined &&
      (token.kind === 'quarter' || (token.kind === 'number' && token.digits.length === 1))
    );
  }

  private readQuarter(): Quarter | Unreadable {
    const token = this.tokens[this.position++];
    const digits = token.kind === 'quarter' || token.kind === 'number' ? token.digits : '';
    const quarter = Number(digits);
    if (digits.length !== 1 || quarter < 1 || quarter > 4) {
      return new Unreadable(
        `Q${quoteForMessage(digits)} is not a quarter (quarters are Q1 to Q4); ${this.examples}`,
      );
    }
    return quarter as Quarter;
  }

  private readYears(): YearSpan | Unreadable {
    let prefixed = false;
    if (this.peek()?.kind === 'fy') {
      prefixed = true;
      this.position++;
    }
    const start = this.peek();
    if (start?.kind !== 'number') return new Unreadable(this.examples);
    this.position++;
    let separator: '/' | '-' | undefined;
    let end: string | undefined;
    const next = this.peek();
    const after = this.peek(1);
    if (next?.kind === 'slash' && after?.kind === 'number') {
      separator = '/';
      end = after.digits;
      this.position += 2;
    } else if (
      next?.kind === 'range' &&
      after?.kind === 'number' &&
      (after.digits.length === 2 || after.digits.length === 4)
    ) {
      separator = '-';
      end = after.digits;
      this.position += 2;
    }
    const years = readYearTerm(
      { prefixed, start: start.digits, separator, end },
      this.startMonth,
      true,
    );
    return years.ok ? years.value : new Unreadable(years.message);
  }

  private readOneYear(): number | Unreadable {
    const years = this.readYears();
    if (years instanceof Unreadable) return years;
    if (years.first !== years.last) return this.spanWithQuarter();
    return years.first;
  }

  private spanWithQuarter(): Unreadable {
    return new Unreadable(`a span of several years cannot take a quarter; ${this.examples}`);
  }

  private backwards(from: FiscalQuarter, to: FiscalQuarter): Unreadable {
    if (from.year === to.year) {
      const year = formatPhasing([{ year: from.year, quarter: 1 }], this.startMonth).replace(
        / Q1$/,
        '',
      );
      return new Unreadable(
        `the quarters run backwards (Q${from.quarter} to Q${to.quarter}); write '${year} Q${to.quarter}-${from.quarter}', ` +
          `or '${formatPhasing([from], this.startMonth)} - ${formatPhasing([{ year: from.year + 1, quarter: to.quarter }], this.startMonth)}' to run into the next year`,
      );
    }
    return new Unreadable(
      `the range runs backwards; write the earlier quarter first: '${formatPhasing([to], this.startMonth)} - ${formatPhasing([from], this.startMonth)}'`,
    );
  }

  private range(from: FiscalQuarter, to: FiscalQuarter): [number, number] | Unreadable {
    const start = quarterIndex(from);
    const end = quarterIndex(to);
    return end < start ? this.backwards(from, to) : [start, end];
  }

  private readItem(): [number, number] | Unreadable {
    if (this.peek()?.kind === 'quarter') return this.readQuarterFirst();
    if (!this.startsYear(this.peek())) return new Unreadable(this.examples);
    const years = this.readYears();
    if (years instanceof Unreadable) return years;
    if (this.peek()?.kind === 'quarter') {
      if (years.first !== years.last) return this.spanWithQuarter();
      const first = this.readQuarter();
      if (first instanceof Unreadable) return first;
      const from: FiscalQuarter = { year: years.first, quarter: first };
      if (this.peek()?.kind !== 'range') return this.range(from, from);
      const after = this.peek(1);
      if (this.startsQuarter(after)) {
        this.position++;
        const last = this.readQuarter();
        if (last instanceof Unreadable) return last;
        // `2016/17 Q4 - Q1 2017/18`: the end quarter names its own year.
        if (after?.kind === 'quarter' && this.startsYear(this.peek())) {
          const year = this.readOneYear();
          if (year instanceof Unreadable) return year;
          return this.range(from, { year, quarter: last });
        }
        return this.range(from, { year: years.first, quarter: last });
      }
      if (!this.startsYear(after)) return new Unreadable(this.examples);
      this.position++;
      const year = this.readOneYear();
      if (year instanceof Unreadable) return year;
      if (this.peek()?.kind !== 'quarter') return new Unreadable(this.examples);
      const last = this.readQuarter();
      if (last instanceof Unreadable) return last;
      return this.range(from, { year, quarter: last });
    }
    if (this.peek()?.kind === 'range' && this.startsYear(this.peek(1))) {
      this.position++;
      const until = this.readYears();
      if (until instanceof Unreadable) return until;
      if (this.peek()?.kind === 'quarter') return new Unreadable(this.examples);
      if (until.first < years.first || until.last < years.last) {
        return new Unreadable(
          `the years run backwards; write the earlier year first, e.g. '${formatFiscalYear(until.first, this.startMonth)} - ${formatFiscalYear(years.last, this.startMonth)}'`,
        );
      }
      return [
        quarterIndex({ year: years.first, quarter: 1 }),
        quarterIndex({ year: until.last, quarter: 4 }),
      ];
    }
    return [
      quarterIndex({ year: years.first, quarter: 1 }),
      quarterIndex({ year: years.last, quarter: 4 }),
    ];
  }

  /** `Q1 2016/17`, `Q2-4 2016/17`, `Q4 2017/18 - Q1 2019/20`. */
  private readQuarterFirst(): [number, number] | Unreadable {
    const first = this.readQuarter();
    if (first instanceof Unreadable) return first;
    let last = first;
    if (this.peek()?.kind === 'range' && this.startsQuarter(this.peek(1))) {
      this.position++;
      const read = this.readQuarter();
      if (read instanceof Unreadable) return read;
      last = read;
    }
    if (!this.startsYear(this.peek())) return new Unreadable(this.examples);
    const year = this.readOneYear();
    if (year instanceof Unreadable) return year;
    const from: FiscalQuarter = { year, quarter: first };
    if (
      this.peek()?.kind === 'range' &&
      this.peek(1)?.kind === 'quarter' &&
      this.startsYear(this.peek(2))
    ) {
      this.position++;
      const endQuarter = this.readQuarter();
      if (endQuarter instanceof Unreadable) return endQuarter;
      const endYear = this.readOneYear();
      if (endYear instanceof Unreadable) return endYear;
      return this.range(from, { year: endYear, quarter: endQuarter });
    }
    return this.range(from, { year, quarter: last });
  }
}

function wholeYears(first: number, last: number): FiscalQuarter[] {
  const quarters: FiscalQuarter[] = [];
  for (
    let index = quarterIndex({ year: first, quarter: 1 });
    index <= quarterIndex({ year: last, quarter: 4 });
    index++
  ) {
    quarters.push(quarterFromIndex(index));
  }
  return quarters;
}

/**
 * The examples a message about an unreadable phrase gives, per start month. Worked out once: they
 * were worked out for every phrase read, and that was half the cost of reading the phrases of a
 * 20k-row programme on a cold start (issue 15's profile).
 */
const examplesByStartMonth = new Map<Month, string>();

function examplesFor(startMonth: Month): string {
  let examples = examplesByStartMonth.get(startMonth);
  if (examples === undefined) {
    examples = writeExamples(startMonth);
    examplesByStartMonth.set(startMonth, examples);
  }
  return examples;
}

function writeExamples(startMonth: Month): string {
  const within = formatPhasing(
    [2, 3, 4].map((quarter) => ({ year: 2016, quarter: quarter as Quarter })),
    startMonth,
  );
  const across = formatPhasing(
    [{ year: 2017, quarter: 4 }, ...wholeYears(2018, 2018), { year: 2019, quarter: 1 }],
    startMonth,
  );
  const years = formatPhasing(wholeYears(2017, 2019), startMonth);
  return `write e.g. '${within}', '${years}' or '${across}'`;
}

/** Merges overlapping or touching ranges and lists their quarters in order. */
function quartersOf(ranges: Array<[number, number]>): FiscalQuarter[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const quarters: FiscalQuarter[] = [];
  let next = -Infinity;
  for (const [start, end] of ranges) {
    for (let index = Math.max(start, next); index <= end; index++)
      quarters.push(Object.freeze(quarterFromIndex(index)));
    if (end + 1 > next) next = end + 1;
  }
  return quarters;
}

const cache = new Map<string, Parsed<Phasing>>();
const CACHE_LIMIT = 5000;

function readPhrase(text: string, startMonth: Month): Parsed<Phasing> {
  const normalised = normaliseText(text);
  if (NOT_PHASED.has(normalised)) return { ok: true, value: { kind: 'not phased' } };
  const examples = examplesFor(startMonth);
  const fail = (reason: string): Parsed<Phasing> => ({
    ok: false,
    message: `Cannot read phasing '${quoteForMessage(text)}': ${reason}`,
  });
  if (normalised.length > MAX_PHRASE_LENGTH)
    return fail(`it is too long for a phasing phrase; ${examples}`);
  const ranges = new PhraseReader(tokenize(normalised), startMonth, examples).readRanges();
  if (ranges instanceof Unreadable) return fail(ranges.reason);
  if (ranges.length === 0) return fail(examples);
  return { ok: true, value: { kind: 'phased', quarters: Object.freeze(quartersOf(ranges)) } };
}

/**
 * Reads a phasing phrase into the quarters it names, in order and each once, or "not phased".
 * Results are immutable and cached, so a column of repeated phrases is read once.
 *
 * @example
 * parsePhasing('2016/17 Q2-4'); // { ok: true, value: { kind: 'phased', quarters: [2016 Q2, 2016 Q3, 2016 Q4] } }
 * parsePhasing('2017-20'); // 2017/18 Q1 ... 2019/20 Q4 (12 quarters)
 * parsePhasing('TBC'); // { ok: true, value: { kind: 'not phased' } }
 * parsePhasing('next spring'); // { ok: false, message: "Cannot read phasing 'next spring': write e.g. '2016/17 Q2-4', '2017-20' or '2017/18 Q4 - 2019/20 Q1'" }
 */
export function parsePhasing(
  text: string,
  startMonth: Month = DEFAULT_START_MONTH,
): Parsed<Phasing> {
  const phrase =
    typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
  const key = `${startMonth}|${phrase}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // Frozen because cached results are shared between callers.
  const result = Object.freeze(readPhrase(phrase, startMonth));
  if (result.ok) Object.freeze(result.value);
  if (phrase.length <= 200) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, result);
  }
  return result;
}
