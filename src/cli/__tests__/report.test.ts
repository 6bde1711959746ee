import type { Finding } from '../../core/findings';
import { exitStatus, formatTextReport, summarise, toJsonReport } from '../report';

const totalError: Finding = {
  rule: 'total-mismatch',
  severity: 'error',
  sheet: 'Programme',
  cell: 'C17',
  message: 'Total 35.0 does not match its rows (32.0)',
  expected: '32.0',
  actual: '35.0',
};
const unphased: Finding = {
  rule: 'unphased',
  severity: 'warning',
  sheet: 'Programme',
  cell: 'E16',
  message: 'not phased yet',
};
const note: Finding = { rule: 'total-mismatch', severity: 'info', message: 'within rounding' };

describe('the check report', () => {
  it('counts errors and warnings, not notes', () => {
    expect(
      summarise([
        { file: 'a.xlsx', findings: [totalError, unphased, note] },
        { file: 'b.xlsx', findings: [unphased] },
      ]),
    ).toEqual({
      errors: 1,
      warnings: 2,
    });
  });

  it.each([
    ['no findings', [{ file: 'a.xlsx', findings: [] }], 0],
    ['only warnings', [{ file: 'a.xlsx', findings: [unphased] }], 0],
    ['an error', [{ file: 'a.xlsx', findings: [unphased, totalError] }], 1],
    [
      'an unreadable file, even beside an error',
      [
        { file: 'a.xlsx', findings: [totalError] },
        { file: 'b.xlsx', findings: [], error: 'is empty' },
      ],
      2,
    ],
  ])('exits with the right status for %s', (_what, reports, status) => {
    expect(exitStatus(reports)).toBe(status);
  });

  it('prints every key of a finding in JSON, null where it does not apply', () => {
    expect(toJsonReport([{ file: 'a.xlsx', findings: [note] }]).files[0].findings[0]).toEqual({
      rule: 'total-mismatch',
      severity: 'info',
      sheet: null,
      cell: null,
      message: 'within rounding',
      expected: null,
      actual: null,
    });
  });

  it('groups the readable report by file and sheet, with the cell first', () => {
    const text = formatTextReport([
      { file: 'a.xlsx', findings: [totalError, unphased] },
      { file: 'b.xlsx', findings: [], error: 'is empty (0 bytes)' },
    ]);
    expect(text).toBe(
      [
        'a.xlsx',
        "  Sheet 'Programme'",
        '    error   C17: Total 35.0 does not match its rows (32.0) [total-mismatch]',
        '    warning E16: not phased yet [unphased]',
        '',
        'b.xlsx',
        '  Cannot read it: is empty (0 bytes)',
        '',
        '2 files checked: 1 error, 1 warning, 1 could not be read',
        '',
      ].join('\n'),
    );
  });
});
