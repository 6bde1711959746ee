/**
 * Generated capital programmes laid out as councils lay them out: a header row of Ref, Status,
 * Area, Scheme, approved and revised budgets in £'000, a phasing phrase and profile, then 40
 * quarter columns. Schemes come in groups of about 20 under an occasional heading, each group
 * closed by a sub-total; a grand total ends the table. A few figures are pasted as text, a few
 * sub-totals differ from their rows by rounding only, and exactly one sub-total is really wrong.
 * The generator knows what a correct check must find, so a benchmark can verify before timing.
 */

/** First financial year of the quarter columns (2016 = 2016/17). */
export const FIRST_YEAR = 2016;
/** Quarter columns: ten financial years. */
export const QUARTERS = 40;
/** Columns before the quarters. */
export const LEADING_HEADERS = [
  'Ref',
  'Status',
  'Area for investment',
  'Scheme',
  "Approved Budget £'000",
  "Revised Budget £'000",
  'Phasing',
  'Profile',
];
export const APPROVED_COLUMN = 4;
export const REVISED_COLUMN = 5;
export const PHASING_COLUMN = 6;
export const FIRST_QUARTER_COLUMN = LEADING_HEADERS.length;
/** Schemes per sub-total group. */
export const GROUP_SIZE = 20;
/** Every this many schemes, one figure is pasted as text. */
const TEXT_EVERY = 997;
/** Every this many groups, the sub-total is off by rounding (0.1) in one column. */
const ROUNDING_EVERY = 5;
/** How far the one wrong sub-total is out, in tenths of £'000 (50.0). */
export const ERROR_TENTHS = 500;

const AREAS = [
  'Schools and learning',
  'Highways and transport',
  'Adult social care',
  'ICT and digital',
  'Property and estates',
  'Waste and environment',
];
const SCHEMES = [
  'Roof replacement',
  'Boiler renewal',
  'Resurfacing programme',
  'Network refresh',
  'Kitchen upgrade',
  'Lift replacement',
  'LED street lighting',
  'Case management system',
  'Flood defence works',
  'Depot extension',
];
const STATUSES = ['Delivered or in progress', 'Planned', 'Future plans'];
const PROFILES = ['even', 'front', 'back', 'scurve'];

/** What a correct check of the generated programme must find. */
export interface ProgrammeExpectations {
  /** The one real error: A1 address, printed total and the sum of its rows (as numbers). */
  errorCell: string;
  errorPrinted: number;
  errorSum: number;
  /** Figures pasted as text (each a `number-as-text` finding). */
  textFigures: number;
  /** Sub-totals off by rounding only (each an `info` finding, never an error). */
  roundingDifferences: number;
  schemes: number;
}

/** A generated programme: rows of Office.js-like cell values and what a check must find. */
export interface GeneratedProgramme {
  values: (string | number)[][];
  expect: ProgrammeExpectations;
}

/**
 * A small deterministic random number generator (mulberry32), so every run checks the same data.
 *
 * @example
 * const random = seeded(42); random(); // 0.6011...
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `2016/17 Q1` for quarter index 0. */
export function quarterLabel(index: number): string {
  const year = FIRST_YEAR + Math.floor(index / 4);
  return `${year}/${String((year + 1) % 100).padStart(2, '0')} Q${(index % 4) + 1}`;
}

function yearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/**
 * A phasing phrase for quarters `first`..`last` (indexes from 2016/17 Q1), written the ways
 * councils write them: `2017/18 Q2`, `2017/18 Q2-4`, `2017-20`, `2017/18 Q4 - 2019/20 Q1`.
 *
 * @example
 * phrase(5, 7); // '2017/18 Q2-4'
 */
export function phrase(first: number, last: number): string {
  const firstYear = FIRST_YEAR + Math.floor(first / 4);
  const lastYear = FIRST_YEAR + Math.floor(last / 4);
  const q1 = (first % 4) + 1;
  const q2 = (last % 4) + 1;
  if (first === last) return `${yearLabel(firstYear)} Q${q1}`;
  if (firstYear === lastYear) return `${yearLabel(firstYear)} Q${q1}-${q2}`;
  if (q1 === 1 && q2 === 4) return `${firstYear}-${String((lastYear + 1) % 100).padStart(2, '0')}`;
  return `${yearLabel(firstYear)} Q${q1} - ${yearLabel(lastYear)} Q${q2}`;
}

/** Splits whole tenths evenly over `count` quarters, odd tenths to the earliest. */
function splitEvenly(tenths: number, count: number): number[] {
  const base = Math.floor(tenths / count);
  const odd = tenths - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < odd ? 1 : 0));
}

function fromTenths(tenths: number): number {
  return tenths / 10;
}

