import {
  columnReadingsBlockOf,
  COLUMN_READINGS_HEADER,
  COLUMN_READINGS_LEFT,
  COLUMN_READINGS_MAX,
  COLUMN_READINGS_ROWS,
  formatColumnReading,
  parseColumnReading,
  planColumnReadings,
  readColumnChoice,
  savedColumnReading,
  validateColumnReading,
} from '../columnReadings';
import { OVERRIDE_ROLES } from '../../core';

describe('column readings on the settings sheet', () => {
  it('takes every role the CLI takes, and formulas of columns, written canonically', () => {
    for (const role of OVERRIDE_ROLES)
      expect(readColumnChoice('g', role.toUpperCase())).toEqual({ ok: true, value: ['G', role] });
    expect(readColumnChoice('h', ' e - d ')).toEqual({ ok: true, value: ['H', 'E-D'] });
    expect(readColumnChoice('AA', 'B+C+D')).toEqual({ ok: true, value: ['AA', 'B+C+D'] });
    expect(readColumnChoice('G1', 'variance').ok).toBe(false);
    expect(readColumnChoice('G', 'E*D').ok).toBe(false);
  });

  it('writes a reading as the CLI options, left to right, and reads it back', () => {
    const text = formatColumnReading({ AA: 'skip', H: 'E-D', G: 'variance' });
    expect(text).toBe('G=variance; H=E-D; AA=skip');
    expect(parseColumnReading(text)).toEqual({
      ok: true,
      value: { G: 'variance', H: 'E-D', AA: 'skip' },
    });
  });

  it.each([
    ['', /empty/],
    ['G variance', /not LETTERS=ROLE/],
    ['G=variance; G=skip', /given twice/],
    ['G=wibble', /'wibble' is not a role/],
  ])('refuses the text %p', (text, message) => {
    const parsed = parseColumnReading(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('refuses a reading longer than one cell holds', () => {
    const columns: Record<string, string> = {};
    for (let i = 0; i < 2600; i++)
      columns[
        `${String.fromCharCode(65 + Math.floor(i / 676))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}${String.fromCharCode(65 + (i % 26))}`
      ] = 'percentage';
    const valid = validateColumnReading(columns);
    expect(!valid.ok && valid.message).toMatch(/more than one Excel cell holds \(32,767\)/);
  });

  it('finds a sheet ignoring case and says why a row it cannot use was ignored', () => {
    const block = [
      COLUMN_READINGS_HEADER,
      ['Outturn', 'G=variance', 1],
      ['Budget', 'G=variance', 3],
      ['Notes', '=1+1', 1],
    ];
    expect(savedColumnReading(block, 'OUTTURN')).toEqual({ columns: { G: 'variance' } });
    expect(savedColumnReading(block, 'Budget').problem).toMatch(/format 3 by another version/);
    expect(savedColumnReading(block, 'Notes').problem).toMatch(/'=1\+1' cannot be read/);
    expect(savedColumnReading(block, 'Capital')).toEqual({});
    expect(savedColumnReading(undefined, 'Outturn')).toEqual({});
  });

  it('plans the whole block: others kept, the sheet replaced or removed, blanks to the end', () => {
    const first = planColumnReadings(undefined, 'Outturn', { g: 'Variance' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value).toHaveLength(COLUMN_READINGS_ROWS);
    expect(first.value.slice(0, 3)).toEqual([
      [...COLUMN_READINGS_HEADER],
      ['Outturn', 'G=variance', 1],
      ['', '', ''],
    ]);
    const second = planColumnReadings(first.value, 'Budget', { B: 'skip' });
    const replaced = second.ok && planColumnReadings(second.value, 'outturn', { G: 'E-D' });
    expect(replaced && replaced.ok && replaced.value.slice(1, 3)).toEqual([
      ['outturn', 'G=E-D', 1],
      ['Budget', 'B=skip', 1],
    ]);
    const reset = replaced && replaced.ok && planColumnReadings(replaced.value, 'Outturn', {});
    expect(reset && reset.ok && reset.value.slice(1, 3)).toEqual([
      ['Budget', 'B=skip', 1],
      ['', '', ''],
    ]);
  });

  it('says when every row is taken', () => {
    const full = [
      COLUMN_READINGS_HEADER,
      ...Array.from({ length: COLUMN_READINGS_MAX }, (_, i) => [`Sheet ${i}`, 'B=skip', 1]),
    ];
    const refused = planColumnReadings(full, 'One more', { B: 'skip' });
    expect(!refused.ok && refused.message).toMatch(/readings of 200 sheets are already remembered/);
    expect(planColumnReadings(full, 'Sheet 3', { B: 'notes' }).ok).toBe(true);
  });
});

describe('columnReadingsBlockOf (the command line reads the block out of the whole settings sheet)', () => {
  it('finds the block wherever the sheet values start (readers drop empty leading columns)', () => {
    // A settings sheet holding only the readings block: the reader's values start at E1.
    const values = [
      ['Sheet', 'Columns read as', 'Format'],
      ['Outturn', 'G=variance', 1],
    ];
    const block = columnReadingsBlockOf(values, { row: 0, column: COLUMN_READINGS_LEFT });
    expect(savedColumnReading(block, 'outturn').columns).toEqual({ G: 'variance' });
  });

  it('reads the block beside the settings in A:C, from A1', () => {
    const values = [
      ['Setting', 'Value', 'Note', '', 'Sheet', 'Columns read as', 'Format'],
      ['unit', '£m', '', '', 'Capital', 'H=E-D', 1],
    ];
    expect(savedColumnReading(columnReadingsBlockOf(values), 'Capital').columns).toEqual({
      H: 'E-D',
    });
  });
});
