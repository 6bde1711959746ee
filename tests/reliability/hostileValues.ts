/**
 * Hostile cell values: everything Excel (or a careless caller) could hand a custom function, and a
 * good deal Excel never would. Shared by the reliability tests so the table is counted once.
 */

/** One kind of hostile argument: a name for the report, and a factory (big ones are shared). */
export interface HostileKind {
  readonly name: string;
  readonly make: () => unknown;
  /**
   * A JavaScript value no spreadsheet cell can hold (a symbol, a function, an object whose
   * toString throws). The functions must still not throw on it, but may answer with their
   * generic "could not calculate" #VALUE! rather than a tailored message.
   */
  readonly notFromExcel?: true;
  /** A 400,000-cell block: run in its own test so timing is visible. */
  readonly huge?: true;
}

function block(
  rows: number,
  columns: number,
  cell: (r: number, c: number) => unknown,
): unknown[][] {
  // Array.from makes packed arrays, as Excel's are; holey ones (new Array(n)) are far slower to read.
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => cell(r, c)),
  );
}

/**
 * Rows of the huge blocks: 10,000 (400,000 cells) with RELIABILITY_FULL=1, which takes about
 * 90 s on two shared cores because element-wise functions really compute every cell; 1,000
 * (40,000 cells) in the everyday run, to keep the file within the suite's time budget.
 */
export const HUGE_ROWS = process.env.RELIABILITY_FULL === '1' ? 10_000 : 1_000;

let hugeNumbers: unknown[][] | undefined;
let hugeTexts: unknown[][] | undefined;

/** A HUGE_ROWS x 40 block of numbers, built once. */
export function hugeNumberBlock(): unknown[][] {
  hugeNumbers ??= block(HUGE_ROWS, 40, (r, c) => (r * 40 + c) / 100);
  return hugeNumbers;
}

/** A HUGE_ROWS x 40 block of assorted text, built once. */
export function hugeTextBlock(): unknown[][] {
  hugeTexts ??= block(HUGE_ROWS, 40, (r, c) =>
    c % 3 === 0 ? `£${r},${c}k` : c % 3 === 1 ? '2016/17 Q2-4' : 'x',
  );
  return hugeTexts;
}

/** Like `CustomFunctions.Error`: what Excel passes for an error in a referenced cell. */
class ExcelErrorLike {
  readonly name = 'Error';
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const longText = 'x'.repeat(10_000);
const longDigits = '9'.repeat(10_000);

/** At least 40 kinds of hostile argument. */
export const HOSTILE_KINDS: readonly HostileKind[] = [
  { name: "text 'hello'", make: () => 'hello' },
  { name: "empty text ''", make: () => '' },
  { name: 'whitespace only', make: () => ' \t\n ' },
  { name: 'null', make: () => null },
  { name: 'undefined', make: () => undefined },
  { name: 'TRUE', make: () => true },
  { name: 'FALSE', make: () => false },
  { name: "error object { code: '#REF!' }", make: () => ({ code: '#REF!' }) },
  { name: "error object { code: '#DIV/0!' }", make: () => ({ code: '#DIV/0!' }) },
  { name: 'CustomFunctions.Error-like #N/A', make: () => new ExcelErrorLike('#N/A', 'missing') },
  { name: 'NaN', make: () => NaN },
  { name: 'Infinity', make: () => Infinity },
  { name: '-Infinity', make: () => -Infinity },
  { name: '1e308', make: () => 1e308 },
  { name: '-1e308', make: () => -1e308 },
  { name: '-0', make: () => -0 },
  { name: '5e-324 (smallest denormal)', make: () => 5e-324 },
  { name: 'MAX_SAFE_INTEGER + 2', make: () => Number.MAX_SAFE_INTEGER + 2 },
  { name: '0.1 + 0.2 (float noise)', make: () => 0.1 + 0.2 },
  { name: `huge array ${HUGE_ROWS} x 40 numbers`, huge: true, make: hugeNumberBlock },
  { name: `huge array ${HUGE_ROWS} x 40 text`, huge: true, make: hugeTextBlock },
  { name: 'ragged array [[1,2],[3]]', make: () => [[1, 2], [3]] },
  { name: 'empty row [[]]', make: () => [[]] },
  { name: 'empty array []', make: () => [] },
  { name: 'mismatched shape 3 x 2', make: () => block(3, 2, (r, c) => r + c) },
  { name: 'wide row 1 x 100', make: () => block(1, 100, (_, c) => c) },
  { name: 'sparse array (holes)', make: () => [new Array(3)] },
  { name: 'nested array [[[1]]]', make: () => [[[1]]] },
  { name: 'array of errors and junk', make: () => [[1, { code: '#N/A' }, 'x', null, NaN, true]] },
  { name: "date text '30/11/2019'", make: () => '30/11/2019' },
  { name: "impossible date '2019-02-30'", make: () => '2019-02-30' },
  { name: '10,000-character text', make: () => longText },
  { name: '10,000 digits', make: () => longDigits },
  { name: "unicode minus '−0.3'", make: () => '\u22120.3' },
  { name: "NBSP thousands ' 1 250'", make: () => '\u00a01\u00a0250' },
  { name: "reversed range '2016/17 Q4-1'", make: () => '2016/17 Q4-1' },
  { name: "years out of order '2019/18'", make: () => '2019/18' },
  { name: "'2016/17 Q5'", make: () => '2016/17 Q5' },
  { name: "two-digit century '99/00'", make: () => '99/00' },
  { name: "formula text '=1+1'", make: () => '=1+1' },
  { name: "injection '@SUM(A1)'", make: () => '@SUM(A1)' },
  { name: "money '(£1,250.5k)'", make: () => '(£1,250.5k)' },
  { name: "'TBC'", make: () => 'TBC' },
  { name: "'__proto__'", make: () => '__proto__' },
  { name: "'constructor'", make: () => 'constructor' },
  { name: 'control characters', make: () => '\u0000\u0007\u001b[31m' },
  { name: 'lone surrogate + emoji', make: () => '\ud800💷' },
  { name: 'plain object {}', make: () => ({}) },
  { name: 'object without prototype', notFromExcel: true, make: () => Object.create(null) },
  {
    name: 'object with throwing toString',
    notFromExcel: true,
    make: () => ({
      toString: () => {
        throw new Error('boom');
      },
    }),
  },
  { name: 'function', notFromExcel: true, make: () => () => 1 },
  { name: 'symbol', notFromExcel: true, make: () => Symbol('cell') },
  { name: 'bigint 10n', notFromExcel: true, make: () => BigInt(10) },
  { name: 'Date object', notFromExcel: true, make: () => new Date(2019, 10, 30) },
  { name: 'negative serial -1', make: () => -1 },
  { name: "Excel's phantom 29/02/1900 (serial 60)", make: () => 60 },
  { name: 'last Excel date + 1 (2958466)', make: () => 2958466 },
  { name: 'fractional 2016.5', make: () => 2016.5 },
  { name: 'year 99999', make: () => 99999 },
];
