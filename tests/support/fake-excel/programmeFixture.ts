/** Builds Programme tables straight into the fake workbook, for tests of any size. */
import type { FakeWorkbook } from './index';
import { PROGRAMME_COLUMNS, REVISED_BUDGET_FORMULA } from '../../../src/excel/programmeLayout';

export const QUARTERS = [
  '2016/17 Q1',
  '2016/17 Q2',
  '2016/17 Q3',
  '2016/17 Q4',
  '2017/18 Q1',
  '2017/18 Q2',
  '2017/18 Q3',
  '2017/18 Q4',
];
const PHRASES = [
  '2016/17 Q1',
  '2016/17 Q2-4',
  '2016/17 Q1-4',
  'TBC',
  '2017/18 Q1 - 2017/18 Q4',
  '2016/17 Q4 and 2017/18 Q4',
];

/** A Programme table of `rows` schemes on sheet `Programme` starting at A1, periods blank. */
export function buildProgramme(
  workbook: FakeWorkbook,
  rows: number,
  options: { withRevisionsTable?: boolean } = {},
): void {
  const header = [...PROGRAMME_COLUMNS.map((c) => c.header), ...QUARTERS];
  const body = Array.from({ length: rows }, (_, i) => [
    `CP-${i + 1}`,
    'Planned',
    i % 3 === 0 ? 'ICT infrastructure' : 'Technology',
    `Scheme ${i + 1}`,
    '',
    'Impact text',
    Math.round((1 + (i % 17) * 0.3) * 10) / 10,
    REVISED_BUDGET_FORMULA,
    PHRASES[i % PHRASES.length],
    'even',
    'Borrowing',
    i % 2 === 0 ? 'Head of ICT' : 'Ann Smith',
    ...QUARTERS.map(() => ''),
  ]);
  workbook.setCells('Programme', 'A1', [header, ...body]);
  const sheet = workbook.model.findSheet('Programme');
  if (!sheet) throw new Error('no sheet');
  workbook.model.tables.push({
    name: 'Programme',
    sheet,
    top: 0,
    left: 0,
    columns: header,
    bodyRows: rows,
    showTotals: false,
  });
  if (options.withRevisionsTable) {
    workbook.setCells('Revisions', 'A1', [
      ['Ref', 'Date', 'Kind', 'Amount', 'Signed amount', 'Reason', 'Reference', 'Approved by'],
    ]);
    const log = workbook.model.findSheet('Revisions');
    if (!log) throw new Error('no sheet');
    workbook.model.tables.push({
      name: 'Revisions',
      sheet: log,
      top: 0,
      left: 0,
      columns: [
        'Ref',
        'Date',
        'Kind',
        'Amount',
        'Signed amount',
        'Reason',
        'Reference',
        'Approved by',
      ],
      bodyRows: 1,
      showTotals: false,
    });
  }
}
