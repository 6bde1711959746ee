import { parseCommandLine, readConvention, readDecimals } from '../args';

describe('command-line options', () => {
  it('separates options from file names', () => {
    expect(
      parseCommandLine(['a.xlsx', '--json', 'b.xlsx', '--sheet', 'Programme'], {
        json: { type: 'boolean' },
        sheet: { type: 'string' },
      }),
    ).toEqual({
      ok: true,
      value: { values: { json: true, sheet: 'Programme' }, positionals: ['a.xlsx', 'b.xlsx'] },
    });
  });

  it('names an unknown option instead of ignoring it', () => {
    expect(parseCommandLine(['--jsno'], { json: { type: 'boolean' } })).toEqual({
      ok: false,
      message: "Unknown option '--jsno'",
    });
  });

  it('says when an option is missing its value', () => {
    const parsed = parseCommandLine(['--sheet'], { sheet: { type: 'string' } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain("'--sheet <value>' argument missing");
  });

  it.each([
    ['0', 0],
    ['1', 1],
    [' 3 ', 3],
    ['6', 6],
  ])('reads --decimals %j', (text, decimals) => {
    expect(readDecimals(text)).toEqual({ ok: true, value: decimals });
  });

  it.each(['-1', '7', '1.5', 'one', ''])('refuses --decimals %j with an example', (text) => {
    expect(readDecimals(text)).toEqual({
      ok: false,
      message: expect.stringContaining('e.g. --decimals 1'),
    });
  });

  it('reads the two variance conventions and refuses anything else', () => {
    expect(readConvention('forecast-minus-budget')).toEqual({
      ok: true,
      value: 'forecast-minus-budget',
    });
    expect(readConvention(undefined)).toEqual({ ok: true, value: undefined });
    expect(readConvention('budget-forecast').ok).toBe(false);
  });
});
