/**
 * Differential property test: thousands of workbooks written by ExcelJS, with every kind of cell
 * the command line reads (shared and inline strings, rich text, numbers, booleans, errors,
 * formulas with number, text, boolean, error and missing results, dates in both date systems,
 * custom and built-in number formats, merged areas, several sheets, Excel tables), read by the
 * fast reader and by ExcelJS's whole-file read: the grids must be identical.
 * FAST_READER_RUNS=5000 runs more.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookFast } from '../../src/xlsx/fastReader/readWorkbookFast';
import { readWholeWorkbookGrids } from '../../src/xlsx/readWorkbook';

const RUNS = Number(process.env.FAST_READER_RUNS ?? 1000);

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'Ref',
    'Forecast £m',
    'TOTAL',
    ' lead space',
    'a & b < c',
    '_x000D_',
    'x\r\ny',
    '"q"',
    "it's",
    '2016/17 Q1',
    '€ ü 日本',
    '=A1',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(0, -0, 2.6, 0.1 + 0.2, 1e-300, 123456789.123, 45000.5),
);
const errorText = fc.constantFrom(
  '#DIV/0!',
  '#N/A',
  '#NAME?',
  '#NULL!',
  '#NUM!',
  '#REF!',
  '#VALUE!',
);
const date = fc.date({
  min: new Date(Date.UTC(1905, 0, 1)),
  max: new Date(Date.UTC(2100, 0, 1)),
  noInvalidDate: true,
});
const numberFormat = fc.constantFrom(
  undefined,
  '0.0',
  '0.00',
  '#,##0.0;[Red]-#,##0.0',
  '0%',
  '£#,##0.00',
  '"£"0.0"m"',
  'dd/mm/yyyy',
  'mmm-yy',
  'h:mm',
  '[$-809]dd mmmm yyyy',
  '@',
  'General',
  '0.0\\ "m"',
);

const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  { weight: 3, arbitrary: text },
  { weight: 4, arbitrary: number },
  fc.boolean(),
  date,
  errorText.map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc.array(fc.record({ text, bold: fc.boolean() }), { minLength: 1, maxLength: 3 }).map((runs) => ({
    richText: runs.map((run) => ({ text: run.text, font: run.bold ? { bold: true } : {} })),
  })),
  fc
    .oneof(
      number,
      text,
      fc.boolean(),
      errorText.map((error) => ({ error })),
      fc.constant(undefined),
      date,
    )
    .map((result) => ({ formula: 'A1+1', result }) as ExcelJS.CellFormulaValue),
  fc.constant(null),
);

const cell = fc.record({
  row: fc.integer({ min: 1, max: 12 }),
  column: fc.integer({ min: 1, max: 8 }),
  value: cellValue,
  format: numberFormat,
});

const sheet = fc.record({
  cells: fc.array(cell, { maxLength: 25 }),
  merges: fc.array(
    fc.record({
      top: fc.integer({ min: 1, max: 12 }),
      left: fc.integer({ min: 1, max: 8 }),
      height: fc.integer({ min: 1, max: 3 }),
      width: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 2 },
  ),
  table: fc.boolean(),
});

const workbookShape = fc.record({
  sheets: fc.array(sheet, { minLength: 1, maxLength: 3 }),
  date1904: fc.boolean(),
  sharedStrings: fc.boolean(),
});

type WorkbookShape = typeof workbookShape extends fc.Arbitrary<infer T> ? T : never;

function columnLetters(column: number): string {
  return String.fromCharCode(64 + column);
}

async function write(shape: WorkbookShape, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = shape.date1904;
  shape.sheets.forEach((spec, index) => {
    const worksheet = workbook.addWorksheet(`Sheet ${index + 1}${index === 1 ? ' & co' : ''}`);
    if (spec.table) {
      worksheet.addTable({
        name: `Table${index + 1}`,
        ref: 'J1',
        headerRow: true,
        columns: [{ name: 'Ref' }, { name: 'Budget £m' }],
        rows: [
          ['CP001', 2.6],
          ['CP002', 1.1],
        ],
      });
    }
    for (const entry of spec.cells) {
      const target = worksheet.getCell(entry.row, entry.column);
      target.value = entry.value;
      if (entry.format !== undefined) target.numFmt = entry.format;
    }
    const taken = new Set<string>();
    for (const merge of spec.merges) {
      const cells: string[] = [];
      for (let r = merge.top; r < merge.top + merge.height; r++)
        for (let c = merge.left; c < merge.left + merge.width; c++) cells.push(`${r},${c}`);
      if (cells.length < 2 || cells.some((key) => taken.has(key))) continue;
      cells.forEach((key) => taken.add(key));
      worksheet.mergeCells(
        `${columnLetters(merge.left)}${merge.top}:${columnLetters(merge.left + merge.width - 1)}${merge.top + merge.height - 1}`,
      );
    }
  });
  const buffer = await workbook.xlsx.writeBuffer({
    useSharedStrings: shape.sharedStrings,
  } as never);
  await writeFile(path, Buffer.from(buffer as ArrayBuffer));
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-fast-gen-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the fast reader against ExcelJS on generated workbooks', () => {
  it(`gives the same grids, sheet names and tables on ${RUNS} workbooks with every kind of cell`, async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(workbookShape, async (shape) => {
        const path = join(dir, `book-${index++ % 4}.xlsx`);
        await write(shape, path);
        const expected = await readWholeWorkbookGrids(path);
        const actual = await readWorkbookFast(path);
        if (!expected.ok) throw new Error(`ExcelJS cannot read it: ${expected.message}`);
        if (!actual.ok) throw new Error(`the fast reader cannot read it: ${actual.message}`);
        expect(actual.value.sheetNames).toEqual(expected.value.sheetNames);
        expect(actual.value.grids).toEqual(expected.value.grids);
        expect(actual.value.tables.map((table) => table.name)).toEqual(
          shape.sheets.flatMap((spec, i) => (spec.table ? [`Table${i + 1}`] : [])),
        );
      }),
      { numRuns: RUNS },
    );
  }, RUNS * 1_000);
});