function withThousands(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  return `${whole.toLocaleString('en-GB')}.${tenths % 10}`;
}

function toA1(row: number, column: number): string {
  let letters = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/**
 * Generates a programme of `schemes` scheme rows (plus headings, sub-totals and a grand total).
 *
 * @example
 * const { values, expect } = generateProgramme(1000);
 * checkGrid({ values }).findings.filter((f) => f.severity === 'error'); // one, at expect.errorCell
 */
export function generateProgramme(schemes: number, seed = 2016): GeneratedProgramme {
  const random = seeded(seed);
  const width = FIRST_QUARTER_COLUMN + QUARTERS;
  const header = [
    ...LEADING_HEADERS,
    ...Array.from({ length: QUARTERS }, (_, q) => quarterLabel(q)),
  ];
  const values: (string | number)[][] = [header];
  const groups = Math.ceil(schemes / GROUP_SIZE);
  const errorGroup = Math.floor(groups / 2);
  const grand = new Array<number>(width).fill(0);
  const expect: ProgrammeExpectations = {
    errorCell: '',
    errorPrinted: 0,
    errorSum: 0,
    textFigures: 0,
    roundingDifferences: 0,
    schemes,
  };
  let made = 0;
  for (let g = 0; g < groups; g++) {
    const area = AREAS[Math.floor(g / 5) % AREAS.length];
    if (g % 5 === 0) {
      const heading: (string | number)[] = new Array<string | number>(width).fill('');
      heading[2] = area.toUpperCase();
      values.push(heading);
    }
    const sums = new Array<number>(width).fill(0);
    const inGroup = Math.min(GROUP_SIZE, schemes - made);
    for (let s = 0; s < inGroup; s++, made++) {
      const row: (string | number)[] = new Array<string | number>(width).fill('');
      const revised = 100 + Math.floor(random() * 500000);
      const approved =
        random() < 0.8 ? revised : Math.max(100, revised - Math.floor(random() * 2000));
      const first = Math.floor(random() * 36);
      const length = 1 + Math.floor(random() * Math.min(12, QUARTERS - first));
      row[0] = `CP-${String(made + 1).padStart(6, '0')}`;
      row[1] = STATUSES[Math.floor(random() * STATUSES.length)];
      row[2] = area;
      row[3] = `${SCHEMES[made % SCHEMES.length]} ${made + 1}`;
      row[APPROVED_COLUMN] = fromTenths(approved);
      row[REVISED_COLUMN] = fromTenths(revised);
      row[PHASING_COLUMN] = phrase(first, first + length - 1);
      row[7] = PROFILES[made % PROFILES.length];
      sums[APPROVED_COLUMN] += approved;
      sums[REVISED_COLUMN] += revised;
      splitEvenly(revised, length).forEach((tenths, i) => {
        const column = FIRST_QUARTER_COLUMN + first + i;
        row[column] = fromTenths(tenths);
        sums[column] += tenths;
      });
      if (made % TEXT_EVERY === TEXT_EVERY - 1) {
        const column = FIRST_QUARTER_COLUMN + first;
        row[column] = withThousands(Math.round((row[column] as number) * 10));
        expect.textFigures++;
      }
      values.push(row);
    }
    const subtotal: (string | number)[] = new Array<string | number>(width).fill('');
    subtotal[2] = 'Sub-total';
    for (let c = APPROVED_COLUMN; c < width; c++) {
      if (c === PHASING_COLUMN || c === 7) continue;
      let printed = sums[c];
      if (g === errorGroup && c === REVISED_COLUMN) {
        printed += ERROR_TENTHS;
        expect.errorCell = toA1(values.length, c);
        expect.errorPrinted = fromTenths(printed);
        expect.errorSum = fromTenths(sums[c]);
      } else if (g % ROUNDING_EVERY === 2 && c === APPROVED_COLUMN && inGroup >= 2) {
        printed += 1;
        expect.roundingDifferences++;
      }
      subtotal[c] = fromTenths(printed);
      grand[c] += sums[c];
    }
    values.push(subtotal);
  }
  const total: (string | number)[] = new Array<string | number>(width).fill('');
  total[2] = 'Grand total';
  for (let c = APPROVED_COLUMN; c < width; c++)
    if (c !== PHASING_COLUMN && c !== 7) total[c] = fromTenths(grand[c]);
  values.push(total);
  return { values, expect };
}

/**
 * The floor for the grid check: a plain loop that only adds up every numeric cell.
 *
 * @example
 * sumNumericCells([[1, 'a'], [2.5, '']]); // 3.5
 */
export function sumNumericCells(values: readonly (readonly unknown[])[]): number {
  let sum = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === 'number') sum += value;
    }
  }
  return sum;
}
