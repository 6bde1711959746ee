import { readHeader } from '../headers';
import { decimalsFromFormat } from '../numberFormat';
import { isTotalLabel } from '../totals';

describe('reading a column header', () => {
  it.each([
    ['Area for investment', 'label'],
    ['Project', 'label'],
    ['Scheme name', 'label'],
    ['Ref', 'ref'],
    ['Project Ref', 'ref'],
    ['Status', 'status'],
    ['Capital £m', 'budget'],
    ['Forecast', 'forecast'],
    ['Forecast Outturn', 'forecast'],
    ['Actual spend to date', 'actual'],
    ['Variance', 'variance'],
    ['Under/(over) spend', 'variance'],
    ['All Years Budget', 'all-years-budget'],
    ['All Years Forecast', 'all-years-forecast'],
    ['Phase', 'phasing'],
    ['Impact', 'text'],
    ['Variance %', 'text'],
    ['', 'blank'],
  ])('reads %p as %s', (header, role) => {
    expect(readHeader(header).role).toBe(role);
  });

  it('tells original, approved and revised budgets apart', () => {
    expect(readHeader('Original Budget').budgetKind).toBe('original');
    expect(readHeader('Approved Budget').budgetKind).toBe('approved');
    expect(readHeader('Revised Budget').budgetKind).toBe('revised');
    expect(readHeader('Current budget').budgetKind).toBe('revised');
  });

  it('takes the unit from the header text', () => {
    expect(readHeader('Capital £m').unit).toBe('£m');
    expect(readHeader("Budget £'000").unit).toBe('£k');
  });

  it('reads year and quarter columns as periods', () => {
    expect(readHeader('2016/17 Q1')).toEqual({
      role: 'period',
      period: { kind: 'quarter', year: 2016, quarter: 1 },
    });
    expect(readHeader('2017/18')).toEqual({ role: 'period', period: { kind: 'year', year: 2017 } });
    expect(readHeader('Budget 2018/19 £m')).toMatchObject({
      role: 'period',
      period: { kind: 'year', year: 2018 },
      unit: '£m',
    });
  });

  it('keeps a named budget a budget even when the header names its year', () => {
    expect(readHeader('Approved Budget 2016/17').role).toBe('budget');
  });
});

describe('decimals shown by a number format', () => {
  it.each([
    ['0.0', 1],
    ['#,##0.00', 2],
    ['"£"#,##0.0"m"', 1],
    ['#,##0;(#,##0)', 0],
    ['0.000_);(0.000)', 3],
    ['[Red]0.0', 1],
    ['0', 0],
  ])('reads %p as %i places', (format, places) => {
    expect(decimalsFromFormat(format)).toBe(places);
  });

  it('says nothing for General, text or missing formats', () => {
    expect(decimalsFromFormat('General')).toBeUndefined();
    expect(decimalsFromFormat('@')).toBeUndefined();
    expect(decimalsFromFormat(undefined)).toBeUndefined();
  });
});

describe('total labels', () => {
  it.each([
    'Total',
    'TOTAL',
    'Sub-total',
    'Subtotal',
    'Sub total',
    'Grand total',
    'Total ICT Investment',
    'Net total',
    'Programme total',
    'Totals',
  ])('recognises %p', (label) => expect(isTotalLabel(label)).toBe(true));

  it.each(['Business transformation', 'Totally new library', 'Subtotalling tool', 'Compliance'])(
    'does not take %p for a total',
    (label) => {
      expect(isTotalLabel(label)).toBe(false);
    },
  );
});
