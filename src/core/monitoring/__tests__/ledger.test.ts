import { decimal, formatDecimal } from '../../money/decimal';
import { actualToDate, actualsToDate } from '../actuals';
import { guessLedgerMapping, importLedger, ledgerFindings } from '../ledger';

const known = ['ICT-01', 'ICT-02'];

describe('importLedger', () => {
  const header = ['Ref', 'Period', 'Amount', 'Description'];

  it('brings in lines by ref and period, in the workbook year', () => {
    const result = importLedger(
      [header, ['ICT-01', 'P3', 1250.5, 'Laptops'], ['ICT-02', '2019/20 P8', 99, '']],
      { mapping: { ref: 0, period: 1, amount: 2, description: 3 }, knownRefs: known, year: 2019 },
    );
    expect(result.problems).toEqual([]);
    expect(result.lines).toEqual([
      {
        ref: 'ICT-01',
        year: 2019,
        period: 3,
        amount: decimal(12505, 1),
        description: 'Laptops',
        row: 2,
      },
      { ref: 'ICT-02', year: 2019, period: 8, amount: decimal(99), row: 3 },
    ]);
  });

  it('reads dates (text or Excel serials) into the fiscal year and period', () => {
    const result = importLedger(
      [
        ['Cost centre', 'Posting date', 'Net'],
        ['CC100', '30/11/2019', 10],
        ['CC100', 43921, 5],
      ],
      {
        mapping: { costCode: 0, date: 1, amount: 2 },
        knownRefs: known,
        costCodes: new Map([['CC100', 'ICT-01']]),
      },
    );
    expect(result.problems).toEqual([]);
    // 43921 is 31 March 2020: P12 of 2019/20.
    expect(result.lines.map((l) => [l.ref, l.year, l.period])).toEqual([
      ['ICT-01', 2019, 8],
      ['ICT-01', 2019, 12],
    ]);
  });

  it('reports an unknown ref at its row and cell and keeps the line apart, not dropped', () => {
    const result = importLedger([header, ['ICT-01', 'P1', 10], ['ICT-99', 'P1', 7]], {
      mapping: { ref: 0, period: 1, amount: 2 },
      knownRefs: known,
      year: 2019,
    });
    expect(result.lines).toHaveLength(1);
    expect(result.unmatched.map((l) => [l.ref, formatDecimal(l.amount)])).toEqual([
      ['ICT-99', '7'],
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'unknown-ref', severity: 'error', row: 3, cell: 'A3' }),
    ]);
    expect(result.problems[0].message).toContain("ref 'ICT-99' is not a scheme");
  });

  it('takes a duplicated line but reports it, naming the earlier row', () => {
    const result = importLedger(
      [
        header,
        ['ICT-01', 'P2', 500, 'Inv 7'],
        ['ICT-01', 'P2', 500, 'Inv 7'],
        ['ICT-01', 'P2', 500, 'Inv 8'],
      ],
      { mapping: { ref: 0, period: 1, amount: 2, description: 3 }, knownRefs: known, year: 2019 },
    );
    expect(result.lines).toHaveLength(3);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      kind: 'duplicate',
      severity: 'warning',
      row: 3,
      cell: 'C3',
    });
    expect(result.problems[0].message).toContain('same line as row 2');
  });

  it('reads a money amount stored as text with a warning, and refuses text that is no amount', () => {
    const result = importLedger([header, ['ICT-01', 'P2', '£1,250.00'], ['ICT-01', 'P2', 'TBC']], {
      mapping: { ref: 0, period: 1, amount: 2 },
      knownRefs: known,
      year: 2019,
    });
    expect(result.lines.map((l) => formatDecimal(l.amount, 2))).toEqual(['1250.00']);
    expect(result.problems.map((p) => [p.kind, p.severity, p.cell])).toEqual([
      ['text-amount', 'warning', 'C2'],
      ['bad-amount', 'error', 'C3'],
    ]);
  });

  it('accounts for every non-blank row: a line, a kept-apart line or an error', () => {
    const rows = [
      header,
      ['ICT-01', 'P1', 1],
      [],
      ['', 'P1', 2],
      ['ICT-01', 'P14', 3],
      ['ICT-02', 'P1', 'x'],
      ['NOPE', 'P1', 4],
    ];
    const result = importLedger(rows, {
      mapping: { ref: 0, period: 1, amount: 2 },
      knownRefs: known,
      year: 2019,
      rowOffset: 4,
    });
    const errors = result.problems.filter((p) => p.severity === 'error');
    const rowsTaken = result.lines.length + errors.length + result.blankRows;
    expect(result.blankRows).toBe(1);
    expect(rowsTaken).toBe(rows.length - 1);
    // Rows are the sheet's own: the grid starts 4 rows down.
    expect(errors.map((p) => p.row)).toEqual([8, 9, 10, 11]);
  });

  it('turns problems into findings at their cells', () => {
    const result = importLedger([header, ['ICT-99', 'P1', '7']], {
      mapping: { ref: 0, period: 1, amount: 2 },
      knownRefs: known,
      year: 2019,
    });
    expect(ledgerFindings(result.problems, 'Ledger').map((f) => [f.rule, f.sheet, f.cell])).toEqual(
      [
        ['number-as-text', 'Ledger', 'C2'],
        ['actuals-mismatch', 'Ledger', 'A2'],
      ],
    );
  });
});

describe('guessLedgerMapping', () => {
  it('maps a typical export header', () => {
    expect(
      guessLedgerMapping(['Cost centre', 'Posting date', 'Description', 'Net amount']),
    ).toEqual({
      costCode: 0,
      date: 1,
      description: 2,
      amount: 3,
    });
  });

  it('gives up when there is no amount', () => {
    expect(guessLedgerMapping(['Ref', 'Period'])).toBeUndefined();
  });
});

describe('actualToDate', () => {
  const lines = [
    { ref: 'ICT-01', year: 2019, period: 3, amount: decimal(1) },
    { ref: 'ICT-01', year: 2019, period: 8, amount: decimal(2) },
    { ref: 'ICT-01', year: 2019, period: 9, amount: decimal(4) },
    { ref: 'ICT-01', year: 2018, period: 3, amount: decimal(8) },
    { ref: 'ICT-02', year: 2019, period: 1, amount: decimal(16) },
  ] as const;

  it('adds a scheme’s lines of the year up to and including the period', () => {
    expect(formatDecimal(actualToDate(lines, 'ICT-01', { year: 2019, period: 8 }))).toBe('3');
    expect(formatDecimal(actualsToDate(lines, { year: 2019, period: 8 }).get('ICT-02')!)).toBe(
      '16',
    );
  });
});
